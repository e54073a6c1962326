namespace ServantLeader.Web.Identity;

/// <summary>
/// The authorization policies' names, in one place: the pages (<c>[Authorize(Policy = Policies.Hr)]</c>), the API, the
/// endpoints and the setup code that defines them all read them from here, so a name cannot drift between them.
/// Everything else only needs a signed-in person (the fallback policy).
/// </summary>
internal static class Policies
{
    /// <summary>HR's pages: the service overview, check-in participation, feedback rounds and instruments.</summary>
    public const string Hr = "HR";

    /// <summary>Admins' pages: people, teams, webhooks and the audit log.</summary>
    public const string Admin = "Admin";

    /// <summary>Either role: importing the org chart.</summary>
    public const string HrOrAdmin = "HR or Admin";

    /// <summary>Everything under /api: a personal API token only, never the browser's cookie.</summary>
    public const string Api = "API";
}
