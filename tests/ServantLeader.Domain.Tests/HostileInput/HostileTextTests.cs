using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.ApiTokens;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Credits;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;
using ServantLeader.Domain.Webhooks;

namespace ServantLeader.Domain.Tests.HostileInput;

/// <summary>
/// Every text field, fed what an attacker or a careless paste would: markup, SQL, 100,000 characters, NUL and other
/// control characters, a right-to-left override, emoji and right-to-left writing, and texts that look short or empty
/// but are not: marks stacked on one letter, a small visible count made of tens of thousands of code points, and
/// zero-width characters. Each is either stored exactly as typed (trimmed) or refused with a message on that field;
/// never a crash. Escaping on screen is tested on the pages.
/// </summary>
[Trait("Area", "Security")]
[Trait("Area", "Trust")]
public sealed class HostileTextTests : OrganisationTests
{
    public static readonly TheoryData<string, string> Inputs = new()
    {
        { "script", "<script>alert('x')</script>" },
        { "html", "<img src=x onerror=alert(1)><b>bold</b>" },
        { "sql", "'; DROP TABLE \"People\"; --" },
        { "100k", new string('a', 100_000) },
        { "nul", "before\0after" },
        { "bell", "ring\u0007ring" },
        { "rtl-override", "invoice\u202Egpj.exe" },
        { "emoji", "Thanks 🙏🏽 👩‍👩‍👧 ✨" },
        { "rtl-writing", "שלום مرحبا" },
        // One "a" under 300 combining accents counts as one visible character.
        { "stacked-marks", "a" + new string('\u0301', 300) },
        // 2,500 visible characters of 16 code points each: within every visible limit of long texts, 40,000 code points stored.
        { "dense", string.Concat(Enumerable.Repeat("a" + string.Concat(Enumerable.Range(0x0300, 15).Select(c => (char)c)), 2_500)) },
        { "zero-width-only", "\u200B\u2060\u200B\u3164" },
        { "zero-width-inside", "Ad\u200Bmin" },
        { "line-break", "first line\nsecond line" },
        // Joiners and tags that real writing needs: an emoji sequence, Persian with a non-joiner, a subdivision flag.
        { "emoji-sequence", "Team 👩🏽‍💻 and 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F" },
        { "persian-non-joiner", "می\u200Cخواهم" },
    };

    private static readonly string[] MustBeRefused = ["100k", "nul", "bell", "rtl-override", "stacked-marks", "dense", "zero-width-only"];

    /// <summary>Names and titles: one line, and no invisible formatting that makes two names look alike yet differ.</summary>
    private static readonly string[] MustBeRefusedOnALine = ["zero-width-inside", "line-break"];

    private static readonly string[] LineFields = ["request title", "priority", "team name", "person name", "API token name"];

