using System.Net;
using System.Text.RegularExpressions;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Hosting;

[Trait("Area", "Foundation")]
public sealed partial class StartupTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_page_references_a_fingerprinted_blazor_web_js_that_is_served()
    {
        var client = app.Anonymous();
        var page = await client.GetStringAsync("/account/login");

        var src = BlazorScript().Match(page);
        Assert.True(src.Success, "the page has no blazor.web.js script tag");
        var script = await client.GetAsync("/" + src.Groups["path"].Value);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var body = await script.Content.ReadAsStringAsync();
        Assert.True(body.Length > 50_000, $"blazor.web.js is only {body.Length} characters");
        Assert.Contains("Blazor", body, StringComparison.Ordinal);
        // The .NET 10 script from the SDK's own package: the .NET 9 one the project once extracted could not resume a circuit.
        Assert.Contains("resumeCircuit", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reconnect_banner_and_its_script_are_served()
    {
        var client = app.Anonymous();
        var page = await client.GetStringAsync("/account/login");

        Assert.Contains("id=\"components-reconnect-modal\"", page, StringComparison.Ordinal);
        var src = ReconnectScript().Match(page);
        Assert.True(src.Success, "the page has no script tag for the reconnect banner");
        var script = await client.GetAsync("/" + src.Groups["path"].Value);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("components-reconnect-state-changed", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Radzen_script_and_theme_are_served()
    {
        var client = app.Anonymous();
        var page = await client.GetStringAsync("/account/login");
        var radzen = RadzenScript().Match(page);

        Assert.True(radzen.Success);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/" + radzen.Groups["path"].Value)).StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_signing_in()
    {
        var client = app.Anonymous();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_address_gets_a_friendly_404_page()
    {
        var response = await (await app.SignedInAsync("Mia")).GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("We couldn&#x27;t find that", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_there_are_no_demo_accounts()
    {
        var response = await AppFactory.PostLoginAsync(app.Anonymous(), "admin@demo.servantleader.local", Domain.Demo.DemoOrganisation.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("don&#x27;t match", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script src=\"/?(?<path>_framework/blazor\\.web\\.[a-z0-9]+\\.js)\"")]
    private static partial Regex BlazorScript();

    [GeneratedRegex("<script src=\"/?(?<path>_content/Radzen\\.Blazor/Radzen\\.Blazor\\.[a-z0-9]+\\.js)\"")]
    private static partial Regex RadzenScript();

    [GeneratedRegex("<script type=\"module\" src=\"/?(?<path>Components/Layout/ReconnectBanner\\.[^\"]*\\.js)\"")]
    private static partial Regex ReconnectScript();
}
