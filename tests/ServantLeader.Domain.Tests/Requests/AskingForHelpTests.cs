using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Requests;

namespace ServantLeader.Domain.Tests.Requests;

[Trait("Area", "Requests")]
public sealed class AskingForHelpTests : OrganisationTests
{
    [Fact]
    public async Task A_member_asks_and_the_team_leaders_see_it_oldest_first_in_their_inbox()
    {
        var first = await Org.AskAsync(Org.Mia, "First");
        Db.Clock.Advance(TimeSpan.FromHours(1));
        var second = await Org.AskAsync(Org.Max, "Second");

        var leaInbox = await Org.Requests.InboxAsync(Org.Lea, default);
        var colinInbox = await Org.Requests.InboxAsync(Org.Colin, default);

        Assert.Equal([first.Id, second.Id], leaInbox.Select(i => i.Id));
        Assert.Equal([first.Id, second.Id], colinInbox.Select(i => i.Id));
        Assert.Equal("Mia Member", leaInbox[0].RequesterName);
        Assert.Equal(TimeSpan.FromHours(1), leaInbox[0].Age(Db.Clock.Now));
    }

    [Fact]
    public async Task Another_teams_leader_sees_nothing_in_their_inbox_and_cannot_open_the_request()
    {
        var request = await Org.AskAsync(Org.Mia);

        Assert.Empty(await Org.Requests.InboxAsync(Org.Otto, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Org.Requests.GetAsync(Org.Otto, request.Id, default));
    }

    [Fact]
    public async Task Another_member_HR_and_Admin_cannot_open_a_members_request()
    {
        var request = await Org.AskAsync(Org.Mia);

        foreach (var outsider in new[] { Org.Max, Org.Pia, Org.Hr, Org.Admin })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => Org.Requests.GetAsync(outsider, request.Id, default));
        }
    }

    [Fact]
    public async Task A_member_sees_only_their_own_requests()
    {
        await Org.AskAsync(Org.Mia, "Mia's");
        await Org.AskAsync(Org.Max, "Max's");

        var mine = await Org.Requests.MineAsync(Org.Mia, default);

        Assert.Equal(["Mia's"], mine.Select(r => r.Title));
    }

    [Fact]
    public async Task Creating_a_request_records_who_asked_and_when()
    {
        var request = await Org.AskAsync(Org.Mia);

        var created = Assert.Single(request.History);
        Assert.Equal(RequestEventKind.Created, created.Kind);
        Assert.Equal("Mia Member", created.ActorName);
        Assert.Equal(Db.Clock.Now, created.At);
        Assert.Equal(RequestStatus.Open, request.Status);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once_and_nothing_is_saved()
    {
        var command = new AskForHelp
        {
            TeamId = Org.Product,
            Title = "  ",
            Details = new string('x', TextRules.DetailsLength + 1),
            Category = (ServantLeader.Domain.Support.SupportCategory)99,
            NeededBy = Db.Clock.Today.AddDays(-1),
        };

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Org.Requests.AskAsync(Org.Mia, command, default));

        Assert.Equal(["Title", "Details", "Category", "NeededBy"], error.Errors.Keys);
        Assert.Contains("at most 4000 characters", error.Errors["Details"][0], StringComparison.Ordinal);
        await using var db = Db.NewDb();
        Assert.Equal(0, await db.ServiceRequests.CountAsync());
    }

    [Fact]
    public async Task A_member_can_only_ask_the_leaders_of_their_own_team()
    {
        var command = Org.Ask();
        command.TeamId = Org.Platform;

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Org.Requests.AskAsync(Org.Mia, command, default));

        Assert.Equal("You can only ask the leaders of a team you are a member of.", Assert.Single(error.Errors["TeamId"]));
    }

    [Fact]
    public async Task A_leader_cannot_ask_their_own_team_for_help()
    {
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Org.Requests.AskAsync(Org.Lea, Org.Ask(), default));
        Assert.True(error.Errors.ContainsKey("TeamId"));
    }

    [Theory]
    [InlineData("Line one\u0000hidden", "invisible control character")]
    [InlineData("Right-to-left \u202E override", "invisible text-direction character")]
    [InlineData("Bell\u0007", "invisible control character")]
    public async Task Control_characters_are_refused_with_a_message(string title, string expected)
    {
        var command = Org.Ask(title);
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Org.Requests.AskAsync(Org.Mia, command, default));
        Assert.Contains(expected, error.Errors["Title"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Right_to_left_scripts_markup_and_line_breaks_are_stored_as_written()
    {
        const string details = "مرحبا، أحتاج مساعدة\n<script>alert('x')</script> & \"quotes\"";
        var command = Org.Ask("שלום <b>bold</b>");
        command.Details = details;

        var id = await Org.Requests.AskAsync(Org.Mia, command, default);

        var stored = await Org.Requests.GetAsync(Org.Mia, id, default);
        Assert.Equal("שלום <b>bold</b>", stored.Title);
        Assert.Equal(details, stored.Details);
    }

    [Fact]
    public async Task Text_is_trimmed_and_emoji_count_as_one_character_each()
    {
        var title = new string('a', TextRules.TitleLength - 1) + "👩🏽‍💻";
        var request = await Org.AskAsync(Org.Mia, "  " + title + "  ");
        Assert.Equal(title, request.Title);
    }

    [Fact]
    public async Task Needed_by_today_is_fine_but_not_more_than_two_years_ahead()
    {
        var ok = Org.Ask();
        ok.NeededBy = Db.Clock.Today;
        await Org.Requests.AskAsync(Org.Mia, ok, default);

        var tooFar = Org.Ask();
        tooFar.NeededBy = Db.Clock.Today.AddYears(2).AddDays(1);
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Org.Requests.AskAsync(Org.Mia, tooFar, default));
        Assert.True(error.Errors.ContainsKey("NeededBy"));
    }

    [Fact]
    public async Task Members_can_ask_only_teams_they_belong_to_and_see_who_leads_each()
    {
        var teams = await Org.Requests.TeamsToAskAsync(Org.Mia, default);

        var team = Assert.Single(teams);
        Assert.Equal("Product", team.TeamName);
        Assert.Equal(["Colin Coleader", "Lea Leader"], team.Leaders);
    }
}
