using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServantLeader.Domain.Account;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown address or wrong password: the same answer for both.</summary>
    Failed,

    /// <summary>Too many failures for this account from unknown browsers, or from this address.</summary>
    Refused,

    /// <summary>The right password for a deactivated person.</summary>
    Deactivated,
}

public sealed record SignInVerdict(SignInOutcome Outcome, IdentityUser? User = null, TimeSpan? RetryAfter = null);

/// <summary>
/// Checks an e-mail and password under <see cref="SignInThrottle"/>'s limits. It never writes a lockout to the account
/// (that would let anyone lock anyone out); Identity's lockout is kept for deactivation only. Failures take the same
/// time whether or not the address exists: an unknown address is checked against a dummy hash, and every answer but
/// success waits out <see cref="SignInLimits.FailureFloor"/>.
/// </summary>
public sealed class SignInGate(
    UserManager<IdentityUser> users,
    SignInThrottle throttle,
    IOptions<SignInLimits> options,
    TimeProvider clock)
{
    /// <summary>The account key the limits and device cookies use for an e-mail address.</summary>
    public string AccountKey(string email) => users.NormalizeEmail(email.Trim()) ?? "";

    public async Task<SignInVerdict> CheckAsync(string email, string password, SignInOrigin origin, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var verdict = await DecideAsync(AccountKey(email), password, origin);
        if (verdict.Outcome != SignInOutcome.Succeeded)
        {
            var left = options.Value.FailureFloor - Stopwatch.GetElapsedTime(started);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, clock, ct);
            }
        }
        return verdict;
    }

    private async Task<SignInVerdict> DecideAsync(string account, string password, SignInOrigin origin)
    {
        if (throttle.RefusedFor(account, origin) is { } wait)
        {
            return new SignInVerdict(SignInOutcome.Refused, RetryAfter: wait);
        }
        var user = account.Length == 0 ? null : await users.FindByEmailAsync(account);
        if (user is null)
        {
            // The same work as for a real account, so the answer's timing does not tell who has one.
            var dummy = throttle.DummyHash(() => users.PasswordHasher.HashPassword(new IdentityUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
            users.PasswordHasher.VerifyHashedPassword(new IdentityUser(), dummy, password);
            throttle.Failed(account, origin);
            return new SignInVerdict(SignInOutcome.Failed);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            throttle.Failed(account, origin);
            return new SignInVerdict(SignInOutcome.Failed);
        }
        // Only someone who knows the password learns that the account is deactivated.
        if (await users.IsLockedOutAsync(user))
        {
            return new SignInVerdict(SignInOutcome.Deactivated);
        }
        throttle.Succeeded(origin);
        return new SignInVerdict(SignInOutcome.Succeeded, user);
    }
}
