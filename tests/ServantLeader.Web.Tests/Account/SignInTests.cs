using System.Net;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Account;

[Trait("Area", "Requests")]
public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Signing_in_sets_an_HttpOnly_Secure_SameSite_cookie_and_returns_to_the_asked_page()
    {
        var client = app.Anonymous();

        var response = await AppFactory.PostLoginAsync(client, AppFactory.Email("Mia"), AppFactory.Password, "/requests");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://localhost/requests", response.Headers.Location?.ToString());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("servantleader.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/requests")).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example.org/phish")]
    [InlineData("https://evil.example.org/")]
    [InlineData("/\\evil.example.org")]
    public async Task A_return_address_on_another_site_is_ignored(string returnUrl)
    {
        var response = await AppFactory.PostLoginAsync(app.Anonymous(), AppFactory.Email("Max"), AppFactory.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://localhost/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_wrong_password_shows_one_message_for_both_fields_and_sets_no_cookie()
    {
        var response = await AppFactory.PostLoginAsync(app.Anonymous(), AppFactory.Email("Max"), "wrong-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("That email and password don&#x27;t match.", body, StringComparison.Ordinal);
        Assert.Contains("value=\"max@example.org\"", body, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
                     && cookies.Any(c => c.StartsWith("servantleader.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        for (var i = 0; i < 5; i++)
        {
            await AppFactory.PostLoginAsync(app.Anonymous(), AppFactory.Email("Pia"), "wrong-password");
        }

        var response = await AppFactory.PostLoginAsync(app.Anonymous(), AppFactory.Email("Pia"), AppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token()
    {
        var client = await app.SignedInAsync("Max");

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var home = await client.GetStringAsync("/");
        var fields = AppFactory.HiddenFields(home);
        var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/account/login", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
