using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ServantLeader.Domain.Account;

/// <summary>Where an attempt comes from: the client address, and the account the browser's device cookie vouches for.</summary>
/// <param name="TrustedAccount">The normalised e-mail the device cookie was issued for, when the browser has a valid one.</param>
/// <param name="DeviceId">The device cookie's own id (a random value, one per successful sign-in).</param>
public sealed record SignInOrigin(string Address, string? TrustedAccount = null, string? DeviceId = null);

/// <summary>
/// Failed sign-ins counted the way OWASP's device-cookie design counts them, so nobody can lock someone else out: a
/// browser that once signed in to an account holds a device cookie for it and is limited only by its own failures;
/// every other browser shares one budget per account and one per client address. An attacker can exhaust those, and
/// then only browsers without the owner's device cookie are refused. Keys are the normalised e-mail, so an unknown
/// address is counted and refused exactly like a known one. In memory, per app instance.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInLimits> options, TimeProvider clock)
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private string? _dummyHash;
    private long _lastPrune;

    private SignInLimits Limits => options.Value;

    /// <summary>Null when the attempt may go ahead; otherwise how long until it may.</summary>
    public TimeSpan? RefusedFor(string account, SignInOrigin origin)
    {
        var now = clock.GetUtcNow();
        if (IsTrusted(account, origin, now))
        {
            return null;
        }
        var wait = Max(
            Wait(AccountKey(account), Limits.FailuresPerAccount, now),
            Wait(AddressKey(origin.Address), Limits.FailuresPerAddress, now));
        return wait;
    }

    public void Failed(string account, SignInOrigin origin)
    {
        var now = clock.GetUtcNow();
        if (IsTrusted(account, origin, now))
        {
            Record(DeviceKey(origin.DeviceId!), Limits.FailuresPerDevice, now);
        }
        else
        {
            Record(AccountKey(account), Limits.FailuresPerAccount, now);
            Record(AddressKey(origin.Address), Limits.FailuresPerAddress, now);
        }
        PruneNowAndThen(now);
    }

    /// <summary>A success clears the browser's own failures; the account's budget for strangers is left as it is.</summary>
    public void Succeeded(SignInOrigin origin)
    {
        if (origin.DeviceId is not null)
        {
            _failures.TryRemove(DeviceKey(origin.DeviceId), out _);
        }
    }

    /// <summary>A hash of a random password, made once, that unknown accounts' attempts are checked against.</summary>
    public string DummyHash(Func<string> make) => _dummyHash ??= make();

    private bool IsTrusted(string account, SignInOrigin origin, DateTimeOffset now) =>
        origin.TrustedAccount is not null && origin.DeviceId is not null
        && string.Equals(origin.TrustedAccount, account, StringComparison.Ordinal)
        && Wait(DeviceKey(origin.DeviceId), Limits.FailuresPerDevice, now) is null;

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now) =>
        _failures.TryGetValue(key, out var failures) ? failures.RefusedFor(limit, Limits.Window, now) : null;

    private void Record(string key, int limit, DateTimeOffset now) =>
        _failures.GetOrAdd(key, _ => new Failures()).Add(now, limit);

    // Keys come from what strangers type, so the table is swept of expired entries once it grows.
    private void PruneNowAndThen(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastPrune);
        if (_failures.Count <= PruneAbove || now.UtcTicks - last < TimeSpan.TicksPerMinute
            || Interlocked.CompareExchange(ref _lastPrune, now.UtcTicks, last) != last)
        {
            return;
        }
        foreach (var (key, failures) in _failures)
        {
            if (failures.ExpiredBy(now - Limits.Window))
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string AccountKey(string account) => "account " + account;
    private static string AddressKey(string address) => "address " + address;
    private static string DeviceKey(string device) => "device " + device;

    /// <summary>The latest failures of one key, as many as the limit: refused while the oldest of them is recent.</summary>
    private sealed class Failures
    {
        private readonly Queue<DateTimeOffset> _times = new();

        public void Add(DateTimeOffset at, int limit)
        {
            lock (_times)
            {
                _times.Enqueue(at);
                while (_times.Count > Math.Max(limit, 1))
                {
                    _times.Dequeue();
                }
            }
        }

        public TimeSpan? RefusedFor(int limit, TimeSpan window, DateTimeOffset now)
        {
            lock (_times)
            {
                if (_times.Count < limit)
                {
                    return null;
                }
                var until = _times.Peek() + window;
                return until > now ? until - now : null;
            }
        }

        public bool ExpiredBy(DateTimeOffset cutoff)
        {
            lock (_times)
            {
                return _times.Count == 0 || _times.Last() < cutoff;
            }
        }
    }
}
