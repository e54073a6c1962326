using Bunit;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;
using ServantLeader.Web.Components.Pages.CheckIns;
using ServantLeader.Web.Components.Pages.Teams;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Dashboard;

/// <summary>
/// The pages that show the team as it was: Admin ends a membership (nothing is deleted), the team page lists former
/// members to Admins and leaders only, and "This week" never counts someone late for a period due before they joined.
/// The clock is Wednesday 18 November 2026; Lea, Mia and Max joined then.
/// </summary>
[Trait("Area", "Dashboard")]
public sealed class TeamHistoryPagesTests : ComponentContext
{
    [Fact]
    public async Task An_admin_ends_a_membership_and_the_team_page_lists_the_former_member_to_admins_and_leaders_only()
    {
        SignInAs(Admin, "Adam Admin", "Admin");
        var manage = Render<ManageTeamPage>(p => p.Add(x => x.Id, Product));
        manage.WaitForElement("button[aria-label='End membership of Mia']");
        Assert.DoesNotContain(">Remove<", manage.Markup, StringComparison.Ordinal);
        manage.Find("button[aria-label='End membership of Mia']").Click();
        manage.WaitForAssertion(() => Assert.Empty(manage.FindAll("button[aria-label='End membership of Mia']")));

        await using (var db = await Get<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync())
        {
            var mia = await db.Memberships.IgnoreQueryFilters().SingleAsync(m => m.PersonId == Mia.PersonId);
            Assert.Equal(MembershipEnd.Left, mia.EndedBecause);
        }

        var asAdmin = Render<TeamDetailsPage>(p => p.Add(x => x.Id, Product));
        asAdmin.WaitForElement("#past-heading");
        var former = asAdmin.Find("section[aria-labelledby='past-heading']").TextContent;
        Assert.Contains("Mia", former, StringComparison.Ordinal);
        Assert.Contains("from 18 Nov 2026 to 18 Nov 2026", former, StringComparison.Ordinal);
        Assert.Contains("left the team", former, StringComparison.Ordinal);

        // A member of the team sees today's team only.
        SignInAs(Max, "Max");
        var asMember = Render<TeamDetailsPage>(p => p.Add(x => x.Id, Product));
        asMember.WaitForElement("#members-heading");
        Assert.Empty(asMember.FindAll("#past-heading"));
        Assert.DoesNotContain("Mia", asMember.Find("section[aria-labelledby='members-heading']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task This_week_counts_nobody_late_for_a_period_due_before_they_joined()
    {
        // Due on Mondays: on Wednesday 18 November the open period is the one due Monday 16 November, now late.
        await Get<TeamService>().ScheduleCheckInsAsync(Admin, Product, CheckInCadence.Weekly, DayOfWeek.Monday, default);
        await using (var db = await Get<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync())
        {
            var longAgo = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
            await db.Memberships.Where(m => m.PersonId == Mia.PersonId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Since, longAgo));
        }
        SignInAs(Lea, "Lea");

        var page = Render<ThisWeekPage>();

        page.WaitForElements(".sl-week-row");
        var rows = page.FindAll(".sl-week-row").Select(r => r.TextContent).ToList();
        Assert.Contains("Late", rows.Single(r => r.Contains("Mia", StringComparison.Ordinal)), StringComparison.Ordinal);
        var max = rows.Single(r => r.Contains("Max", StringComparison.Ordinal));
        Assert.DoesNotContain("Late", max, StringComparison.Ordinal);
        Assert.Contains("Joined after it was due", max, StringComparison.Ordinal);
        // Max is not expected for this period: one member of one has checked in or not, not one of two.
        Assert.Contains("0 of 1 checked in.", page.Markup, StringComparison.Ordinal);
    }
}
