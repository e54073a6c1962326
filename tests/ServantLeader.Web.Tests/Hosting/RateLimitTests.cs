using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Hosting;

/// <summary>Over the limit, sign-in and API writes answer 429 with Retry-After; reading is never throttled.</summary>
[Trait("Area", "Security")]
public sealed class RateLimitTests(AppFactory app) : IClassFixture<AppFactory>
{
    private WebApplicationFactory<Program> Throttled() => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("ServantLeader:RateLimits:SignInsPerMinute", "3");
        b.UseSetting("ServantLeader:RateLimits:ApiWritesPerMinute", "2");
    });

    [Fact]
    public async Task The_fourth_sign_in_attempt_in_a_minute_from_one_address_gets_429_and_a_message()
    {
        await using var throttled = Throttled();
        var client = throttled.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        for (var i = 0; i < 3; i++)
        {
            var attempt = await AppFactory.PostLoginAsync(client, AppFactory.Email("Max"), "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
        var page = await client.GetStringAsync("/account/login");
        var fields = AppFactory.HiddenFields(page);
        fields["Input.Email"] = AppFactory.Email("Max");
        fields["Input.Password"] = AppFactory.Password;
        var fourth = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(int.Parse(fourth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Contains("Too many sign-in attempts", await fourth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(fourth.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("servantleader.auth=", StringComparison.Ordinal)));
        // Reading the page is not throttled.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task API_writes_beyond_the_limit_get_429_while_reads_go_on()
    {
        await using var throttled = Throttled();
        var token = (await app.NewApiTokenAsync(app.Mia)).Token;
        var client = throttled.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/requests", new { teamId = app.Product, category = "Coaching", title = "Limit " + i, details = "x" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);
        var other = throttled.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        other.DefaultRequestHeaders.Authorization = new("Bearer", (await app.NewApiTokenAsync(app.Max)).Token);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/v1/requests",
            new { teamId = app.Product, category = "Coaching", title = "Someone else", details = "x" })).StatusCode);
    }
}
