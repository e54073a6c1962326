using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace ServantLeader.Web.Tests.Dashboard;

/// <summary>Reading what the dashboard's API and HR's CSV export send, for tests that check it against the rows.</summary>
internal static class DashboardPayloads
{
    /// <summary>One figure of a dashboard or growth payload, by its measure's name.</summary>
    public static JsonElement Figure(JsonDocument json, string measure) =>
        json.RootElement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("measure").GetString() == measure);

    /// <summary>HR's overview CSV, by first cell (the team, or "Organisation median") and column name.</summary>
    public static async Task<Dictionary<string, Dictionary<string, string>>> OverviewCsvAsync(HttpClient hr, string query)
    {
        var text = await hr.GetStringAsync($"/dashboard/overview.csv?{query}");
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new Dictionary<string, Dictionary<string, string>>();
        while (await csv.ReadAsync())
        {
            rows[csv.GetField(0)!] = header.Select((h, i) => (h, csv.GetField(i)!)).ToDictionary(x => x.h, x => x.Item2);
        }
        return rows;
    }
}
