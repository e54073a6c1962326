using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Benchmarks;

/// <summary>
/// What a quick implementation does: load the team's entities through EF (tracked, with their people) and
/// aggregate them with LINQ in memory. Kept only as the benchmark's comparison.
/// </summary>
internal sealed class NaiveDashboard(IDbContextFactory<ServantLeaderDb> dbs, DateTimeOffset now)
{
    public async Task<object> TeamAsync(int teamId, DashboardPeriod period)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var requests = await db.ServiceRequests.Include(r => r.Requester).Where(r => r.TeamId == teamId).ToListAsync();
        var support = await db.SupportEntries.Include(s => s.Member).Where(s => s.TeamId == teamId).ToListAsync();
        var checkIns = await db.CheckIns.Include(c => c.Request).Where(c => c.TeamId == teamId).ToListAsync();
        var credits = await db.Credits.Where(c => c.TeamId == teamId).ToListAsync();
        var members = await db.Memberships.Include(m => m.Person).Where(m => m.TeamId == teamId).ToListAsync();
        var result = new List<object> { Figures(period.Whole, requests, support, checkIns, credits, members) };
        result.AddRange(period.WeekRanges().Select(w => Figures(w, requests, support, checkIns, credits, members)));
        return result;
    }

    public async Task<object> OrganisationAsync(DashboardPeriod period)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var (t0, _) = period.Whole.Instants(TimeZoneInfo.Utc);
        var since = DateTimeOffset.FromUnixTimeMilliseconds(t0);
        var requests = await db.ServiceRequests.Include(r => r.Requester).Where(r => r.CreatedAt >= since).ToListAsync();
        var support = await db.SupportEntries.Include(s => s.Member).Where(s => s.Date >= period.From).ToListAsync();
        var checkIns = await db.CheckIns.Include(c => c.Request).Where(c => c.PeriodDue >= period.From || c.Status == CheckInStatus.Submitted).ToListAsync();
        var credits = await db.Credits.Where(c => c.CreatedAt >= since).ToListAsync();
        var members = await db.Memberships.Include(m => m.Person).ToListAsync();
        return members.Select(m => m.TeamId).Distinct().Select(team => Figures(period.Whole,
            requests.Where(r => r.TeamId == team).ToList(), support.Where(s => s.TeamId == team).ToList(),
            checkIns.Where(c => c.TeamId == team).ToList(), credits.Where(c => c.TeamId == team).ToList(),
            members.Where(m => m.TeamId == team).ToList())).ToList();
    }

    private object Figures(DayRange days, List<ServiceRequest> requests, List<ServantLeader.Domain.Support.SupportEntry> support,
        List<CheckIn> checkIns, List<ServantLeader.Domain.Credits.Credit> credits, List<Membership> members)
    {
        var (t0, t1) = days.Instants(TimeZoneInfo.Utc);
        var inPeriod = requests.Where(r => r.CreatedAt.ToUnixTimeMilliseconds() >= t0 && r.CreatedAt.ToUnixTimeMilliseconds() < t1).ToList();
        var ack = inPeriod.Where(r => r.AcknowledgedAt is not null).Select(r => (r.AcknowledgedAt!.Value - r.CreatedAt).TotalHours).ToList();
        var resolve = inPeriod.Where(r => r.Status == RequestStatus.Resolved).Select(r => (r.ResolvedAt!.Value - r.CreatedAt).TotalHours).ToList();
        var given = support.Where(s => s.Date >= days.From && s.Date <= days.To).ToList();
        var eligible = members.Where(m => m.Role == TeamRole.Member && m.Person.IsActive && m.Since.ToUnixTimeMilliseconds() < t1).ToList();
        var pulses = checkIns.Where(c => c.Status != CheckInStatus.Draft && c.Pulse is not null && c.PeriodDue >= days.From && c.PeriodDue <= days.To).ToList();
        var submitted = checkIns.Where(c => c.SubmittedAt is { } s && s.ToUnixTimeMilliseconds() >= t0 && s.ToUnixTimeMilliseconds() < t1).ToList();
        return new
        {
            Received = inPeriod.Count,
            AckMedian = Percentile.Of(ack, 50), AckP90 = Percentile.Of(ack, 90),
            ResolveMedian = Percentile.Of(resolve, 50), ResolveP90 = Percentile.Of(resolve, 90),
            Resolved = inPeriod.Count(r => r.Status == RequestStatus.Resolved),
            Declined = inPeriod.Count(r => r.Status == RequestStatus.Declined),
            Rating = inPeriod.Where(r => r.Rating is not null).Select(r => (double)r.Rating!.Value).DefaultIfEmpty().Average(),
            Entries = given.Count, Hours = given.Sum(s => s.Minutes) / 60.0, Proactive = given.Count(s => s.RequestId is null),
            Coverage = eligible.Count(m => given.Any(s => s.MemberId == m.PersonId)),
            Participation = pulses.Count(c => eligible.Any(m => m.PersonId == c.MemberId)),
            Pulse = pulses.Select(c => (double)c.Pulse!.Value).DefaultIfEmpty().Average(),
            Reviewed = submitted.Count(c => c.ReviewedAt is not null && (c.ReviewedAt - c.SubmittedAt) <= TimeSpan.FromDays(3)),
            Blockers = checkIns.Count(c => c.HasBlocker && (c.Status == CheckInStatus.Submitted || c.Request?.IsActive == true)),
            Credit = credits.Count(c => c.CreatedAt.ToUnixTimeMilliseconds() >= t0 && c.CreatedAt.ToUnixTimeMilliseconds() < t1),
            Now = now,
        };
    }
}
