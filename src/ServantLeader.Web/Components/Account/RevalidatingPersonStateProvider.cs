using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.Account;

namespace ServantLeader.Web.Components.Account;

/// <summary>
/// A Blazor circuit can stay open for hours and makes no HTTP requests, so the per-request cookie check does not see
/// it. Every 30 seconds this makes the same check (<see cref="SignInSessions"/>): a sign-out, a deactivation or a
/// changed role ends the circuit's sign-in within that bound.
/// </summary>
internal sealed class RevalidatingPersonStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SignInSessions>();
        var principal = authenticationState.User;
        return await sessions.IsCurrentAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType), cancellationToken);
    }
}
