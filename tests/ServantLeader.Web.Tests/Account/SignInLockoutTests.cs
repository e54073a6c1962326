using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Account;

/// <summary>
/// Failed sign-ins cannot be used to lock someone out: strangers' failures refuse strangers, a browser the owner
/// signed in from keeps working, the per-address limit still stops the stranger, and an unknown address costs the
/// same work and time as a wrong password.
/// </summary>
[Trait("Area", "Trust")]
[Trait("Area", "Security")]
public sealed class SignInLockoutTests(AppFactory app) : IClassFixture<AppFactory>
{
    private WebApplicationFactory<Program> With(Action<IWebHostBuilder> configure) => app.WithWebHostBuilder(configure);

    private static HttpClient Browser(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    [Fact]
    public async Task Strangers_failures_do_not_lock_the_owner_out_of_a_browser_they_signed_in_from()
    {
        await using var factory = With(b => b.UseSetting("ServantLeader:SignIn:FailureFloor", "00:00:00"));
        var owner = Browser(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFactory.PostLoginAsync(owner, AppFactory.Email("Lea"), AppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFactory.PostLogoutAsync(owner)).StatusCode);

        var attacker = Browser(factory);
        for (var i = 0; i < 8; i++)
        {
            await AppFactory.PostLoginAsync(attacker, AppFactory.Email("Lea"), "guess-" + i);
        }
        var attackerWithTheRightPassword = await AppFactory.PostLoginAsync(Browser(factory), AppFactory.Email("Lea"), AppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, attackerWithTheRightPassword.StatusCode);
        Assert.Contains("locked for browsers it has not been used in", await attackerWithTheRightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var again = await AppFactory.PostLoginAsync(owner, AppFactory.Email("Lea"), AppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_per_address_limit_refuses_a_stranger_trying_many_accounts()
    {
        await using var factory = With(b =>
        {
            b.UseSetting("ServantLeader:SignIn:FailureFloor", "00:00:00");
            b.UseSetting("ServantLeader:SignIn:FailuresPerAddress", "3");
        });
        var attacker = Browser(factory);
        foreach (var name in new[] { "Otto", "Pia", "nobody" })
        {
            Assert.Equal(HttpStatusCode.OK, (await AppFactory.PostLoginAsync(attacker, AppFactory.Email(name), "guess")).StatusCode);
        }

        // Mia's own password, but from the address that has just failed three times: refused, and no cookie.
        var response = await AppFactory.PostLoginAsync(attacker, AppFactory.Email("Mia"), AppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("too many from your network", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("servantleader.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_email_runs_the_password_hasher_and_every_failure_waits_out_the_floor()
    {
        var hasher = new CountingHasher();
        var floor = TimeSpan.FromMilliseconds(300);
        await using var factory = With(b =>
        {
            b.UseSetting("ServantLeader:SignIn:FailureFloor", floor.ToString());
            b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<IdentityUser>>(sp =>
                hasher.Wrapping(new PasswordHasher<IdentityUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()))));
        });
        var browser = Browser(factory);
        await browser.GetStringAsync("/account/login");

        foreach (var email in new[] { "nobody-here@example.org", AppFactory.Email("Max") })
        {
            var before = hasher.Verifications;
            var clock = Stopwatch.StartNew();
            var response = await AppFactory.PostLoginAsync(browser, email, "wrong-password");
            var elapsed = clock.Elapsed;

            Assert.Contains("don&#x27;t match", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(hasher.Verifications > before, $"The hasher did not run for {email}.");
            // A lower bound only: the floor is a wait the app adds, so a busy machine can only make it longer.
            Assert.True(elapsed >= floor, $"{email} answered after {elapsed.TotalMilliseconds:0} ms, before the {floor.TotalMilliseconds:0} ms floor.");
        }
    }

    private sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        private IPasswordHasher<IdentityUser>? _inner;
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public CountingHasher Wrapping(IPasswordHasher<IdentityUser> inner)
        {
            _inner = inner;
            return this;
        }

        public string HashPassword(IdentityUser user, string password) => _inner!.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner!.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
