using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.CheckIns;

[Trait("Area", "CheckIns")]
public sealed class CheckInPeriodTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 18);

    [Fact]
    public void A_weekly_period_runs_up_to_and_including_its_due_day()
    {
        var period = CheckInPeriod.Containing(Wednesday, CheckInCadence.Weekly, DayOfWeek.Friday);
        Assert.Equal((new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 20)), (period.Start, period.Due));
        Assert.Equal(7, period.Length);
    }

    [Theory]
    [InlineData(16, 13)] // Monday: last week's check-in is still the open one (late)
    [InlineData(17, 13)]
    [InlineData(18, 20)] // Wednesday: this week's opens two days before Friday
    [InlineData(20, 20)]
    [InlineData(21, 20)] // Saturday: the week just due stays open for late check-ins and reviews
    public void The_open_period_changes_two_days_before_the_due_day(int day, int expectedDue)
    {
        var open = CheckInPeriod.Open(new DateOnly(2026, 11, day), CheckInCadence.Weekly, DayOfWeek.Friday);
        Assert.Equal(new DateOnly(2026, 11, expectedDue), open.Due);
    }

    [Fact]
    public void Fortnightly_periods_tile_the_calendar_without_gaps_or_overlaps()
    {
        var first = CheckInPeriod.Containing(new DateOnly(2026, 1, 1), CheckInCadence.Fortnightly, DayOfWeek.Thursday);
        var period = first;
        for (var i = 0; i < 60; i++)
        {
            var next = period.Next();
            Assert.Equal(period.Due.AddDays(1), next.Start);
            Assert.Equal(14, next.Length);
            Assert.Equal(DayOfWeek.Thursday, next.Due.DayOfWeek);
            period = next;
        }
        for (var day = new DateOnly(2026, 1, 1); day < new DateOnly(2028, 1, 1); day = day.AddDays(1))
        {
            var containing = CheckInPeriod.Containing(day, CheckInCadence.Fortnightly, DayOfWeek.Thursday);
            Assert.InRange(day, containing.Start, containing.Due);
        }
    }

    [Fact]
    public void The_open_period_never_jumps_more_than_one_period_a_day()
    {
        foreach (var cadence in Enum.GetValues<CheckInCadence>())
        {
            var previous = CheckInPeriod.Open(new DateOnly(2025, 12, 31), cadence, DayOfWeek.Monday);
            for (var day = new DateOnly(2026, 1, 1); day < new DateOnly(2027, 1, 1); day = day.AddDays(1))
            {
                var open = CheckInPeriod.Open(day, cadence, DayOfWeek.Monday);
                Assert.True(open == previous || open == previous.Next(), $"{cadence} on {day}");
                Assert.True(open.Start <= day, $"{cadence} on {day} opened a period that has not started");
                previous = open;
            }
        }
    }
}
