using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Credits;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.TestData;

/// <summary>
/// A team with six weeks of past: Lena leads Ana, Ben, Cal, Dev and Eve, members for ten weeks, and Ida, who joined
/// 17 days before this week's Monday. Support, submitted check-ins (due Fridays) and credit in each past week, written
/// through the services and then moved to their day (the services write the present only). Then
/// <see cref="ChangeTodaysTeamAsync"/> changes the team today in every way the app can, for tests that prove no past
/// figure moves. Works on any provider and any clock: days are counted back from this week's Monday.
/// </summary>
public sealed class PastTeam
{
    public required int TeamId { get; init; }
    public required Actor Lena { get; init; }
    public required IReadOnlyDictionary<string, Actor> Members { get; init; }

    /// <summary>The Monday of the week containing today (in the organisation's zone).</summary>
    public required DateOnly ThisMonday { get; init; }

    /// <param name="person">Creates a person with that display name (each test host has its own way).</param>
    public static async Task<PastTeam> SeedAsync(IServiceProvider services, Actor admin, Func<string, Task<Actor>> person, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var time = sp.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var teams = sp.GetRequiredService<TeamService>();

        var lena = await person("Lena Then");
        var members = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var name in new[] { "Ana", "Ben", "Cal", "Dev", "Eve", "Ida" })
        {
            members[name] = await person($"{name} Then");
        }
        var team = await teams.CreateAsync(admin, new TeamDraft { Name = "Then and now", Purpose = "A team whose past must stay as it was." }, ct);
        await teams.SetMembershipAsync(admin, team, lena.PersonId, TeamRole.Leader, ct);
        foreach (var member in members.Values)
        {
            await teams.SetMembershipAsync(admin, team, member.PersonId, TeamRole.Member, ct);
        }
        var dbs = sp.GetRequiredService<IDbContextFactory<ServantLeaderDb>>();
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var zone = time.LocalTimeZone;
            DateTimeOffset Noon(DateOnly day) => new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(12, 0)), zone), TimeSpan.Zero);
            await db.Memberships.Where(m => m.TeamId == team).ExecuteUpdateAsync(s => s.SetProperty(m => m.Since, Noon(monday.AddDays(-70))), ct);
            var ida = members["Ida"].PersonId;
            await db.Memberships.Where(m => m.TeamId == team && m.PersonId == ida).ExecuteUpdateAsync(s => s.SetProperty(m => m.Since, Noon(monday.AddDays(-17))), ct);
        }

        var support = sp.GetRequiredService<SupportService>();
        var writing = sp.GetRequiredService<CheckInWriting>();
        var credits = sp.GetRequiredService<CreditService>();
        var supported = new[] { "Ana", "Ben", "Cal", "Dev" };
        for (var week = 6; week >= 1; week--)
        {
            var weekMonday = monday.AddDays(-7 * week);
            // Support: a different member first each week; Eve never gets any.
            for (var i = 0; i < supported.Length; i++)
            {
                if ((i + week) % 4 == 3)
                {
                    continue;
                }
                await support.LogAsync(lena, new LogSupport
                {
                    TeamId = team, MemberId = members[supported[i]].PersonId, Category = SupportCategory.Coaching,
                    Minutes = 15 * (i + 1), Date = weekMonday.AddDays(i), Note = "A conversation about the week.",
                }, ct);
            }
            // Check-ins due on the week's Friday: everyone but Eve, and Ida once she has joined.
            var due = weekMonday.AddDays(4);
            foreach (var (name, member) in members)
            {
                if (name == "Eve" || (name == "Ida" && due < monday.AddDays(-17)) || (name == "Dev" && week % 2 == 0))
                {
                    continue;
                }
                var id = await writing.SubmitAsync(member, new CheckInAnswers { TeamId = team, Pulse = 1 + (week + name.Length) % 5, Wins = "Shipped." }, ct);
                await using var db = await dbs.CreateDbContextAsync(ct);
                var submitted = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(due.ToDateTime(new TimeOnly(9, 30)), time.LocalTimeZone), TimeSpan.Zero);
                await db.CheckIns.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.PeriodStart, due.AddDays(-6)).SetProperty(c => c.PeriodDue, due)
                    .SetProperty(c => c.SubmittedAt, submitted).SetProperty(c => c.UpdatedAt, submitted), ct);
            }
            // Credit: Lena thanks two members, Ana thanks Ben.
            foreach (var (giver, receiver) in new[] { (lena, members["Ana"]), (lena, members["Cal"]), (members["Ana"], members["Ben"]) })
            {
                var id = await credits.GiveAsync(giver, new GiveCredit { TeamId = team, ReceiverId = receiver.PersonId, Message = "Thank you." }, ct);
                await using var db = await dbs.CreateDbContextAsync(ct);
                var at = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(weekMonday.AddDays(2).ToDateTime(new TimeOnly(15, 0)), time.LocalTimeZone), TimeSpan.Zero);
                await db.Credits.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.CreatedAt, at), ct);
            }
        }
        return new PastTeam { TeamId = team, Lena = lena, Members = members, ThisMonday = monday };
    }

    /// <summary>
    /// Today: Ana's membership ends, Ben is deactivated, Cal becomes a leader, Dev leaves and comes back, Eve is
    /// deactivated and reactivated, and Fay joins.
    /// </summary>
    public async Task ChangeTodaysTeamAsync(IServiceProvider services, Actor admin, Actor fay, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var teams = scope.ServiceProvider.GetRequiredService<TeamService>();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var page = await teams.GetAsync(admin, TeamId, ct);
        int MembershipOf(string name) => page.Members.Single(m => m.PersonId == Members[name].PersonId).MembershipId;
        await teams.EndMembershipAsync(admin, MembershipOf("Ana"), ct);
        await people.SetActiveAsync(admin, Members["Ben"].PersonId, active: false, ct);
        await teams.SetMembershipAsync(admin, TeamId, Members["Cal"].PersonId, TeamRole.Leader, ct);
        await teams.EndMembershipAsync(admin, MembershipOf("Dev"), ct);
        await teams.SetMembershipAsync(admin, TeamId, Members["Dev"].PersonId, TeamRole.Member, ct);
        await people.SetActiveAsync(admin, Members["Eve"].PersonId, active: false, ct);
        await people.SetActiveAsync(admin, Members["Eve"].PersonId, active: true, ct);
        await teams.SetMembershipAsync(admin, TeamId, fay.PersonId, TeamRole.Member, ct);
    }
}
