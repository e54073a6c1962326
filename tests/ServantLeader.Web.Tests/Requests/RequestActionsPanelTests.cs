using Bunit;
using ServantLeader.Domain.Requests;
using ServantLeader.Web.Components.Pages.Requests;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Requests;

[Trait("Area", "Requests")]
public sealed class RequestActionsPanelTests : ComponentContext
{
    private static List<string> Buttons(IRenderedComponent<RequestActionsPanel> panel) =>
        panel.FindAll("button").Select(b => b.TextContent.Trim()).ToList();

    [Fact]
    public async Task A_leader_is_offered_acknowledge_resolve_and_decline_and_the_requester_nothing_yet()
    {
        var id = await AskAsync(Mia, "Need a mentor");
        var requests = Get<RequestService>();

        SignInAs(Lea, "Lea");
        var asLeader = Render<RequestActionsPanel>(p => p.Add(x => x.Request, requests.GetAsync(Lea, id, default).Result));
        var asRequester = Render<RequestActionsPanel>(p => p.Add(x => x.Request, requests.GetAsync(Mia, id, default).Result));

        Assert.Equal(["Acknowledge", "Resolve", "Decline"], Buttons(asLeader).Select(StripIcon));
        Assert.Empty(asRequester.FindAll("button"));
    }

    [Fact]
    public async Task Declining_without_a_reason_shows_the_message_next_to_the_field_and_changes_nothing()
    {
        var id = await AskAsync(Mia, "Need a mentor");
        var requests = Get<RequestService>();
        SignInAs(Lea, "Lea");
        var changed = 0;
        var panel = Render<RequestActionsPanel>(p => p
            .Add(x => x.Request, requests.GetAsync(Lea, id, default).Result)
            .Add(x => x.Changed, () => changed++));

        panel.FindAll("button").Single(b => b.TextContent.Contains("Decline", StringComparison.Ordinal)).Click();
        await panel.Find("form").SubmitAsync();

        Assert.Equal("A reason for declining is required.", panel.Find(".validation-message").TextContent);
        Assert.Equal(0, changed);
        Assert.Equal(RequestStatus.Open, (await requests.GetAsync(Lea, id, default)).Status);
    }

    [Fact]
    public async Task The_requester_confirms_a_resolved_request_with_a_rating()
    {
        var id = await AskAsync(Mia, "Need a mentor");
        var requests = Get<RequestService>();
        var detail = await requests.GetAsync(Lea, id, default);
        await requests.ResolveAsync(Lea, new RespondToRequest { RequestId = id, ExpectedVersion = detail.Version }, default);
        SignInAs(Mia, "Mia");
        var changed = 0;
        var panel = Render<RequestActionsPanel>(p => p
            .Add(x => x.Request, requests.GetAsync(Mia, id, default).Result)
            .Add(x => x.Changed, () => changed++));

        Assert.Equal(["Confirm and rate", "Reopen"], Buttons(panel).Select(StripIcon));
        panel.FindAll("button").First().Click();
        await panel.Find("form").SubmitAsync();
        Assert.Equal("Choose a rating from 1 to 5.", panel.Find(".validation-message").TextContent);

        panel.Find("button[aria-label='Rate 4']").Click();
        await panel.Find("form").SubmitAsync();

        Assert.Equal(1, changed);
        var stored = await requests.GetAsync(Mia, id, default);
        Assert.Equal(4, stored.Rating);
    }

    // Radzen renders a button's icon name as text inside it.
    private static string StripIcon(string text) =>
        text.Replace("visibility", "", StringComparison.Ordinal).Replace("task_alt", "", StringComparison.Ordinal)
            .Replace("block", "", StringComparison.Ordinal).Replace("thumb_up", "", StringComparison.Ordinal)
            .Replace("undo", "", StringComparison.Ordinal).Trim();
}
