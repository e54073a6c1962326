using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The organisation median beside a figure: the median of the teams' values HR may see. With one or two teams it would
/// be one team's own value or the midpoint of two, no backdrop at all, so it is shown from <see cref="MinimumTeams"/>
/// teams with a value on (docs/metrics.md).
/// </summary>
public static class OrganisationMedian
{
    public const int MinimumTeams = 3;

    /// <summary>The median of the teams' values (interpolated between the middle two for an even number), or null below 3.</summary>
    public static double? Of(IEnumerable<double> values)
    {
        var teams = values.ToList();
        return teams.Count < MinimumTeams ? null : Percentile.Of(teams, 50);
    }
}
