using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Hosting;

/// <summary>
/// The limits are keyed on what they protect: every spelling of the sign-in address that routing sends to the sign-in
/// form shares one budget per client address, and every spelling of one API token's header shares that token's budget.
/// </summary>
[Trait("Area", "Trust")]
[Trait("Area", "Security")]
public sealed class LimitKeyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private WebApplicationFactory<Program> Throttled(int signIns, int apiWrites) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("ServantLeader:RateLimits:SignInsPerMinute", signIns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.UseSetting("ServantLeader:RateLimits:ApiWritesPerMinute", apiWrites.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    [Theory]
    [InlineData("/account/login/")]
    [InlineData("/ACCOUNT/Login")]
    [InlineData("/account/%6Cogin")]
    [InlineData("/account/login?returnUrl=%2F")]
    public async Task A_variant_of_the_sign_in_address_counts_against_the_same_limit(string variant)
    {
        await using var throttled = Throttled(signIns: 2, apiWrites: 100);
        var client = throttled.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var fields = AppFactory.HiddenFields(await client.GetStringAsync("/account/login"));
        // An address nobody has, so no account's own failure count comes into it.
        fields["Input.Email"] = "nobody.limits@example.org";
        fields["Input.Password"] = "wrong-password";

        // The variant itself reaches the sign-in form (it answers the form, not "not found") ...
        var first = await client.PostAsync(variant, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("don&#x27;t match", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var second = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        // ... and shares the budget with the plain address: the third attempt from this client is refused.
        var third = await client.PostAsync(variant, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Theory]
    [InlineData("https://localhost/account//login")]
    [InlineData("https://localhost//account/login")]
    [InlineData("https://localhost/account/login//")]
    [InlineData("https://localhost/account/login%2F")]
    public async Task A_spelling_routing_does_not_send_to_the_sign_in_form_signs_no_one_in(string variant)
    {
        await using var throttled = Throttled(signIns: 1, apiWrites: 100);
        var client = throttled.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var fields = AppFactory.HiddenFields(await client.GetStringAsync("/account/login"));
        fields["Input.Email"] = AppFactory.Email("Max");
        fields["Input.Password"] = AppFactory.Password;

        // Only the sign-in endpoint can check a password, so a path it does not answer is no way around its limit.
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync(new Uri(variant), new FormUrlEncodedContent(fields));
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("servantleader.auth=", StringComparison.Ordinal)),
                $"{variant} answered {(int)response.StatusCode} and signed in.");
        }
    }

    [Fact]
    public async Task Spellings_of_one_tokens_header_share_that_tokens_write_limit()
    {
        await using var throttled = Throttled(signIns: 100, apiWrites: 3);
        var token = (await app.NewApiTokenAsync(app.Mia)).Token;
        string[] headers = ["Bearer " + token, "bearer " + token, "BEARER   " + token + "  ", "Bearer  " + token];

        var statuses = new List<HttpStatusCode>();
        foreach (var header in headers)
        {
            var client = throttled.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests")
            {
                Content = JsonContent.Create(new { teamId = app.Product, category = "Coaching", title = "Spelling", details = "x" }),
            };
            Assert.True(request.Headers.TryAddWithoutValidation("Authorization", header));
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }
}
