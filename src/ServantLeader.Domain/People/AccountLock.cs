using Microsoft.AspNetCore.Identity;

namespace ServantLeader.Domain.People;

/// <summary>
/// How a person's sign-in is shut when they are deactivated and opened again when they come back, whether an Admin
/// does it or an org-chart import: a lockout without end is how Identity refuses a sign-in, and a new security stamp
/// ends the sessions already open. The caller saves both, in its own transaction.
/// </summary>
internal static class AccountLock
{
    internal static void Deactivate(Person person, IdentityUser account)
    {
        person.Deactivate();
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        account.SecurityStamp = NewStamp();
    }

    internal static void Reactivate(Person person, IdentityUser account)
    {
        person.Reactivate();
        account.LockoutEnd = null;
    }

    /// <summary>A new security stamp, as Identity makes one: any value that differs ends the sessions signed in with the old.</summary>
    internal static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();
}
