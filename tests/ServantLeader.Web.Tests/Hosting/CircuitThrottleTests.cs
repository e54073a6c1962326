using System.Diagnostics;
using ServantLeader.Web.Hosting;

namespace ServantLeader.Web.Tests.Hosting;

/// <summary>The per-tab event limit: a burst passes at once, more waits for the sustained rate, an overflow is refused.</summary>
[Trait("Area", "Security")]
public sealed class CircuitThrottleTests
{
    [Fact]
    public async Task A_flood_of_events_is_slowed_to_the_rate_and_an_overflow_is_refused()
    {
        using var throttle = new CircuitThrottle(new RateLimits.Options { CircuitEventsPerSecond = 20, CircuitEventBurst = 10 });
        var handled = 0;
        var handler = throttle.CreateInboundActivityHandler(_ =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        });

        var clock = Stopwatch.StartNew();
        // 10 pass at once, 10 wait in the queue for the next second's tokens, and the rest find the queue full.
        var events = Enumerable.Range(0, 25).Select(_ => handler(null!)).ToList();
        var refused = 0;
        foreach (var e in events)
        {
            try
            {
                await e;
            }
            catch (InvalidOperationException)
            {
                refused++;
            }
        }

        Assert.Equal(20, handled);
        Assert.Equal(5, refused);
        Assert.True(clock.Elapsed > TimeSpan.FromMilliseconds(500), $"The queued events went through after {clock.Elapsed}, not a replenishment later.");
    }

    [Fact]
    public async Task A_person_clicking_and_typing_is_never_held_up()
    {
        using var throttle = new CircuitThrottle(new RateLimits.Options());
        var handler = throttle.CreateInboundActivityHandler(_ => Task.CompletedTask);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 150; i++)
        {
            await handler(null!);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(200), $"150 events took {clock.Elapsed}.");
    }
}
