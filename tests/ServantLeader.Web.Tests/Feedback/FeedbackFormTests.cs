using Bunit;
using Radzen;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Feedback;
using ServantLeader.Web.Components.Pages.Feedback;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Feedback;

[Trait("Area", "Feedback")]
public sealed class FeedbackFormTests : ComponentContext
{
    private async Task<(int Round, IReadOnlyList<ItemView> Items)> OpenRoundAsync()
    {
        var hr = await HrAsync();
        var feedback = Get<FeedbackRounds>();
        var instrument = (await feedback.InstrumentsAsync(hr, default)).Single(i => i.IsDefault);
        var today = DateOnly.FromDateTime(Get<TimeProvider>().GetUtcNow().UtcDateTime);
        var round = await feedback.OpenRoundAsync(hr, new OpenRound
        {
            Name = "Autumn", InstrumentId = instrument.Id, TeamIds = [Product], OpensOn = today, ClosesOn = today.AddDays(7),
        }, default);
        return (round, instrument.Items);
    }

    [Fact]
    public async Task A_missing_answer_is_flagged_at_its_statement_the_other_answers_stay_and_nothing_is_saved()
    {
        var (round, items) = await OpenRoundAsync();
        SignInAs(Mia, "Mia");
        var page = Render<FeedbackFormPage>(p => p.Add(x => x.RoundId, round).Add(x => x.SubjectId, Lea.PersonId));
        page.WaitForElement("fieldset.sl-statement");

        // Answer every statement but the third with 6.
        var statements = page.FindAll("fieldset.sl-statement");
        for (var i = 0; i < statements.Count; i++)
        {
            if (i != 2)
            {
                page.FindAll("fieldset.sl-statement")[i].QuerySelectorAll("input[type=radio]").ElementAt(5).Change(true);
                // As a person would, wait for the choice to show before the next one; with a database that answers
                // asynchronously (PostgreSQL) the page may still be rendering the previous change.
                var answered = i;
                page.WaitForAssertion(() => Assert.True(page.FindAll("fieldset.sl-statement")[answered]
                    .QuerySelectorAll("input[type=radio]").ElementAt(5).HasAttribute("checked")));
            }
        }
        await page.Find("form").SubmitAsync();

        var third = page.FindAll("fieldset.sl-statement")[2];
        Assert.Equal("Choose how much you agree, from 1 to 7.", third.QuerySelector(".validation-message")!.TextContent);
        Assert.Single(page.FindAll(".validation-message"));
        Assert.True(page.FindAll("fieldset.sl-statement")[0].QuerySelectorAll("input[type=radio]").ElementAt(5).HasAttribute("checked"));
        await using var db = await Get<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync();
        Assert.Equal(0, await db.FeedbackResponses.CountAsync());
        Assert.Equal(items.Count, statements.Count);
    }

    [Fact]
    [Trait("Area", "Trust")]
    public async Task A_complete_answer_is_held_the_person_is_told_so_and_the_form_cannot_be_opened_again()
    {
        var (round, _) = await OpenRoundAsync();
        SignInAs(Mia, "Mia");
        var page = Render<FeedbackFormPage>(p => p.Add(x => x.RoundId, round).Add(x => x.SubjectId, Lea.PersonId));
        page.WaitForElement("fieldset.sl-statement");
        foreach (var statement in page.FindAll("fieldset.sl-statement").ToList().Select((_, i) => i))
        {
            page.FindAll("fieldset.sl-statement")[statement].QuerySelectorAll("input[type=radio]").ElementAt(4).Change(true);
            // Wait for the choice to show before the next one: on PostgreSQL the page may still be rendering the last change.
            page.WaitForAssertion(() => Assert.True(page.FindAll("fieldset.sl-statement")[statement]
                .QuerySelectorAll("input[type=radio]").ElementAt(4).HasAttribute("checked")));
        }

        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.EndsWith("/feedback", Get<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal));
        // Fewer than the threshold (3) have answered about Lea: nothing is stored, and Mia's list says her answer is held.
        var list = Render<FeedbackPage>();
        list.WaitForAssertion(() => Assert.Contains("Held", list.Find("ul.sl-checklist li").TextContent, StringComparison.Ordinal));
        Assert.Contains("until enough colleagues have answered", list.Find(".sl-held").TextContent, StringComparison.Ordinal);
        Assert.Contains("asked again", list.Find(".sl-held").TextContent, StringComparison.Ordinal);
        var again = Render<FeedbackFormPage>(p => p.Add(x => x.RoundId, round).Add(x => x.SubjectId, Lea.PersonId));
        again.WaitForAssertion(() => Assert.Contains("Your answer is held", again.Markup, StringComparison.Ordinal));
        await using var db = await Get<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync();
        Assert.Equal(0, await db.FeedbackResponses.CountAsync());
    }
}

