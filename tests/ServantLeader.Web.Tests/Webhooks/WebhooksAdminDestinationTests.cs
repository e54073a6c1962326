using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Webhooks;
using ServantLeader.Web.Components.Pages.Webhooks;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Webhooks;

/// <summary>The Admin page shows the domain's reason next to the URL field, keeps what was typed and saves nothing.</summary>
[Trait("Area", "Trust")]
[Trait("Area", "Integrations")]
public sealed class WebhooksAdminDestinationTests : ComponentContext
{
    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/", "(169.254.169.254, link-local)")]
    [InlineData("https://2130706433/hook", "(127.0.0.1, loopback)")]
    [InlineData("https://[::ffff:127.0.0.1]/hook", "loopback)")]
    [InlineData("http://127.0.0.1:8080/hook", "Plain http is allowed only for an internal host")]
    public async Task An_internal_address_is_refused_next_to_the_url_field_with_a_plain_reason(string url, string reason)
    {
        SignInAs(Admin, "Adam Admin");
        var page = Render<WebhooksPage>();
        page.WaitForAssertion(() => Assert.Contains("No webhooks yet.", page.Markup, StringComparison.Ordinal));
        page.FindAll("button").Single(b => b.TextContent.Contains("New webhook", StringComparison.Ordinal)).Click();
        // The form is its own component and may render a moment after the click (on PostgreSQL it does).
        page.WaitForAssertion(() => page.Find("input[name=Description]"));

        page.Find("input[name=Description]").Change("#kudos");
        page.Find("input[name=Url]").Change(url);
        await page.Find("form").SubmitAsync();

        var shown = Assert.Single(page.FindAll(".validation-message"));
        var message = shown.TextContent;
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.Contains("Admin", message, StringComparison.Ordinal);
        Assert.Contains("ServantLeader:Webhooks:AllowedInternalHosts", message, StringComparison.Ordinal);
        // The message sits right after the URL field, and what was typed is still there.
        Assert.NotNull(shown.PreviousElementSibling?.QuerySelector("input[name=Url]"));
        Assert.Equal(url, page.Find("input[name=Url]").GetAttribute("value"));
        Assert.Equal("#kudos", page.Find("input[name=Description]").GetAttribute("value"));
        Assert.Empty(await Services.GetRequiredService<WebhookService>().EndpointsAsync(Admin, default));
    }
}
