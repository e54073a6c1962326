using Bunit;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Feedback;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Teams;
using ServantLeader.Web.Components.Pages.Dashboard;
using ServantLeader.Web.Components.Pages.Feedback;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Feedback;

/// <summary>
/// What leaders and HR receive on the pages: the consistency (or why it is not judged), the index over rounds as a
/// table, the self-view comparison for HR only over three leaders, and the team's latest index on its dashboard.
/// Rounds are answered through the services, then closed by moving their dates back (the clock is fixed).
/// </summary>
[Trait("Area", "Feedback")]
public sealed class FeedbackIndexPageTests : ComponentContext
{
    public FeedbackIndexPageTests() => ChartSize.Give(JSInterop);

    private async Task<(Actor Hr, int Round)> ClosedRoundAsync(int score, int answers = 3)
    {
        var hr = await HrAsync();
        var rounds = Get<FeedbackRounds>();
        var pool = (await rounds.InstrumentsAsync(hr, default)).Single(i => i.IsDefault);
        var nia = new Actor(await Get<PeopleService>().CreateAsync(Admin,
            new PersonDraft { DisplayName = "Nia", Email = "nia@example.org", Password = "long-enough-password" }, default));
        await Get<TeamService>().SetMembershipAsync(Admin, Product, nia.PersonId, TeamRole.Member, default);
        var today = DateOnly.FromDateTime(Get<TimeProvider>().GetUtcNow().UtcDateTime);
        var round = await rounds.OpenRoundAsync(hr, new OpenRound
        {
            Name = "Autumn", InstrumentId = pool.Id, TeamIds = [Product], OpensOn = today, ClosesOn = today.AddDays(7),
        }, default);
        foreach (var member in new[] { Mia, Max, nia }.Take(answers))
        {
            await Get<FeedbackAnswering>().SubmitAsync(member, new FeedbackAnswers
            {
                RoundId = round, SubjectId = Lea.PersonId, Scores = pool.Items.ToDictionary(i => i.Id, _ => (int?)score),
            }, default);
        }
        await using var db = await Get<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync();
        await db.FeedbackRounds.Where(r => r.Id == round)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.OpensOn, today.AddDays(-20)).SetProperty(r => r.ClosesOn, today.AddDays(-10)));
        return (hr, round);
    }

    [Fact]
    public async Task A_leader_with_three_answers_sees_the_scores_and_that_there_are_too_few_to_judge_reliability()
    {
        await ClosedRoundAsync(score: 5);
        SignInAs(Lea, "Lea");

        var page = Render<FeedbackResultsPage>();

        page.WaitForElement("section.sl-result tbody tr");
        var rows = page.FindAll("section.sl-result tbody tr");
        Assert.Equal(9, rows.Count);
        Assert.All(rows, r => Assert.Equal(("5.0", "too few answers to judge reliability"), (r.Children[1].TextContent, r.Children[4].TextContent)));
        Assert.Contains("consistency across all statements: too few answers to judge reliability", page.Markup, StringComparison.Ordinal);
        Assert.Contains("How well does my leader serve me? (full)", page.Markup, StringComparison.Ordinal);
        // One round: no line to draw, but the table of the index over rounds is there.
        Assert.Empty(page.FindAll(".sl-chart"));
        Assert.Equal(["Autumn", "How well does my leader serve me? (full)", "5.0", "—"], page.Find("details tbody tr").Children.Select(c => c.TextContent));
    }

    [Fact]
    public async Task HR_sees_the_consistency_row_and_no_self_view_comparison_for_one_leader()
    {
        var (hr, round) = await ClosedRoundAsync(score: 6);
        SignInAs(hr, "Hana HR");

        var page = Render<FeedbackRoundResultsPage>(p => p.Add(x => x.RoundId, round));

        page.WaitForElement("tfoot");
        var consistency = page.FindAll("tfoot tr")[1];
        Assert.StartsWith("Consistency", consistency.Children[0].TextContent, StringComparison.Ordinal);
        Assert.All(consistency.Children.Skip(1), c => Assert.Equal("too few answers to judge reliability", c.TextContent));
        Assert.Contains($"at least {GroupSize.Minimum} of the leaders shown rated themselves", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Leaders themselves", page.Markup, StringComparison.Ordinal);
        Assert.Equal(["Autumn", "How well does my leader serve me? (full)", "6.0", "6.0", "6.0"], page.Find("details tbody tr").Children.Select(c => c.TextContent));
    }

    [Fact]
    public async Task The_team_dashboard_card_shows_the_leader_their_index_and_HR_each_leader_by_name()
    {
        var (hr, round) = await ClosedRoundAsync(score: 4);

        SignInAs(Lea, "Lea");
        var lea = Render<FeedbackIndexCard>(p => p.Add(x => x.TeamId, Product));
        lea.WaitForElement(".sl-index-value");
        Assert.Equal("4.0", lea.Find(".sl-index-value").TextContent);
        Assert.Empty(lea.FindAll(".sl-index-who"));
        Assert.Equal("/feedback/results", lea.Find("li a").GetAttribute("href"));

        SignInAs(hr, "Hana HR");
        var forHr = Render<FeedbackIndexCard>(p => p.Add(x => x.TeamId, Product));
        forHr.WaitForElement(".sl-index-who");
        Assert.Equal("Lea", forHr.Find(".sl-index-who").TextContent);
        Assert.Equal($"/feedback/rounds/{round}", forHr.Find("li a").GetAttribute("href"));

        SignInAs(Mia, "Mia");
        var mia = Render<FeedbackIndexCard>(p => p.Add(x => x.TeamId, Product));
        await SettledRenderCountAsync(mia);
        Assert.DoesNotContain("Feedback index", mia.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Below_the_threshold_the_card_names_no_index_and_HR_no_count()
    {
        var (hr, _) = await ClosedRoundAsync(score: 4, answers: 2);
        SignInAs(hr, "Hana HR");

        var card = Render<FeedbackIndexCard>(p => p.Add(x => x.TeamId, Product));

        card.WaitForElement("li");
        Assert.Contains("not shown: fewer than 3 people answered", card.Find("li").TextContent, StringComparison.Ordinal);
        Assert.Empty(card.FindAll(".sl-index-value"));
        Assert.DoesNotContain("answers", card.Find("li").TextContent.Replace("people answered", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}

/// <summary>A Radzen chart asks the browser for its size when first drawn; tests give it one.</summary>
internal static class ChartSize
{
    public static void Give(BunitJSInterop js) =>
        js.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true).SetResult(new Radzen.Blazor.Rendering.Rect { Width = 640, Height = 300 });
}
