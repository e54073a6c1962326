using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;
using ServantLeader.TestData;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Dashboard;

/// <summary>
/// "The past stays as it was", as users receive it: the dashboard and growth payloads of the API for the team's leader
/// and for HR, and HR's CSV export, for several past periods, byte for byte the same before and after today's team
/// changes (<see cref="PastTeam.ChangeTodaysTeamAsync"/>).
/// </summary>
[Trait("Area", "Dashboard")]
public sealed class PastStaysHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task No_past_payload_of_the_API_or_the_CSV_export_changes_when_todays_team_changes()
    {
        var people = app.Services.GetRequiredService<PeopleService>();
        async Task<Actor> Person(string name) => new(await people.CreateAsync(app.Admin,
            new PersonDraft { DisplayName = name, Email = AppFactory.Email(name.Replace(" ", "", StringComparison.Ordinal)), Password = AppFactory.Password },
            CancellationToken.None));
        var team = await PastTeam.SeedAsync(app.Services, app.Admin, Person);
        var leader = await app.ApiClientAsync(team.Lena);
        var hr = await app.ApiClientAsync(app.Hr);
        var csv = await app.SignedInAsync("Hr");

        var before = await PayloadsAsync(team, leader, hr, csv);
        await team.ChangeTodaysTeamAsync(app.Services, app.Admin, await Person("Fay Newcomer"));
        var after = await PayloadsAsync(team, leader, hr, csv);

        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i], after[i]);
        }
        // Not vacuous: the six weeks rest on six members, four of them supported, as the leader's payload says.
        var sixWeeks = JsonNode.Parse(before[0])!;
        Assert.Equal(6, (int)sixWeeks["members"]!);
        Assert.Equal(4.0 / 6, (double)sixWeeks["figures"]!.AsArray().Single(f => (string)f!["measure"]! == "Coverage")!["value"]!, 9);
    }

    private static async Task<List<string>> PayloadsAsync(PastTeam team, HttpClient leader, HttpClient hr, HttpClient csv)
    {
        var monday = team.ThisMonday;
        string Query(int from, int to) => $"from={monday.AddDays(from):yyyy-MM-dd}&to={monday.AddDays(to):yyyy-MM-dd}";
        var answers = new List<string>();
        foreach (var (from, to) in new[] { (-42, -1), (-14, -8), (-20, -3), (-17, -17) })
        {
            // The member table, who has had no recent 1:1 and the growth conversations are today's team by definition:
            // everything else is of the period.
            answers.Add(OfThePeriod(Without(Without(await leader.GetStringAsync($"/api/v1/dashboards/{team.TeamId}?{Query(from, to)}"),
                "memberCoverage"), "oneOnOneGaps")));
            answers.Add(Without(await leader.GetStringAsync($"/api/v1/dashboards/{team.TeamId}/growth?{Query(from, to)}"), "lastGrowthConversations"));
        }
        foreach (var (from, to) in new[] { (-42, -1), (-28, -1), (-14, -8) })
        {
            answers.Add(OfThePeriod(await hr.GetStringAsync($"/api/v1/dashboards/{team.TeamId}?{Query(from, to)}")));
            answers.Add(await hr.GetStringAsync($"/api/v1/dashboards/{team.TeamId}/growth?{Query(from, to)}"));
            // The export names today's leaders (Cal leads now), the people to talk to; every figure is of the period.
            var export = await csv.GetStringAsync($"/dashboard/overview.csv?{Query(from, to)}");
            answers.Add(export.Replace("\"Cal Then, Lena Then\"", "Lena Then", StringComparison.Ordinal));
        }
        return answers;
    }

    /// <summary>
    /// Without the figure "Members with no recent 1:1": a figure of now about today's team (docs/metrics.md, "Fair
    /// comparisons and follow-through"), so changing today's team changes it by definition, whatever the period.
    /// </summary>
    private static string OfThePeriod(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var figures = node["figures"]!.AsArray();
        Assert.True(figures.Remove(figures.Single(f => (string)f!["measure"]! == "MembersWithoutOneOnOne")));
        return node.ToJsonString();
    }

    private static string Without(string json, string property)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.True(node.Remove(property), $"the payload has {property}");
        return node.ToJsonString();
    }
}
