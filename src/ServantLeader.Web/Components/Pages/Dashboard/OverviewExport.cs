using System.Globalization;
using CsvHelper;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Web.Identity;

namespace ServantLeader.Web.Components.Pages.Dashboard;

/// <summary>HR's overview as CSV: the same rows, columns, order and formatted values as the page shows.</summary>
internal static class OverviewExport
{
    public const string Path = "/dashboard/overview.csv";

    /// <summary>The address before the pages were grouped by feature, kept so saved links keep working.</summary>
    public const string OldPath = "/hr/overview.csv";

    public static void MapOverviewExport(this WebApplication app)
    {
        app.MapGet(Path, ExportAsync).RequireAuthorization(Policies.Hr);
        app.MapGet(OldPath, ExportAsync).RequireAuthorization(Policies.Hr);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, DashboardService dashboards, GrowthFiguresService growthFigures, int? weeks, string? from, string? to,
        string? sort, bool? desc, CancellationToken ct)
    {
        var actor = PersonClaims.ActorFrom(context.User);
        if (actor is null)
        {
            return Results.Forbid();
        }
        var query = PeriodQuery.Resolve(dashboards, weeks, from, to);
        if (query.Errors.Count > 0)
        {
            return Results.ValidationProblem(query.Errors);
        }
        Overview overview;
        GrowthOverview growth;
        try
        {
            overview = await dashboards.OverviewAsync(actor, query.Period, ct);
            growth = await growthFigures.OverviewAsync(actor, overview.Period, ct);
        }
        catch (ServantLeader.Domain.Common.RuleViolationException e)
        {
            return Results.ValidationProblem(e.Errors);
        }
        var rows = OverviewColumns.Sort(overview.Rows, sort, desc ?? false);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            csv.WriteField("Team");
            csv.WriteField("Leaders");
            csv.WriteField("Members");
            foreach (var measure in OverviewColumns.Measures)
            {
                csv.WriteField(Measures.Of(measure).Name);
                if (HasCount(measure))
                {
                    csv.WriteField(CountHeader(measure));
                }
            }
            foreach (var measure in GrowthMeasures.OverviewColumns)
            {
                csv.WriteField(GrowthMeasures.Of(measure).Name);
            }
            csv.WriteField("Flags");
            await csv.NextRecordAsync();
            foreach (var row in rows)
            {
                csv.WriteField(Safe(row.TeamName));
                csv.WriteField(Safe(row.Leaders));
                csv.WriteField(row.Members);
                foreach (var measure in OverviewColumns.Measures)
                {
                    csv.WriteField(FigureFormat.Text(row[measure]));
                    if (HasCount(measure))
                    {
                        csv.WriteField(CountOf(row[measure]));
                    }
                }
                foreach (var measure in GrowthMeasures.OverviewColumns)
                {
                    csv.WriteField(FigureFormat.Text(growth.For(row.TeamId, measure)));
                }
                csv.WriteField(string.Join("; ", row.Flags.Select(f => f.Label())));
                await csv.NextRecordAsync();
            }
            csv.WriteField("Organisation median");
            csv.WriteField("");
            csv.WriteField("");
            foreach (var measure in OverviewColumns.Measures)
            {
                csv.WriteField(FigureFormat.Median(measure, overview.OrganisationMedians[measure]));
                if (HasCount(measure))
                {
                    csv.WriteField("");
                }
            }
            foreach (var measure in GrowthMeasures.OverviewColumns)
            {
                csv.WriteField(FigureFormat.Median(GrowthMeasures.Of(measure).Unit, growth.OrganisationMedians[measure]));
            }
            csv.WriteField("");
            await csv.NextRecordAsync();
        }
        var name = $"service-overview-{overview.Period.From:yyyy-MM-dd}-to-{overview.Period.To:yyyy-MM-dd}.csv";
        return Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray(),
            "text/csv; charset=utf-8", name);
    }

    /// <summary>A count that is itself what it rests on (requests received) needs no column for it.</summary>
    private static bool HasCount(Measure measure) => FigureUncertainty.NounOf(Measures.Of(measure)) is not null;

    /// <summary>The column beside a figure with the count it rests on ("Coverage: members"), as a number to sort on.</summary>
    internal static string CountHeader(Measure measure) =>
        $"{Measures.Of(measure).Name}: {(FigureUncertainty.NounOf(Measures.Of(measure))?.Many is { Length: > 0 } many ? many : "count")}";

    /// <summary>Empty when withheld, as on the page: the count would tell what the small-group rule hides.</summary>
    private static string CountOf(Figure figure) => figure.Withheld || figure.Count is not { } count ? "" : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>A cell a spreadsheet would run as a formula (=, +, -, @) is written as text.</summary>
    private static string Safe(string value) =>
        value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
}
