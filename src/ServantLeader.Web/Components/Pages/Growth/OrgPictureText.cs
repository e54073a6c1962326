using System.Globalization;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;

namespace ServantLeader.Web.Components.Pages.Growth;

/// <summary>
/// The words and links the picture and its table share, so that the two always say the same: a node's figure, its
/// coverage band (a colour, always beside words), its link, and an edge's description.
/// </summary>
public static class OrgPictureText
{
    /// <summary>Where a node leads: the person's growth page when the reader may read it, else the team's dashboard.</summary>
    public static string? Href(PictureNode node) =>
        node.GrowthPersonId is { } person ? $"/growth/people/{person}"
        : node.DashboardTeamId is { } team ? $"/dashboard/teams/{team}"
        : null;

    public static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    /// <summary>One line under the name: what the colour means, in words.</summary>
    public static string Figure(PictureNode node) => node switch
    {
        { Withheld: true, Kind: PictureNodeKind.Team } => $"fewer than {GroupSize.Minimum} members",
        { Withheld: true } => "figures withheld",
        { Coverage: null } => "",
        { Kind: PictureNodeKind.Person, Role: "member", Coverage: var c } => c.Served > 0 ? "received support" : "no support yet",
        { Coverage: var c } => $"coverage {Percent(c.Share)}",
    };

    /// <summary>The coverage band, for the node's fill; "none" when there is no figure to colour.</summary>
    public static string Band(PictureNode node) => node.Coverage switch
    {
        null => "none",
        { Members: 0 } => "none",
        var c when c.Share >= 0.8 => "high",
        var c when c.Share >= 0.5 => "mid",
        _ => "low",
    };

    public static string KindName(PictureEdge edge) => edge.Kind switch
    {
        PictureEdgeKind.Support => "support",
        PictureEdgeKind.PeerSupport => edge.Confirmed ? "peer support, confirmed" : "peer support, not yet confirmed",
        PictureEdgeKind.Mentoring => edge.Count > 1 ? $"mentoring ({edge.Count} pairs)" : "mentoring",
        PictureEdgeKind.ReportsTo => "reports to",
        _ => "",
    };

    public static string Minutes(int? minutes) => minutes switch
    {
        null => "not shown",
        < 60 => $"{minutes} min",
        _ => (minutes.Value / 60.0).ToString("0.#", CultureInfo.InvariantCulture) + " h",
    };

    public static string Name(OrgPictureView view, string key) => view.Node(key)?.Name ?? key;

    /// <summary>"Lea gave Mia support: 1.5 h in 3 entries", for an edge's tooltip.</summary>
    public static string Describe(OrgPictureView view, PictureEdge edge)
    {
        var from = Name(view, edge.From);
        var to = Name(view, edge.To);
        return edge.Kind switch
        {
            PictureEdgeKind.ReportsTo => $"{from} reports to {to}",
            PictureEdgeKind.Mentoring => edge.Count > 1 ? $"{from} and {to}: {edge.Count} mentoring pairs" : $"{from} mentors {to}",
            _ => $"{from} to {to}: {KindName(edge)}" + (edge.Minutes is null ? "" : $", {Minutes(edge.Minutes)}")
                + (edge.Count > 1 ? $" in {edge.Count} entries" : ""),
        };
    }
}
