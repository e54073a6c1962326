using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Feedback;

/// <summary>
/// HR's setup of the anonymous "how well does my leader serve me?" survey: the instruments (the statements asked) and
/// the rounds (who is asked about whom, when, and the threshold of answers, never below <see cref="GroupSize.Minimum"/>).
/// </summary>
public sealed class FeedbackRounds(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time)
{
    public async Task<IReadOnlyList<InstrumentView>> InstrumentsAsync(Actor actor, CancellationToken ct)
    {
        RequireHr(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var instruments = await db.Instruments.AsNoTracking().Include(i => i.Items).OrderByDescending(i => i.IsDefault).ThenBy(i => i.Name).ToListAsync(ct);
        var used = await db.FeedbackRounds.Select(r => r.InstrumentId).Distinct().ToListAsync(ct);
        return instruments.Select(i => View(i, used.Contains(i.Id))).ToList();
    }

    public async Task<int> SaveInstrumentAsync(Actor actor, int? instrumentId, InstrumentDraft draft, CancellationToken ct)
    {
        RequireHr(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var rules = new Rules();
        var name = rules.Text(nameof(draft.Name), draft.Name, TextRules.NameLength, required: true, "A name", TextKind.Line);
        var question = rules.Text(nameof(draft.OpenQuestion), draft.OpenQuestion, TextRules.TitleLength * 2, required: false, "The open question", TextKind.Line);
        var items = new List<(ServantDimension, string)>();
        for (var i = 0; i < draft.Items.Count; i++)
        {
            var item = draft.Items[i];
            var text = rules.Text($"Items[{i}].Text", item.Text, TextRules.TitleLength * 2, required: true, $"Statement {i + 1}", TextKind.Line);
            rules.Check(Enum.IsDefined(item.Dimension), $"Items[{i}].Dimension", "Choose a dimension.");
            items.Add((item.Dimension, text));
        }
        rules.Check(items.Count is >= 3 and <= 40, nameof(draft.Items), "An instrument needs between 3 and 40 statements.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (name.Length > 0 && await db.Instruments.AnyAsync(i => i.Name == name && i.Id != instrumentId, ct))
        {
            rules.Add(nameof(draft.Name), "Another instrument already has this name.");
        }
        rules.ThrowIfAny();

        Instrument instrument;
        if (instrumentId is { } id)
        {
            instrument = await db.Instruments.Include(i => i.Items).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException();
            if (await db.FeedbackRounds.AnyAsync(r => r.InstrumentId == id, ct))
            {
                throw new ActionNotAllowedException("A round has used this instrument, so it can't change: results must stay comparable. Create a new one instead.");
            }
        }
        else
        {
            instrument = new Instrument(name, null, isDefault: false, time.GetUtcNow());
            db.Instruments.Add(instrument);
        }
        instrument.Rewrite(name, question.Length == 0 ? null : question, items);
        await db.SaveChangesAsync(ct);
        return instrument.Id;
    }

    public async Task<IReadOnlyList<RoundSummary>> RoundsAsync(Actor actor, CancellationToken ct)
    {
        RequireHr(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = time.Today();
        var rounds = await db.FeedbackRounds
            .OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Name, Instrument = r.Instrument.Name, r.OpensOn, r.ClosesOn, r.MinResponses,
                Teams = r.Teams.Join(db.Teams, rt => rt.TeamId, t => t.Id, (_, t) => t.Name).ToList(),
                Invited = db.FeedbackParticipation.Count(p => p.RoundId == r.Id && !p.IsSelfView),
                Answered = db.FeedbackParticipation.Count(p => p.RoundId == r.Id && !p.IsSelfView && p.HasAnswered),
            })
            .ToListAsync(ct);
        return rounds.Select(r => new RoundSummary(r.Id, r.Name, r.Instrument, r.OpensOn, r.ClosesOn,
            FeedbackRound.StateOn(r.OpensOn, r.ClosesOn, today), r.Teams.Order().ToList(), r.Invited, r.Answered, r.MinResponses)).ToList();
    }

    /// <summary>Creates a round and asks every member about each leader of their team, and each leader about themselves.</summary>
    public async Task<int> OpenRoundAsync(Actor actor, OpenRound command, CancellationToken ct)
    {
        RequireHr(actor);
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var name = rules.Text(nameof(command.Name), command.Name, TextRules.NameLength, required: true, "A name", TextKind.Line);
        var today = time.Today();
        rules.Check(command.OpensOn >= today, nameof(command.OpensOn), "A round can't open in the past.");
        rules.Check(command.ClosesOn >= command.OpensOn, nameof(command.ClosesOn), "A round must close on or after the day it opens.");
        rules.Check(command.ClosesOn <= command.OpensOn.AddDays(90), nameof(command.ClosesOn), "A round can stay open for 90 days at most.");
        rules.Check(command.MinResponses is >= GroupSize.Minimum and <= 50, nameof(command.MinResponses),
            $"The threshold is at least {GroupSize.Minimum}, so that no answer can be traced to a person, and at most 50.");
        var teamIds = command.TeamIds.Distinct().ToList();
        rules.Check(teamIds.Count > 0, nameof(command.TeamIds), "Choose at least one team.");

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Instruments.AnyAsync(i => i.Id == command.InstrumentId, ct))
        {
            rules.Add(nameof(command.InstrumentId), "Choose an instrument.");
        }
        var memberships = await db.Memberships
            .Where(m => teamIds.Contains(m.TeamId) && m.Person.IsActive)
            .Select(m => new { m.TeamId, m.PersonId, m.Role })
            .ToListAsync(ct);
        if (teamIds.Count > 0 && memberships.Select(m => m.TeamId).Distinct().Count() != teamIds.Count)
        {
            rules.Add(nameof(command.TeamIds), "One of the chosen teams no longer exists or has nobody in it.");
        }
        rules.ThrowIfAny();

        var pairs = WhoIsAskedAboutWhom(memberships.Select(m => (m.TeamId, m.PersonId, m.Role)));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var round = new FeedbackRound(name, command.InstrumentId, command.OpensOn, command.ClosesOn, command.MinResponses, teamIds, time.GetUtcNow());
        db.FeedbackRounds.Add(round);
        await db.SaveChangesAsync(ct);
        db.FeedbackParticipation.AddRange(pairs.Select(p => new Participation(round.Id, p.Respondent, p.Subject)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return round.Id;
    }

    /// <summary>Each member about each leader of their team, and each leader about themselves; once per pair.</summary>
    internal static HashSet<(int Respondent, int Subject)> WhoIsAskedAboutWhom(IEnumerable<(int TeamId, int PersonId, TeamRole Role)> memberships)
    {
        var pairs = new HashSet<(int Respondent, int Subject)>();
        foreach (var team in memberships.GroupBy(m => m.TeamId))
        {
            foreach (var leader in team.Where(m => m.Role == TeamRole.Leader))
            {
                pairs.Add((leader.PersonId, leader.PersonId));
                foreach (var member in team.Where(m => m.Role == TeamRole.Member))
                {
                    pairs.Add((member.PersonId, leader.PersonId));
                }
            }
        }
        return pairs;
    }

    private static InstrumentView View(Instrument i, bool locked) =>
        new(i.Id, i.Name, i.OpenQuestion, i.IsDefault, locked, i.Items.OrderBy(x => x.Order).Select(x => new ItemView(x.Id, x.Dimension, x.Text)).ToList());

    /// <summary>HR sets the survey up and reads results across leaders; nobody else.</summary>
    internal static void RequireHr(Actor actor)
    {
        if (!actor.IsHr)
        {
            throw new ActionNotAllowedException("Only HR manages feedback instruments and rounds and sees results across leaders.");
        }
    }

    /// <summary>
    /// Seeds the full statement pool (from then on the default for new rounds) and the quarterly pulse, each once: its seed
    /// key says it is there, so a restart adds nothing twice. Rounds keep the instrument they used; an earlier default
    /// (the first ten statements) keeps its name and statements and only stops being the default.
    /// </summary>
    internal static async Task EnsureDefaultInstrumentAsync(ServantLeaderDb db, DateTimeOffset now, CancellationToken ct)
    {
        var seeded = await db.Instruments.Where(i => i.SeedKey != null).Select(i => i.SeedKey!).ToListAsync(ct);
        if (!seeded.Contains(DefaultInstrument.PoolKey))
        {
            foreach (var earlier in await db.Instruments.Where(i => i.IsDefault).ToListAsync(ct))
            {
                earlier.StopBeingDefault();
            }
            db.Instruments.Add(await SeedAsync(db, DefaultInstrument.PoolName, DefaultInstrument.PoolKey, isDefault: true, DefaultInstrument.Pool, now, ct));
        }
        if (!seeded.Contains(DefaultInstrument.PulseKey))
        {
            db.Instruments.Add(await SeedAsync(db, DefaultInstrument.PulseName, DefaultInstrument.PulseKey, isDefault: false, DefaultInstrument.Pulse, now, ct));
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Instrument> SeedAsync(ServantLeaderDb db, string name, string key, bool isDefault,
        IEnumerable<(ServantDimension, string)> items, DateTimeOffset now, CancellationToken ct)
    {
        // HR may already have an instrument of that name (names are unique): the seeded one takes the next free "(n)".
        var free = name;
        for (var n = 2; await db.Instruments.AnyAsync(i => i.Name == free, ct); n++)
        {
            free = $"{name} ({n})";
        }
        var instrument = new Instrument(free, DefaultInstrument.OpenQuestion, isDefault, now);
        instrument.Rewrite(free, DefaultInstrument.OpenQuestion, items);
        instrument.MarkSeeded(key);
        return instrument;
    }
}
