using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Growth;

/// <summary>Every growth figure, for the whole period and each week, against the plain reference over the seeded rows.</summary>
[Trait("Area", "Growth")]
[Trait("Area", "Dashboard")]
public sealed class GrowthFiguresReferenceTests : OrganisationTests
{
    private GrowthOrganisation G { get; set; } = null!;

    private GrowthFiguresService Figures => Db.Get<GrowthFiguresService>();

    private DashboardPeriod Period => Db.Get<DashboardService>().Custom(GrowthOrganisation.From, GrowthOrganisation.To);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        G = await GrowthOrganisation.CreateAsync(Org);
    }

    [Fact]
    public async Task A_leader_sees_every_figure_and_weekly_point_as_the_reference_computes_them()
    {
        var reference = new GrowthReference(G);
        foreach (var (leader, team) in new[] { (Org.Lea, Org.Product), (Org.Otto, Org.Platform) })
        {
            var shown = await Figures.TeamAsync(leader, team, Period, CancellationToken.None);
            Assert.False(shown.ForHr);
            foreach (var definition in GrowthMeasures.All)
            {
                var expected = reference.Figure(team, definition.Measure, GrowthOrganisation.From, GrowthOrganisation.To);
                Assert.True(Close(expected.Value ?? (IsCount(definition) ? 0 : null), shown[definition.Measure].Value),
                    $"{team} {definition.Measure}: expected {expected.Value}, shown {shown[definition.Measure].Value}");
                var weeks = GrowthReference.Weeks(GrowthOrganisation.From, GrowthOrganisation.To);
                Assert.Equal(weeks.Count, shown.Trends[definition.Measure].Count);
                for (var i = 0; i < weeks.Count; i++)
                {
                    var week = reference.Figure(team, definition.Measure, weeks[i].From, weeks[i].To);
                    var point = shown.Trends[definition.Measure][i];
                    Assert.Equal(weeks[i].From, point.WeekStart);
                    Assert.True(Close(week.Value ?? (IsCount(definition) ? 0 : null), point.Value),
                        $"{team} {definition.Measure} week {weeks[i].From}: expected {week.Value}, shown {point.Value}");
                }
            }
        }
    }

    [Fact]
    public async Task The_boundaries_give_the_values_worked_out_by_hand()
    {
        var product = await Figures.TeamAsync(Org.Lea, Org.Product, Period, CancellationToken.None);
        // Mia (edit at the first instant of the 90 days) and Noah, of Mia, Max, Noah and Ida; Dora is deactivated.
        Assert.Equal(4, product.Members);
        Assert.Equal(0.5, product[GrowthMeasure.PlansKeptAlive].Value);
        // Mia's and Max's submitted moves; not Noah's draft, Ida's "stuck", Mia's after the period or in Platform.
        Assert.Equal(2, product[GrowthMeasure.GoalsMovedForward].Value);
        // Mia's at the last second of week 1 and Ida's from before she joined; not Max's a second late, Noah's a
        // second early, Dora's, or Mia's resumed goal.
        Assert.Equal(2, product[GrowthMeasure.GoalsAchieved].Value);
        Assert.Equal(2, product[GrowthMeasure.GoalsSetAside].Value);
        // Mia up one, Ida up two (once); not Max's first confirmation, Noah's move down, or Dora's.
        Assert.Equal(2, product[GrowthMeasure.SkillsMovedUp].Value);
        Assert.Equal(2.25, product[GrowthMeasure.GrowthSupportHours].Value);
        Assert.Equal(135.0 / 225, product[GrowthMeasure.GrowthSupportShare].Value);
        // Mia (confirmed peer support), Noah (mentoring) and Lars (peer support in week 2, before he left), of the five
        // members in the team during the period; not Max (unconfirmed, and a peer request answered), Ida (a pair that
        // ended before the period, and one never accepted) or Dora (deactivated before it).
        Assert.Equal(3.0 / 5, product[GrowthMeasure.ServantsGrown].Value);
        // Ida joined in week 3 and Lars left then: on 18 October the members were Mia, Max, Noah and Lars; Max's edit is
        // still in the 90 days up to 18 October, and Lars's too, though he no longer counts at the period's end.
        Assert.Equal(3.0 / 4, product.Trends[GrowthMeasure.PlansKeptAlive][1].Value);
        Assert.Equal(0.0, product.Trends[GrowthMeasure.GoalsAchieved][1].Value);

        var platform = await Figures.TeamAsync(Org.Otto, Org.Platform, Period, CancellationToken.None);
        Assert.Equal(2, platform.Members);
        Assert.Equal(1, platform[GrowthMeasure.GoalsMovedForward].Value);
        // Mia counts in both of her teams.
        Assert.Equal(1.0, platform[GrowthMeasure.PlansKeptAlive].Value);
        Assert.Equal(1.0, platform[GrowthMeasure.ServantsGrown].Value);
    }

    [Fact]
    public async Task Hr_sees_each_figure_only_from_weeks_resting_on_three_people_or_more()
    {
        var reference = new GrowthReference(G);
        foreach (var team in new[] { Org.Product, Org.Platform })
        {
            var shown = await Figures.TeamAsync(Org.Hr, team, Period, CancellationToken.None);
            Assert.True(shown.ForHr);
            Assert.Null(shown.Conversations);
            foreach (var definition in GrowthMeasures.All)
            {
                var (value, withheld) = reference.ForHr(team, definition.Measure, GrowthOrganisation.From, GrowthOrganisation.To);
                var figure = shown[definition.Measure];
                Assert.Equal(withheld, figure.Withheld);
                Assert.True(Close(value ?? (IsCount(definition) && !withheld ? 0 : null), figure.Value),
                    $"{team} {definition.Measure}: expected {value}, HR sees {figure.Value}");
            }
        }
        var product = await Figures.TeamAsync(Org.Hr, Org.Product, Period, CancellationToken.None);
        Assert.True(product[GrowthMeasure.GoalsAchieved].Withheld);
        Assert.Equal(0.5, product[GrowthMeasure.GrowthSupportShare].Value);
        Assert.Equal(1, product[GrowthMeasure.GrowthSupportShare].WithheldWeeks);
        Assert.All(product.Trends[GrowthMeasure.GoalsAchieved], p => Assert.True(p.Withheld || p.Value == 0));
    }

    [Fact]
    public async Task Hr_sees_a_team_of_two_withheld_and_a_team_of_three_shown()
    {
        var before = await Figures.TeamAsync(Org.Hr, Org.Platform, Period, CancellationToken.None);
        Assert.Equal((null, true), (before[GrowthMeasure.PlansKeptAlive].Value, before[GrowthMeasure.PlansKeptAlive].Withheld));
        Assert.Equal((null, true), (before[GrowthMeasure.ServantsGrown].Value, before[GrowthMeasure.ServantsGrown].Withheld));
        var overview = await Figures.OverviewAsync(Org.Hr, Period, CancellationToken.None);
        Assert.True(overview.For(Org.Platform, GrowthMeasure.ServantsGrown).Withheld);
        Assert.Equal(3.0 / 5, overview.For(Org.Product, GrowthMeasure.ServantsGrown).Value);
        // One team with a value is no backdrop: the median needs 3 (docs/metrics.md).
        Assert.Null(overview.OrganisationMedians[GrowthMeasure.ServantsGrown]);

        // A third member who joined long before: Max. Pia and Mia edited their plans in the 90 days, Max did not.
        await Db.Get<TeamService>().SetMembershipAsync(new Actor(0, IsAdmin: true), Org.Platform, Org.Max.PersonId, TeamRole.Member, CancellationToken.None);
        await using (var db = Db.NewDb())
        {
            var longAgo = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
                db.Memberships.Where(m => m.PersonId == Org.Max.PersonId), s => s.SetProperty(m => m.Since, longAgo));
        }
        var after = await Figures.TeamAsync(Org.Hr, Org.Platform, Period, CancellationToken.None);
        Assert.Equal((2.0 / 3, false), (after[GrowthMeasure.PlansKeptAlive].Value, after[GrowthMeasure.PlansKeptAlive].Withheld));
        Assert.Equal((2.0 / 3, false), (after[GrowthMeasure.ServantsGrown].Value, after[GrowthMeasure.ServantsGrown].Withheld));
    }

    [Fact]
    public async Task Leaders_see_each_members_last_growth_conversation_and_nobody_else_sees_the_team()
    {
        var shown = await Figures.TeamAsync(Org.Lea, Org.Product, Period, CancellationToken.None);
        var conversations = shown.Conversations!.ToDictionary(c => c.PersonId);
        Assert.Equal(4, conversations.Count);
        Assert.Equal((new DateOnly(2026, 10, 30), 19), (conversations[Org.Mia.PersonId].LastHeld, conversations[Org.Mia.PersonId].DaysSince));
        Assert.Null(conversations[Org.Max.PersonId].LastHeld);    // held, but not a growth conversation
        Assert.Null(conversations[G.Noah.PersonId].LastHeld);     // a growth conversation not held yet
        Assert.Equal(Org.Mia.PersonId, shown.Conversations![^1].PersonId);

        await Assert.ThrowsAsync<NotFoundException>(() => Figures.TeamAsync(Org.Mia, Org.Product, Period, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => Figures.TeamAsync(Org.Admin, Org.Product, Period, CancellationToken.None));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Figures.OverviewAsync(Org.Lea, Period, CancellationToken.None));
    }

    private static bool IsCount(GrowthMeasureDefinition definition) => definition.Unit is MeasureUnit.Count or MeasureUnit.Hours;

    private static bool Close(double? expected, double? actual) =>
        expected is null ? actual is null : actual is { } a && Math.Abs(a - expected.Value) < 1e-9;
}
