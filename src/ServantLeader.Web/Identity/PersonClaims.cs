using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Web.Identity;

/// <summary>Adds the person's id and name to the sign-in cookie, so each request knows who acts without a lookup.</summary>
internal sealed class PersonClaimsFactory(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    PeopleService people)
    : UserClaimsPrincipalFactory<IdentityUser, IdentityRole>(users, roles, options)
{
    public const string PersonId = "servantleader:person";
    public const string DisplayName = "servantleader:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(IdentityUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await people.ForUserAsync(user.Id, CancellationToken.None) is { } person)
        {
            identity.AddClaim(new Claim(PersonId, person.Id.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(DisplayName, person.DisplayName));
        }
        return identity;
    }

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
