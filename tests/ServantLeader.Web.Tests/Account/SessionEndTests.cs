using System.Net;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.People;
using ServantLeader.Web.Components.Account;
using ServantLeader.Web.Identity;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Account;

/// <summary>A copy of a sign-in cookie stops working once its owner signs out or is deactivated.</summary>
[Trait("Area", "Trust")]
[Trait("Area", "Security")]
public sealed class SessionEndTests(AppFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_copied_cookie_is_refused_on_the_next_request_after_sign_out()
    {
        var browser = app.Anonymous();
        var signedIn = await AppFactory.PostLoginAsync(browser, AppFactory.Email("Max"), AppFactory.Password);
        var copy = CopyOf(AuthCookie(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/requests")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await AppFactory.PostLogoutAsync(browser)).StatusCode);

        var after = await copy.GetAsync("/requests");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/account/login", after.Headers.Location?.ToString(), StringComparison.Ordinal);
        // Signing in again gives a new cookie that works.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("Max")).GetAsync("/requests")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_persons_cookie_is_refused_on_the_next_request()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var leaving = await people.CreateAsync(app.Admin, new PersonDraft
        {
            DisplayName = "Lou Leaving", Email = "lou.leaving@example.org", Password = AppFactory.Password,
        }, CancellationToken.None);
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await AppFactory.PostLoginAsync(browser, "lou.leaving@example.org", AppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/requests")).StatusCode);

        await people.SetActiveAsync(app.Admin, leaving, active: false, CancellationToken.None);

        var after = await browser.GetAsync("/requests");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/account/login", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_browser_tab_rechecks_its_sign_in_every_30_seconds_at_most()
    {
        // A circuit makes no HTTP requests, so its bound is the revalidation interval.
        var interval = (TimeSpan)typeof(RevalidatingPersonStateProvider)
            .GetProperty("RevalidationInterval", BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(ActivatorFor())!;
        Assert.True(interval <= TimeSpan.FromSeconds(30), $"Revalidation every {interval}.");

        object ActivatorFor() => ActivatorUtilities.CreateInstance<RevalidatingPersonStateProvider>(app.Services);
    }

    [Fact]
    public async Task The_per_request_check_is_one_cheap_read()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
        var user = (await users.FindByEmailAsync(AppFactory.Email("Otto")))!;
        var stamp = await users.GetSecurityStampAsync(user);
        var sessions = scope.ServiceProvider.GetRequiredService<ServantLeader.Domain.Account.SignInSessions>();

        Assert.False(await sessions.IsCurrentAsync(user.Id, "an old stamp", CancellationToken.None));
        const int checks = 1000;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < checks; i++)
        {
            Assert.True(await sessions.IsCurrentAsync(user.Id, stamp, CancellationToken.None));
        }
        output.WriteLine($"{(TestProvider.Postgres ? "PostgreSQL" : "SQLite")}: {checks} session checks in {clock.ElapsedMilliseconds} ms ({clock.Elapsed.TotalMilliseconds * 1000 / checks:0} µs each).");
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("servantleader.auth=", StringComparison.Ordinal)).Split(';')[0];

    private HttpClient CopyOf(string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