[Trait("Area", "Feedback")]
public sealed class FeedbackResultsTests : BunitContext
{
    public FeedbackResultsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        ChartSize.Give(JSInterop);
    }

    private static IReadOnlyList<DimensionScore> Dimensions(double? team, double? self) =>
        Enum.GetValues<ServantDimension>().Select(d => new DimensionScore(d, team, self)).ToList();

    [Fact]
    public void Below_the_threshold_there_are_no_scores_only_the_count_and_why()
    {
        var results = Render<FeedbackResults>(p => p.Add(x => x.Results,
            [new LeaderRoundResult(1, "Autumn", new DateOnly(2026, 11, 1), 2, 3, Dimensions(null, 6), null, 6, [])]));

        Assert.Contains("Fewer than 3 people answered", results.Markup, StringComparison.Ordinal);
        Assert.Contains("2 answers", results.Markup, StringComparison.Ordinal);
        Assert.All(results.FindAll("section.sl-result tbody tr"), row => Assert.Equal("—", row.Children[1].TextContent));
    }

    [Fact]
    public void Shows_each_dimension_with_the_team_view_the_self_view_and_the_gap()
    {
        var results = Render<FeedbackResults>(p => p.Add(x => x.Results,
            [new LeaderRoundResult(1, "Autumn", new DateOnly(2026, 11, 1), 4, 3, Dimensions(4.5, 6), 4.5, 6, ["Explain decisions earlier."])]));

        var first = results.Find("section.sl-result tbody tr").Children.Select(c => c.TextContent).ToList();
        Assert.Equal(["Putting members first", "4.5", "6.0", "+1.5", "too few answers to judge reliability"], first);
        Assert.Contains("Explain decisions earlier.", results.Markup, StringComparison.Ordinal);
        Assert.Contains("Index: <strong>4.5</strong>", results.Markup, StringComparison.Ordinal);
    }

    // Alpha as a number, and why it is not judged, with given results.
    [Fact]
    public void Each_dimension_shows_its_alpha_or_why_it_is_not_judged_and_the_index_line_has_a_table()
    {
        var dimensions = Enum.GetValues<ServantDimension>().Select(d => new DimensionScore(d, 5, 6)
        {
            Reliability = d switch
            {
                ServantDimension.MembersFirst => new Reliability(6, 3, 210.0 / 223, ReliabilityNote.Shown),
                ServantDimension.Growth => new Reliability(6, 1, null, ReliabilityNote.TooFewStatements),
                ServantDimension.Trust => new Reliability(6, 3, null, ReliabilityNote.NoSpread),
                _ => new Reliability(6, 3, -0.25, ReliabilityNote.Shown),
            },
        }).ToList();
        LeaderRoundResult Round(int id, string name, double index) =>
            new(id, name, new DateOnly(2026, 11, id), 6, 3, dimensions, index, 6, []) { InstrumentName = "Full", IndexReliability = new Reliability(6, 27, 0.9, ReliabilityNote.Shown) };

        var results = Render<FeedbackResults>(p => p.Add(x => x.Results, [Round(2, "Autumn", 5.0), Round(1, "Spring", 4.0)]));

        var rows = results.Find("section.sl-result").QuerySelectorAll("tbody tr").Select(r => r.Children[4].TextContent).ToList();
        Assert.Equal(["0.94", "one statement: no consistency to judge", "-0.25"], rows.Take(3));
        Assert.Equal("no spread in the answers to judge reliability", rows[(int)ServantDimension.Trust]);
        Assert.Contains("consistency across all statements: 0.90", results.Markup, StringComparison.Ordinal);
        Assert.Contains("Cronbach's alpha", results.Markup, StringComparison.Ordinal);
        // Oldest first, in the table that stands for the chart.
        Assert.Equal(["Spring", "Autumn"], results.FindAll("details tbody tr th").Select(c => c.TextContent));
        Assert.NotEmpty(results.FindAll(".sl-chart"));
    }
}
