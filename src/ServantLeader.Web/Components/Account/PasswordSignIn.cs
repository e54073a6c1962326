using Microsoft.AspNetCore.Identity;
using ServantLeader.Domain.Account;

namespace ServantLeader.Web.Components.Account;

/// <summary>The sign-in form's one call: the domain's checks and limits, then the cookies.</summary>
internal sealed class PasswordSignIn(SignInGate gate, SignInManager<IdentityUser> signIn, DeviceCookie devices)
{
    public async Task<SignInVerdict> SignInAsync(HttpContext context, string email, string password, bool remember, CancellationToken ct)
    {
        var verdict = await gate.CheckAsync(email, password, devices.OriginOf(context), ct);
        if (verdict is { Outcome: SignInOutcome.Succeeded, User: { } user })
        {
            await signIn.SignInAsync(user, remember);
            devices.Issue(context, gate.AccountKey(email));
        }
        return verdict;
    }
}
