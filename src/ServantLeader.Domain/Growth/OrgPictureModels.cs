namespace ServantLeader.Domain.Growth;

/// <summary>What a picture shows: one team with its people, the organisation with teams as nodes, or nothing.</summary>
public enum PictureScope
{
    /// <summary>The reader is in no team and is not HR: there is nothing of theirs to draw.</summary>
    Empty = 0,
    Team = 1,
    Organisation = 2,
}

public enum PictureNodeKind
{
    Person = 0,
    Team = 1,

    /// <summary>HR's view: the teams under one leader of leaders, without naming that person.</summary>
    Group = 2,
}

public enum PictureEdgeKind
{
    /// <summary>A leader's support to a member (team view), or a team's leader support drawn to its group (HR view).</summary>
    Support = 0,

    /// <summary>Help one teammate logged for another; <see cref="PictureEdge.Confirmed"/> tells whether the receiver confirmed it.</summary>
    PeerSupport = 1,

    /// <summary>An active mentoring pair (both opted in).</summary>
    Mentoring = 2,

    /// <summary>The org chart: a leader reports to a leader of leaders, a group sits under a group.</summary>
    ReportsTo = 3,
}

/// <summary>Members served over members counted; the share is a colour on the picture.</summary>
public sealed record PictureCoverage(int Served, int Members)
{
    public double Share => Members == 0 ? 0 : (double)Served / Members;
}

/// <summary>
/// One node. <see cref="Level"/> 0 is the top (the people who do the work); higher numbers are further down (their
/// leaders, then those who lead leaders). <see cref="Coverage"/> is null when it does not apply or is withheld
/// (<see cref="Withheld"/>). Links: <see cref="GrowthPersonId"/> when the reader may open that person's growth page,
/// <see cref="DashboardTeamId"/> when the reader may open that team's dashboard.
/// </summary>
public sealed record PictureNode(
    string Key,
    PictureNodeKind Kind,
    string Name,
    int Level,
    string Role,
    PictureCoverage? Coverage,
    bool Withheld,
    int? GrowthPersonId,
    int? DashboardTeamId,
    PictureTeamFigures? Figures = null);

/// <summary>A team's own figures in HR's view (shown only for teams of at least three members).</summary>
public sealed record PictureTeamFigures(int SupportMinutes, int PeerMinutesConfirmed, int PeerMinutesUnconfirmed, int MentoringPairs);

/// <summary>
/// An edge from <see cref="From"/> to <see cref="To"/> (node keys). <see cref="Minutes"/> is null when the reader is
/// not shown the amount (then the edge is drawn at the thinnest width); <see cref="Count"/> counts entries or pairs.
/// </summary>
public sealed record PictureEdge(string From, string To, PictureEdgeKind Kind, int? Minutes, int Count, bool Confirmed);

public sealed record PictureLevel(int Level, string Name);

/// <summary>A team the reader may draw, for the picker; <see cref="Leads"/> when they lead it.</summary>
public sealed record PictureTeamChoice(int Id, string Name, bool Leads);

/// <summary>The picture for one reader and one period.</summary>
public sealed record OrgPictureView(
    PictureScope Scope,
    int? TeamId,
    string Title,
    DateOnly From,
    DateOnly To,
    int Weeks,
    bool ForHr,
    bool ShowsMinutes,
    IReadOnlyList<PictureLevel> Levels,
    IReadOnlyList<PictureNode> Nodes,
    IReadOnlyList<PictureEdge> Edges,
    IReadOnlyList<PictureTeamChoice> Teams,
    bool CanSeeOrganisation)
{
    private Dictionary<string, PictureNode>? _byKey;

    public PictureNode? Node(string key) =>
        (_byKey ??= Nodes.ToDictionary(n => n.Key, StringComparer.Ordinal)).GetValueOrDefault(key);
}
