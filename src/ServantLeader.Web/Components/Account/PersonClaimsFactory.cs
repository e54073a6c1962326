using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.People;
using ServantLeader.Web.Identity;

namespace ServantLeader.Web.Components.Account;

/// <summary>Adds the person's id and name to the sign-in cookie, so each request knows who acts without a lookup.</summary>
internal sealed class PersonClaimsFactory(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    PeopleService people)
    : UserClaimsPrincipalFactory<IdentityUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(IdentityUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await people.ForUserAsync(user.Id, CancellationToken.None) is { } person)
        {
            identity.AddClaim(new Claim(PersonClaims.PersonId, person.Id.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(PersonClaims.DisplayName, person.DisplayName));
        }
        return identity;
    }
}
