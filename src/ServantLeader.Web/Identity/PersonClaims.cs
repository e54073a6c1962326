using System.Globalization;
using System.Security.Claims;
using ServantLeader.Domain.Common;

namespace ServantLeader.Web.Identity;

/// <summary>
/// The claims that say which person acts. The sign-in cookie (PersonClaimsFactory) and an API token
/// (ApiTokenAuthenticationHandler) both carry them; the pages, the API and the policies read them here.
/// </summary>
internal static class PersonClaims
{
    public const string PersonId = "servantleader:person";
    public const string DisplayName = "servantleader:name";

    /// <summary>The acting person, or null for a user with no person record (which cannot use the app).</summary>
    public static Actor? ActorFrom(ClaimsPrincipal user)
    {
        var value = user.FindFirstValue(PersonId);
        if (user.Identity?.IsAuthenticated != true
            || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var personId))
        {
            return null;
        }
        return new Actor(personId, user.IsInRole(Actor.HrRole), user.IsInRole(Actor.AdminRole));
    }
}
