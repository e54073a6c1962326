using System.Net;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Hosting;

[Trait("Area", "Security")]
public sealed class SecurityHeaderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/requests")]
    [InlineData("/not-found")]
    [InlineData("/api/v1/me")]
    [InlineData("/health/ready")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var client = path == "/requests" ? await app.SignedInAsync("Mia") : app.Anonymous();
        var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}';", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_only_inline_script_carries_this_responses_nonce_and_it_changes_every_time()
    {
        var client = app.Anonymous();
        var first = await client.GetAsync("/account/login");
        var second = await client.GetAsync("/account/login");
        string Nonce(HttpResponseMessage r) =>
            System.Text.RegularExpressions.Regex.Match(r.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;

        Assert.NotEqual(Nonce(first), Nonce(second));
        var html = await first.Content.ReadAsStringAsync();
        var inline = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\ssrc=)[^>]*>");
        Assert.All(inline, tag => Assert.Contains($"nonce=\"{Nonce(first)}\"", System.Net.WebUtility.HtmlDecode(tag.Value), StringComparison.Ordinal));
    }

    [Fact]
    public async Task HSTS_is_sent_over_https_outside_development()
    {
        // Not for "localhost", which ASP.NET Core leaves out of HSTS on purpose; a real host name gets it.
        var client = app.Anonymous();
        client.BaseAddress = new Uri("https://serve.example.org");
        var response = await client.GetAsync("/account/login");
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Equal("max-age=31536000; includeSubDomains", hsts);
    }

    [Fact]
    public async Task Cookies_are_HttpOnly_Secure_and_SameSite_and_forms_carry_antiforgery_tokens()
    {
        var client = app.Anonymous();
        var login = await client.GetAsync("/account/login");
        var html = await login.Content.ReadAsStringAsync();
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("servantleader.af=", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);

        // A sign-in posted without the token is refused and sets no cookie.
        var forged = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = AppFactory.Email("Mia"), ["Input.Password"] = AppFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("servantleader.auth=", StringComparison.Ordinal)));
    }
}
