using System.Globalization;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The period named in the address: a preset (?weeks=12) or a custom range (?from=…&amp;to=…). Read the same way by the
/// pages, the API and the CSV export, so it lives here rather than beside one of them.
/// </summary>
public sealed record PeriodQuery(DashboardPeriod Period, IReadOnlyDictionary<string, string[]> Errors, DateOnly? TypedFrom, DateOnly? TypedTo)
{
    public const int DefaultWeeks = 12;

    public static PeriodQuery Resolve(DashboardService dashboards, int? weeks, string? from, string? to)
    {
        var fallback = dashboards.LastWeeks(weeks is { } w && DashboardPeriod.PresetWeeks.Contains(w) ? w : DefaultWeeks);
        if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(to))
        {
            return new PeriodQuery(fallback, new Dictionary<string, string[]>(), null, null);
        }
        var errors = new Dictionary<string, string[]>();
        var start = Parse(from, "from", "Enter the first day of the period.", errors);
        var end = Parse(to, "to", "Enter the last day of the period.", errors);
        if (errors.Count == 0)
        {
            try
            {
                return new PeriodQuery(dashboards.Custom(start!.Value, end!.Value), errors, start, end);
            }
            catch (RuleViolationException e)
            {
                return new PeriodQuery(fallback, e.Errors, start, end);
            }
        }
        return new PeriodQuery(fallback, errors, start, end);
    }

    /// <summary>
    /// The viewer may not see this period (HR sees whole weeks only): the default preset instead, with the messages
    /// next to the fields and what was typed kept.
    /// </summary>
    public PeriodQuery Refused(DashboardService dashboards, IReadOnlyDictionary<string, string[]> errors) =>
        this with { Period = dashboards.LastWeeks(DefaultWeeks), Errors = errors, TypedFrom = TypedFrom ?? Period.From, TypedTo = TypedTo ?? Period.To };

    private static DateOnly? Parse(string? text, string field, string missing, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [missing];
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year < 2000)
        {
            errors[field] = ["Enter a date such as 2026-03-31."];
            return null;
        }
        return day;
    }

    /// <summary>The query values that name this period, for links that keep it.</summary>
    public IReadOnlyDictionary<string, string> AsQuery() => Period.Weeks is { } w
        ? new Dictionary<string, string> { ["weeks"] = w.ToString(CultureInfo.InvariantCulture) }
        : new Dictionary<string, string>
        {
            ["from"] = Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

    public string QueryString() => string.Join("&", AsQuery().Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));
}
