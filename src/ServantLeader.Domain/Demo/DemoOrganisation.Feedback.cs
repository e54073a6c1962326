using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Feedback;

namespace ServantLeader.Domain.Demo;

/// <summary>
/// Three feedback rounds for the demo: a quarterly pulse closed three months ago and the full set closed six weeks ago,
/// so results have an index over rounds, and one open now.
/// </summary>
public sealed partial class DemoOrganisation
{
    private async Task SeedFeedbackAsync(ServantLeaderDb db, Random random, IReadOnlyList<int> teamIds, DateTimeOffset now, CancellationToken ct)
    {
        var instrument = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.IsDefault, ct);
        var pulse = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.SeedKey == DefaultInstrument.PulseKey, ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var spring = await RoundAsync(db, "Spring pulse on how we lead", pulse.Id, today.AddDays(-100), today.AddDays(-90), teamIds, now, ct);
        var closed = await RoundAsync(db, "Summer check on how we lead", instrument.Id, today.AddDays(-56), today.AddDays(-42), teamIds, now, ct);
        var open = await RoundAsync(db, "Autumn check on how we lead", instrument.Id, today.AddDays(-3), today.AddDays(11), teamIds, now, ct);

        string[] comments =
        [
            "Explain the reasons behind priority changes earlier; we often hear them second-hand.",
            "Thank you for clearing the procurement blocker so fast.",
            "1:1s get cancelled too often when things are busy.",
            "Great at giving credit in the team meeting.",
        ];
        foreach (var (round, items, answerShare) in new[] { (closed, instrument.Items, 10), (open, instrument.Items, 4), (spring, pulse.Items, 10) })
        {
            // The spring round came later to the demo: its own random numbers leave the other rounds' answers as they were.
            var draw = round == spring ? new Random(20260301) : random;
            var participation = await db.FeedbackParticipation.Where(p => p.RoundId == round).ToListAsync(ct);
            foreach (var p in participation)
            {
                if (draw.Next(10) >= answerShare)
                {
                    continue;
                }
                var leaning = p.IsSelfView ? 1 : draw.Next(-1, 2);
                var scores = items.Select(i => (i.Id, Math.Clamp(5 + leaning + draw.Next(-2, 2), 1, 7))).ToList();
                var comment = !p.IsSelfView && draw.Next(3) == 0 ? comments[draw.Next(comments.Length)] : null;
                db.FeedbackResponses.Add(new FeedbackResponse(round, p.SubjectId, p.IsSelfView, comment, scores));
                await db.FeedbackParticipation
                    .Where(x => x.RoundId == round && x.RespondentId == p.RespondentId && x.SubjectId == p.SubjectId)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.HasAnswered, true), ct);
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private static async Task<int> RoundAsync(ServantLeaderDb db, string name, int instrumentId, DateOnly opens, DateOnly closes,
        IReadOnlyList<int> teamIds, DateTimeOffset now, CancellationToken ct)
    {
        var round = new FeedbackRound(name, instrumentId, opens, closes, GroupSize.Minimum, teamIds, now);
        db.FeedbackRounds.Add(round);
        await db.SaveChangesAsync(ct);
        var memberships = await db.Memberships.Where(m => teamIds.Contains(m.TeamId)).Select(m => new { m.TeamId, m.PersonId, m.Role }).ToListAsync(ct);
        var pairs = FeedbackRounds.WhoIsAskedAboutWhom(memberships.Select(m => (m.TeamId, m.PersonId, m.Role)));
        db.FeedbackParticipation.AddRange(pairs.Select(p => new Participation(round.Id, p.Respondent, p.Subject)));
        await db.SaveChangesAsync(ct);
        return round.Id;
    }
}