    /// <summary>Each field: submit the text, then read back what was stored.</summary>
    private Dictionary<string, (string Field, Func<string, Task<Func<Task<string>>>> Submit)> Fields() => new()
    {
        ["request title"] = ("Title", async text =>
        {
            var ask = Org.Ask(text);
            var id = await Org.Requests.AskAsync(Org.Mia, ask, default);
            return async () => (await Org.Requests.GetAsync(Org.Mia, id, default)).Title;
        }),
        ["request details"] = ("Details", async text =>
        {
            var ask = Org.Ask();
            ask.Details = text;
            var id = await Org.Requests.AskAsync(Org.Mia, ask, default);
            return async () => (await Org.Requests.GetAsync(Org.Mia, id, default)).Details;
        }),
        ["decline reason"] = ("Note", async text =>
        {
            var request = await Org.AskAsync(Org.Mia);
            await Org.Requests.DeclineAsync(Org.Lea, Organisation.Respond(request, text), default);
            return async () => (await Org.Requests.GetAsync(Org.Mia, request.Id, default)).DeclineReason ?? "";
        }),
        ["support note"] = ("Note", async text =>
        {
            var id = await Org.Support.LogAsync(Org.Lea, new LogSupport
            {
                MemberId = Org.Mia.PersonId, TeamId = Org.Product, Minutes = 10, Date = Db.Clock.Today, Note = text,
            }, default);
            return async () =>
            {
                await using var db = Db.NewDb();
                return await db.SupportEntries.Where(s => s.Id == id).Select(s => s.Note).SingleAsync();
            };
        }),
        ["check-in challenges"] = ("Challenges", async text =>
        {
            var id = await Db.Get<CheckInWriting>().SubmitAsync(Org.Mia, new CheckInAnswers { TeamId = Org.Product, Pulse = 3, Challenges = text }, default);
            return async () => (await Db.Get<CheckInReview>().GetAsync(Org.Mia, id, default)).Challenges;
        }),
        ["credit message"] = ("Message", async text =>
        {
            var id = await Db.Get<CreditService>().GiveAsync(Org.Max, new GiveCredit { TeamId = Org.Product, ReceiverId = Org.Mia.PersonId, Message = text }, default);
            return async () =>
            {
                await using var db = Db.NewDb();
                return await db.Credits.Where(c => c.Id == id).Select(c => c.Message).SingleAsync();
            };
        }),
        ["1:1 agenda item"] = ("Text", async text =>
        {
            var meeting = await Db.Get<OneOnOneService>().OpenCurrentAsync(Org.Lea, Org.Lea.PersonId, Org.Mia.PersonId, default);
            await Db.Get<OneOnOneService>().AddAgendaItemAsync(Org.Mia, meeting, text, default);
            return async () => (await Db.Get<OneOnOneService>().GetAsync(Org.Mia, meeting, default)).Agenda.Single().Text;
        }),
        ["acknowledgement note"] = ("Note", async text =>
        {
            var request = await Org.AskAsync(Org.Mia);
            await Org.Requests.AcknowledgeAsync(Org.Lea, Organisation.Respond(request, text), default);
            return async () => (await Org.Requests.GetAsync(Org.Mia, request.Id, default)).History.Last().Note ?? "";
        }),
        ["rating comment"] = ("Comment", async text =>
        {
            var request = await Org.AskAsync(Org.Mia);
            await Org.Requests.ResolveAsync(Org.Lea, Organisation.Respond(request), default);
            request = await Org.ReloadAsync(Org.Mia, request);
            await Org.Requests.ConfirmAsync(Org.Mia, new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 4, Comment = text }, default);
            return async () => (await Org.Requests.GetAsync(Org.Mia, request.Id, default)).RatingComment ?? "";
        }),
        ["check-in wins"] = ("Wins", async text =>
        {
            var id = await Db.Get<CheckInWriting>().SubmitAsync(Org.Mia, new CheckInAnswers { TeamId = Org.Product, Pulse = 3, Wins = text }, default);
            return async () => (await Db.Get<CheckInReview>().GetAsync(Org.Mia, id, default)).Wins;
        }),
        ["check-in need"] = ("Need", async text =>
        {
            var id = await Db.Get<CheckInWriting>().SubmitAsync(Org.Mia, new CheckInAnswers { TeamId = Org.Product, Pulse = 3, Need = text }, default);
            return async () => (await Db.Get<CheckInReview>().GetAsync(Org.Mia, id, default)).Need;
        }),
        ["priority"] = ("NewPriority", async text =>
        {
            await Db.Get<CheckInWriting>().AddPriorityAsync(Org.Mia, Org.Product, text, default);
            return async () =>
            {
                await using var db = Db.NewDb();
                return await db.Priorities.Select(p => p.Text).SingleAsync();
            };
        }),
        ["1:1 shared notes"] = ("SharedNotes", async text =>
        {
            var meeting = await Db.Get<OneOnOneService>().OpenCurrentAsync(Org.Lea, Org.Lea.PersonId, Org.Mia.PersonId, default);
            await Db.Get<OneOnOneService>().SaveNotesAsync(Org.Lea, new MeetingNotes { MeetingId = meeting, SharedNotes = text }, default);
            return async () => (await Db.Get<OneOnOneService>().GetAsync(Org.Mia, meeting, default)).SharedNotes;
        }),
        ["1:1 private notes"] = ("PrivateNotes", async text =>
        {
            var meeting = await Db.Get<OneOnOneService>().OpenCurrentAsync(Org.Lea, Org.Lea.PersonId, Org.Mia.PersonId, default);
            await Db.Get<OneOnOneService>().SaveNotesAsync(Org.Lea, new MeetingNotes { MeetingId = meeting, PrivateNotes = text }, default);
            return async () => (await Db.Get<OneOnOneService>().GetAsync(Org.Lea, meeting, default)).PrivateNotes ?? "";
        }),
        ["1:1 action item"] = ("Text", async text =>
        {
            var meeting = await Db.Get<OneOnOneService>().OpenCurrentAsync(Org.Lea, Org.Lea.PersonId, Org.Mia.PersonId, default);
            await Db.Get<OneOnOneService>().AddActionItemAsync(Org.Lea, new NewActionItem { MeetingId = meeting, Text = text, OwnerId = Org.Mia.PersonId }, default);
            return async () => (await Db.Get<OneOnOneService>().GetAsync(Org.Mia, meeting, default)).ActionItems.Single().Text;
        }),
        ["team purpose"] = ("Purpose", async text =>
        {
            var id = await Db.Get<TeamService>().CreateAsync(Org.Admin, new TeamDraft { Name = "Hostile purpose", Purpose = text }, default);
            return async () => (await Db.Get<TeamService>().GetAsync(Org.Admin, id, default)).Purpose;
        }),
        ["team name"] = ("Name", async text =>
        {
            var id = await Db.Get<TeamService>().CreateAsync(Org.Admin, new TeamDraft { Name = text, Purpose = "Why." }, default);
            return async () => (await Db.Get<TeamService>().GetAsync(Org.Admin, id, default)).Name;
        }),
        ["person name"] = ("DisplayName", async text =>
        {
            var id = await Db.Get<PeopleService>().CreateAsync(Org.Admin, new PersonDraft
            {
                DisplayName = text, Email = "hostile@example.org", Password = "long-enough-password",
            }, default);
            return async () => (await Db.Get<PeopleService>().ProfileAsync(id, default))!.DisplayName;
        }),
        ["API token name"] = ("Name", async text =>
        {
            var token = await Db.Get<ApiTokenService>().CreateAsync(Org.Mia, new ApiTokenDraft { Name = text, Days = 30 }, default);
            return async () => (await Db.Get<ApiTokenService>().MineAsync(Org.Mia, default)).Single(t => t.Id == token.Id).Name;
        }),
        ["webhook description"] = ("Description", async text =>
        {
            var hook = await Db.Get<WebhookService>().CreateAsync(Org.Admin, new WebhookDraft
            {
                Url = "https://hooks.example.org/x", Description = text, Events = WebhookEvents.RequestCreated,
            }, default);
            return async () => (await Db.Get<WebhookService>().EndpointsAsync(Org.Admin, default)).Single(e => e.Id == hook.EndpointId).Description;
        }),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in new[] { "request title", "request details", "acknowledgement note", "decline reason", "rating comment",
                     "support note", "check-in wins", "check-in challenges", "check-in need", "priority", "credit message",
                     "1:1 agenda item", "1:1 shared notes", "1:1 private notes", "1:1 action item", "team name", "team purpose",
                     "person name", "API token name", "webhook description" })
        {
            foreach (var input in Inputs)
            {
                data.Add(field, (string)input[0]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_text_field_stores_it_exactly_or_refuses_it_with_a_message(string field, string inputName)
    {
        var text = (string)Inputs.Single(i => (string)i[0] == inputName)[1];
        var (key, submit) = Fields()[field];

        Func<Task<string>>? read = null;
        RuleViolationException? refused = null;
        try
        {
            read = await submit(text);
        }
        catch (RuleViolationException ex)
        {
            refused = ex;
        }

        if (MustBeRefused.Contains(inputName) || (LineFields.Contains(field) && MustBeRefusedOnALine.Contains(inputName)))
        {
            Assert.NotNull(refused);
            Assert.True(refused.Errors.TryGetValue(key, out var messages) && messages.Length > 0 && messages.All(m => m.Length > 10),
                $"{field}: no message on {key}; got {string.Join(", ", refused.Errors.Keys)}");
        }
        else
        {
            Assert.True(refused is null, $"{field} refused harmless text ({inputName}): {refused?.Message}");
            Assert.Equal(text.Trim(), await read!());
        }
    }
}
