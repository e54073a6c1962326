using ServantLeader.Domain.ApiTokens;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Tests.Audit;

/// <summary>The audit log names people and actions; never the kind of help someone got, nor anyone's words.</summary>
[Trait("Area", "Trust")]
[Trait("Area", "Security")]
public sealed class AuditWordsTests : OrganisationTests
{
    private const string Marker = "zebrafinch";

    [Fact]
    public async Task No_audit_entry_holds_the_kind_of_help_or_what_anyone_wrote()
    {
        var ask = Org.Ask($"{Marker} title");
        ask.Category = SupportCategory.PersonalSupport;
        ask.Details = $"{Marker} details";
        var requestId = await Org.Requests.AskAsync(Org.Mia, ask, default);
        var request = await Org.Requests.GetAsync(Org.Mia, requestId, default);
        await Org.Requests.AcknowledgeAsync(Org.Lea, Organisation.Respond(request, $"{Marker} acknowledgement"), default);
        request = await Org.ReloadAsync(Org.Lea, request);
        await Org.Requests.ResolveAsync(Org.Lea, Organisation.Respond(request, $"{Marker} resolution"), default);
        request = await Org.ReloadAsync(Org.Mia, request);
        await Org.Requests.ReopenAsync(Org.Mia, Organisation.Respond(request, $"{Marker} reopening"), default);
        var entry = await Org.Support.LogAsync(Org.Lea, new LogSupport
        {
            MemberId = Org.Mia.PersonId, TeamId = Org.Product, RequestId = requestId, Category = SupportCategory.PersonalSupport,
            Minutes = 45, Date = Db.Clock.Today, Note = $"{Marker} support note",
        }, default);
        await Org.Support.LogAsync(Org.Lea, new LogSupport
        {
            MemberId = Org.Max.PersonId, TeamId = Org.Product, Category = SupportCategory.Coaching,
            Minutes = 20, Date = Db.Clock.Today, Note = $"{Marker} proactive note",
        }, default);
        await Org.Support.ShareAsync(Org.Lea, entry, true, default);
        var checkInReview = Db.Get<CheckInReview>();
        var checkInWriting = Db.Get<CheckInWriting>();
        var checkIn = await checkInWriting.SubmitAsync(Org.Max, new CheckInAnswers
        {
            TeamId = Org.Product, Pulse = 2, Wins = $"{Marker} win", Challenges = $"{Marker} challenge", Need = $"{Marker} need",
        }, default);
        await checkInReview.CommentAsync(Org.Lea, checkIn, CheckInSection.Challenges, $"{Marker} comment", default);
        var oneOnOnes = Db.Get<OneOnOneService>();
        var meeting = await oneOnOnes.OpenCurrentAsync(Org.Lea, Org.Lea.PersonId, Org.Max.PersonId, default);
        await oneOnOnes.SaveNotesAsync(Org.Lea, new MeetingNotes
        {
            MeetingId = meeting, SharedNotes = $"{Marker} shared", PrivateNotes = $"{Marker} private",
        }, default);
        var token = await Db.Get<ApiTokenService>().CreateAsync(Org.Mia, new ApiTokenDraft { Name = $"{Marker} token", Days = 30 }, default);
        await Db.Get<ApiTokenService>().RevokeAsync(Org.Mia, token.Id, default);

        var rows = (await Db.Get<AuditLog>().ReadAsync(Org.Admin, null, 0, default)).Rows;

        Assert.Contains(rows, r => r.Action == "support.logged" && r.Description.StartsWith("Lea Leader logged 45 min of support for Mia Member in Product", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Action == "api-token.created");
        foreach (var row in rows)
        {
            Assert.DoesNotContain(Marker, row.Description, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("personal support", row.Description, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("coaching", row.Description, StringComparison.OrdinalIgnoreCase);
        }
    }
}
