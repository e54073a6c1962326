using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Account;

/// <summary>
/// A sign-in cookie is good only while it carries the account's current security stamp and the account is not
/// deactivated. Checked on every request (one primary-key read of two columns), so signing out, a deactivation or a
/// changed role ends every copy of a cookie at its next request.
/// </summary>
public sealed class SignInSessions(IDbContextFactory<ServantLeaderDb> dbs, UserManager<IdentityUser> users, TimeProvider clock)
{
    public async Task<bool> IsCurrentAsync(string? userId, string? securityStamp, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(securityStamp))
        {
            return false;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync(ct);
        return account is not null
               && string.Equals(account.SecurityStamp, securityStamp, StringComparison.Ordinal)
               && !(account.LockoutEnd > clock.GetUtcNow());
    }

    /// <summary>Signing out renews the stamp: every cookie issued to this person so far stops working, copies included.</summary>
    public async Task EndAllAsync(string userId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (await users.FindByIdAsync(userId) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }
}
