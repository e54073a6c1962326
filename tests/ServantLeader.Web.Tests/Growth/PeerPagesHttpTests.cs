using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Support;
using ServantLeader.Web.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ServantLeader.Web.Tests.Growth;

/// <summary>The peer pages over real HTTP: each person sees only their own help, requests and pairs.</summary>
[Trait("Area", "Growth")]
public sealed class PeerPagesHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string PrivateNote = "Mia private note about helping Max";
    private const string SharedNote = "Mia shared note: paired on the tests";
    private const string Message = "Max, could you show me the deploy script?";

    private async Task SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<PeerSupportLog>();
        if ((await log.GivenAsync(app.Mia, default)).Count > 0)
        {
            return;
        }
        var today = DateOnly.FromDateTime(DateTime.Now);
        foreach (var (note, shared) in new[] { (PrivateNote, false), (SharedNote, true) })
        {
            await log.LogAsync(app.Mia, new LogPeerSupport
            {
                ReceiverId = app.Max.PersonId, TeamId = app.Product, Category = SupportCategory.Coaching, Minutes = 20, Date = today,
                Note = note, SharedWithReceiver = shared,
            }, default);
        }
        await scope.ServiceProvider.GetRequiredService<PeerRequests>().AskAsync(app.Mia, new AskPeer { PeerId = app.Max.PersonId, Message = Message }, default);
        await scope.ServiceProvider.GetRequiredService<ServantLeader.Domain.Growth.Mentoring>().ProposeAsync(app.Mia,
            new ProposeMentoring { MentorId = app.Pia.PersonId, MenteeId = app.Mia.PersonId, Focus = "Mia wants to learn SQL from Pia" }, default);
    }

    [Fact]
    public async Task Someone_in_no_team_sees_empty_states_and_nobody_elses_help_requests_or_pairs()
    {
        await SeedAsync();
        var hr = await app.SignedInAsync("Hr");

        var peers = await hr.GetStringAsync("/growth/peers");
        var mentoring = await hr.GetStringAsync("/growth/mentoring");

        Assert.Contains("You share no team with anyone you could log help for yet.", peers, StringComparison.Ordinal);
        Assert.Contains("No teammate has logged help for you yet.", peers, StringComparison.Ordinal);
        Assert.Contains("Nobody has asked you for help yet.", peers, StringComparison.Ordinal);
        Assert.Contains("No active mentoring pair yet.", mentoring, StringComparison.Ordinal);
        foreach (var secret in new[] { PrivateNote, SharedNote, Message })
        {
            Assert.DoesNotContain(secret, peers, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("learn SQL", mentoring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receiver_reads_only_the_shared_note_and_their_leader_reads_neither()
    {
        await SeedAsync();

        var asMax = await (await app.SignedInAsync("Max")).GetStringAsync("/growth/peers");
        var asLea = await (await app.SignedInAsync("Lea")).GetStringAsync("/growth/peers");
        var asMia = await (await app.SignedInAsync("Mia")).GetStringAsync("/growth/peers");

        Assert.Contains(SharedNote, asMax, StringComparison.Ordinal);
        Assert.Contains(Message, asMax, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateNote, asMax, StringComparison.Ordinal);
        Assert.Contains(PrivateNote, asMia, StringComparison.Ordinal);
        foreach (var secret in new[] { PrivateNote, SharedNote, Message })
        {
            Assert.DoesNotContain(secret, asLea, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_pair_shows_to_its_two_people_only_and_the_invitee_is_asked_to_answer()
    {
        await SeedAsync();

        var asPia = await (await app.SignedInAsync("Pia")).GetStringAsync("/growth/mentoring");
        var asOtto = await (await app.SignedInAsync("Otto")).GetStringAsync("/growth/mentoring");

        Assert.Contains("Mia wants to learn SQL from Pia", asPia, StringComparison.Ordinal);
        Assert.Contains("Yes, let", asPia, StringComparison.Ordinal);
        Assert.DoesNotContain("learn SQL", asOtto, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/growth/peers")]
    [InlineData("/growth/mentoring")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
