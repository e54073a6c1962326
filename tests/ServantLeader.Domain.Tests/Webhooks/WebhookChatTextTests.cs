using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.Credits;
using ServantLeader.Domain.Teams;
using ServantLeader.Domain.Webhooks;
using ServantLeader.TestData;

namespace ServantLeader.Domain.Tests.Webhooks;

/// <summary>
/// What people wrote reaches a chat channel as words, never as a ping, a link or an image. Each hostile text is given
/// as credit and delivered to a real listener; the delivered <c>text</c> is then read the way each receiver docs/api.md
/// names would read it: Slack (mrkdwn and its &lt;…&gt; control syntax), Mattermost and Rocket.Chat (Markdown,
/// @-mentions, autolinked addresses).
/// </summary>
[Trait("Area", "Trust")]
[Trait("Area", "Integrations")]
public sealed partial class WebhookChatTextTests : OrganisationTests
{
    private WebhookReceiver _receiver = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Db.Get<IOptions<WebhookOptions>>().Value.AllowedInternalHosts = ["127.0.0.1"];
        _receiver = await WebhookReceiver.StartAsync();
        await Db.Get<WebhookService>().CreateAsync(Org.Admin, new WebhookDraft
        {
            Url = _receiver.Url.ToString(), Description = "Kudos", Events = WebhookEvents.CreditGiven,
        }, default);
    }

    public override async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("@channel look at this")]
    [InlineData("@here now")]
    [InlineData("@everyone thanks")]
    [InlineData("@all thanks")]
    [InlineData("thanks @mia for the help")]
    [InlineData("<!channel> big news")]
    [InlineData("<!here|here> big news")]
    [InlineData("<!everyone>")]
    [InlineData("thanks <@U123ABC> and <#C1|general>")]
    [InlineData("<https://evil.example/login|Open in ServantLeader>")]
    [InlineData("[release notes](https://evil.example/login)")]
    [InlineData("![nice](https://evil.example/pixel.png)")]
    [InlineData("[notes][1]\n\n[1]: https://evil.example/login")]
    [InlineData("see https://evil.example/login and http://10.0.0.1:8080/admin")]
    [InlineData("see <https://evil.example/login>")]
    [InlineData("visit www.evil.example or evil.example/login")]
    [InlineData("write to anna@evil.example")]
    public async Task Mentions_links_and_images_in_a_credit_message_arrive_neutralised_and_readable(string hostile)
    {
        var message = $"Thanks for the release! {hostile}";
        await Db.Get<CreditService>().GiveAsync(Org.Max, new GiveCredit { TeamId = Org.Product, ReceiverId = Org.Mia.PersonId, Message = message }, default);

        var text = await DeliveredTextAsync();

        AssertInert(text);
        Assert.Contains($"“{message}”", AsRead(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_are_neutralised_like_messages()
    {
        var giver = await Db.PersonAsync("@here Boss");
        var receiver = await Db.PersonAsync("Mallory [admin](https://evil.example)");
        var teams = Db.Get<TeamService>();
        await teams.SetMembershipAsync(Org.Admin, Org.Product, giver.PersonId, TeamRole.Member, default);
        await teams.SetMembershipAsync(Org.Admin, Org.Product, receiver.PersonId, TeamRole.Member, default);
        await Db.Get<CreditService>().GiveAsync(giver, new GiveCredit { TeamId = Org.Product, ReceiverId = receiver.PersonId, Message = "Great work" }, default);

        var text = await DeliveredTextAsync();

        AssertInert(text);
        Assert.StartsWith("@here Boss gave credit to Mallory [admin](https://evil.example) in *Product*", AsRead(text), StringComparison.Ordinal);
    }

    private async Task<string> DeliveredTextAsync()
    {
        Assert.Equal(1, await Db.Get<WebhookDispatcher>().SendDueAsync(default));
        var body = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body).RootElement;
        return body.GetProperty("text").GetString()!;
    }

    /// <summary>Nothing any of the three receivers would turn into a ping, a link or an image.</summary>
    private static void AssertInert(string text)
    {
        // Slack: <!channel>, <@U…>, <#C…>, <url|label> and <url> all start with "<".
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain(">", text, StringComparison.Ordinal);
        // Mattermost and Rocket.Chat: @channel, @here, @all, @everyone, @name.
        Assert.DoesNotMatch(Mention(), text);
        // Markdown: [label](url), ![alt](url), [label][ref] and "[ref]: url".
        Assert.DoesNotContain("[", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", text, StringComparison.Ordinal);
        // Autolinked addresses: scheme://, www., a bare domain.
        Assert.DoesNotContain("://", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(Domain(), text);
    }

    /// <summary>The text as a person sees it: the look-alike characters read as what was typed.</summary>
    private static string AsRead(string text) => WebUtility.HtmlDecode(text
        .Replace('\uFF20', '@').Replace('\uFF3B', '[').Replace('\uFF3D', ']').Replace('\uFF1A', ':').Replace('\u2024', '.'));

    [GeneratedRegex(@"@\w")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?i)\b(?:www\.|[a-z0-9-]+\.[a-z]{2,}\b)")]
    private static partial Regex Domain();
}
