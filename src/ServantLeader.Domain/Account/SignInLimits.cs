namespace ServantLeader.Domain.Account;

/// <summary>
/// How failed sign-ins are limited (configuration <c>ServantLeader:SignIn</c>). Counts are kept in memory by each app
/// instance; see docs/operations.md.
/// </summary>
public sealed class SignInLimits
{
    public const string Section = "ServantLeader:SignIn";

    /// <summary>Failures for one account, from browsers that never signed in to it, before such browsers are refused.</summary>
    public int FailuresPerAccount { get; set; } = 5;

    /// <summary>Failures from one trusted browser (it holds a device cookie for the account) before it counts as untrusted.</summary>
    public int FailuresPerDevice { get; set; } = 5;

    /// <summary>Failures from one client address, over all accounts, before untrusted sign-ins from it are refused.</summary>
    public int FailuresPerAddress { get; set; } = 30;

    /// <summary>How long a failure counts: a refusal ends this long after the failure that caused it.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Every sign-in that does not succeed answers no sooner than this after it started, so an unknown address, a wrong
    /// password and a refusal take the same time.
    /// </summary>
    public TimeSpan FailureFloor { get; set; } = TimeSpan.FromMilliseconds(500);
}
