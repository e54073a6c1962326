using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// Who may read a team's dashboard, and as whom: the team's leaders as leaders, over any days; HR who do not lead
/// it as HR, over whole weeks that are over. Anyone else gets 404, as if the team did not exist. The service figures
/// and the growth figures both open a team through here, so the rule has one home.
/// </summary>
internal sealed record DashboardReader(int TeamId, string TeamName, bool ForHr, DashboardPeriod Period)
{
    public static async Task<DashboardReader> OpenAsync(ServantLeaderDb db, Actor actor, int teamId, DashboardPeriod period, DateOnly today,
        CancellationToken ct)
    {
        var leads = await db.LeadsTeamAsync(actor.PersonId, teamId, ct);
        if (!leads && !actor.IsHr)
        {
            throw new NotFoundException();
        }
        var team = await db.Teams.Where(t => t.Id == teamId).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        return new DashboardReader(team.Id, team.Name, ForHr: !leads, leads ? period : period.ForHr(today));
    }
}
