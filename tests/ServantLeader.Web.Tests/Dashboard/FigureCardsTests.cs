using Bunit;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Web.Components.Pages.Dashboard;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Dashboard;

/// <summary>The figure cards show each figure's count, a small share's interval, and the organisation median as it is.</summary>
[Trait("Area", "Dashboard")]
public sealed class FigureCardsTests : ComponentContext
{
    private static Figure Share(Measure measure, int k, int n) => new(Measures.Of(measure), (double)k / n, n, Withheld: false)
    {
        Count = n,
        Interval = FigureUncertainty.Wilson(k, n),
    };

    [Fact]
    public void A_card_shows_the_count_it_rests_on_and_a_small_shares_interval()
    {
        // Halves of 4 pulses each, means 4.5 and 3.5, standard error 0.408: −1.0 ± 0.8.
        var trend = new Figure(Measures.Of(Measure.PulseChange), -1.0, 4, Withheld: false)
        {
            Count = 8, Halves = new HalfCounts(4, 4), StandardError = 0.408, Interval = new FigureInterval(-1.8, -0.2),
        };
        var cards = Render<FigureCards>(p => p
            .Add(c => c.Figures, [
                Share(Measure.Coverage, 2, 10),
                Share(Measure.Participation, 20, 40),
                new Figure(Measures.Of(Measure.ResolutionRate), null, 2, Withheld: true),
                new Figure(Measures.Of(Measure.SatisfactionMean), 4.2, 5, Withheld: false) { Count = 1 },
                new Figure(Measures.Of(Measure.RequestsReceived), 7, 5, Withheld: false) { Count = 7 },
                new Figure(Measures.Of(Measure.EntriesPerMemberWeek), 1.5, 5, Withheld: false) { Count = 18 },
                trend,
            ])
            .Add(c => c.Medians, new Dictionary<Measure, double?>
            {
                [Measure.RequestsReceived] = 2.5, [Measure.EntriesPerMemberWeek] = 2.5, [Measure.Coverage] = null,
            }));

        string Card(Measure measure) => cards.Find($"[data-measure={measure}]").TextContent;
        Assert.Contains("of 10 members", Card(Measure.Coverage), StringComparison.Ordinal);
        Assert.Contains("95 % interval 6%–51%", Card(Measure.Coverage), StringComparison.Ordinal);
        Assert.Contains("of 40 expected check-ins", Card(Measure.Participation), StringComparison.Ordinal);
        Assert.DoesNotContain("interval", Card(Measure.Participation), StringComparison.Ordinal);
        Assert.DoesNotContain("of ", Card(Measure.ResolutionRate).Replace("Organisation", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(cards.Find($"[data-measure={Measure.ResolutionRate}]").QuerySelectorAll("[data-basis]"));
        Assert.Contains("from 1 rating", Card(Measure.SatisfactionMean), StringComparison.Ordinal);
        Assert.Empty(cards.Find($"[data-measure={Measure.RequestsReceived}]").QuerySelectorAll("[data-basis]"));
        Assert.Contains("from 4 + 4 pulses", Card(Measure.PulseChange), StringComparison.Ordinal);
        Assert.Contains("95 % interval −1.8 to −0.2", Card(Measure.PulseChange), StringComparison.Ordinal);
        // A raw count is not compared across teams, whatever median is passed (docs/metrics.md, "Fair comparisons"); a
        // rate's median may fall between two teams and keeps its fraction.
        Assert.DoesNotContain("Organisation median", Card(Measure.RequestsReceived), StringComparison.Ordinal);
        Assert.Contains(FigureFormat.NotCompared, Card(Measure.RequestsReceived), StringComparison.Ordinal);
        Assert.Contains("Organisation median: 2.5", Card(Measure.EntriesPerMemberWeek), StringComparison.Ordinal);
        Assert.Contains("Organisation median: not shown (fewer than 3 teams with a value)", Card(Measure.Coverage), StringComparison.Ordinal);
    }
}
