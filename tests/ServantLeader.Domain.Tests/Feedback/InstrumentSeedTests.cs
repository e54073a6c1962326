using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Feedback;

namespace ServantLeader.Domain.Tests.Feedback;

/// <summary>The statement pool and the quarterly pulse, seeded once at start; rounds keep the instrument they used.</summary>
[Trait("Area", "Feedback")]
public sealed class InstrumentSeedTests : OrganisationTests
{
    private FeedbackRounds Rounds => Db.Get<FeedbackRounds>();

    private async Task SeedAgainAsync()
    {
        await using var db = Db.NewDb();
        await FeedbackRounds.EnsureDefaultInstrumentAsync(db, Db.Clock.GetUtcNow(), default);
    }

    [Fact]
    public async Task The_pool_is_the_default_with_at_least_three_statements_per_dimension_and_the_pulse_takes_one_of_each_word_for_word()
    {
        var instruments = await Rounds.InstrumentsAsync(Org.Hr, default);

        var pool = Assert.Single(instruments, i => i.IsDefault);
        var pulse = Assert.Single(instruments, i => i.Name == "How well does my leader serve me? (quarterly pulse)");
        Assert.Equal(pool, instruments[0]);
        Assert.All(Enum.GetValues<ServantDimension>(), d => Assert.True(pool.Items.Count(i => i.Dimension == d) >= 3, d.ToString()));
        Assert.Equal(pool.Items.Count, pool.Items.Select(i => i.Text).Distinct().Count());
        Assert.Equal(Enum.GetValues<ServantDimension>(), pulse.Items.Select(i => i.Dimension));
        Assert.All(pulse.Items, p => Assert.Contains(pool.Items, i => i.Text == p.Text && i.Dimension == p.Dimension));
        Assert.Equal(pool.OpenQuestion, pulse.OpenQuestion);
    }

    [Fact]
    public async Task Starting_again_adds_nothing_twice()
    {
        await using var before = Db.NewDb();
        var instruments = await before.Instruments.CountAsync();
        var items = await before.Set<InstrumentItem>().CountAsync();

        await SeedAgainAsync();
        await SeedAgainAsync();

        await using var after = Db.NewDb();
        Assert.Equal((2, instruments, items), (instruments, await after.Instruments.CountAsync(), await after.Set<InstrumentItem>().CountAsync()));
        Assert.Equal(["servant-pool-1", "servant-pulse-1"], await after.Instruments.Select(i => i.SeedKey).OrderBy(k => k).ToListAsync());
        Assert.Equal(1, await after.Instruments.CountAsync(i => i.IsDefault));
    }

    [Fact]
    public async Task An_earlier_default_keeps_its_name_statements_and_rounds_and_only_stops_being_the_default()
    {
        // A database from before the pool: only the first ten-statement default, which a round has used.
        var first = await AsBeforeThePoolAsync("How well does my leader serve me?", isDefault: true);
        var round = await Rounds.OpenRoundAsync(Org.Hr, new OpenRound
        {
            Name = "Spring", InstrumentId = first.Id, TeamIds = [Org.Product], OpensOn = Db.Clock.Today, ClosesOn = Db.Clock.Today.AddDays(7),
        }, default);

        await SeedAgainAsync();

        var instruments = await Rounds.InstrumentsAsync(Org.Hr, default);
        var kept = instruments.Single(i => i.Id == first.Id);
        Assert.False(kept.IsDefault);
        Assert.Equal(first.Name, kept.Name);
        Assert.Equal(first.Items, kept.Items.Select(i => (i.Id, i.Text)));
        Assert.Equal("How well does my leader serve me? (full)", instruments.Single(i => i.IsDefault).Name);
        Assert.Equal(first.Name, Assert.Single(await Rounds.RoundsAsync(Org.Hr, default), r => r.Id == round).InstrumentName);
        var form = await Db.Get<FeedbackAnswering>().FormAsync(Org.Mia, round, Org.Lea.PersonId, default);
        Assert.Equal(first.Items.Select(i => i.Id), form.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_name_HR_already_gave_an_instrument_is_left_to_it()
    {
        await AsBeforeThePoolAsync("Old default", isDefault: true);
        var hrs = await Rounds.SaveInstrumentAsync(Org.Hr, null, new InstrumentDraft
        {
            Name = "How well does my leader serve me? (full)",
            Items = [.. Enumerable.Range(1, 3).Select(n => new ItemDraft { Dimension = ServantDimension.Trust, Text = $"Statement {n}" })],
        }, default);

        await SeedAgainAsync();

        var instruments = await Rounds.InstrumentsAsync(Org.Hr, default);
        Assert.Equal(3, instruments.Single(i => i.Id == hrs).Items.Count);
        Assert.Equal("How well does my leader serve me? (full) (2)", instruments.Single(i => i.IsDefault).Name);
    }

    [Fact]
    public async Task HR_chooses_the_pulse_for_a_round_and_its_form_asks_its_nine_statements()
    {
        var pulse = (await Rounds.InstrumentsAsync(Org.Hr, default)).Single(i => i.Name.EndsWith("(quarterly pulse)", StringComparison.Ordinal));

        var round = await Rounds.OpenRoundAsync(Org.Hr, new OpenRound
        {
            Name = "Q1 pulse", InstrumentId = pulse.Id, TeamIds = [Org.Product], OpensOn = Db.Clock.Today, ClosesOn = Db.Clock.Today.AddDays(7),
        }, default);

        var form = await Db.Get<FeedbackAnswering>().FormAsync(Org.Mia, round, Org.Lea.PersonId, default);
        Assert.Equal(pulse.Items.Select(i => i.Text), form.Items.Select(i => i.Text));
        Assert.Equal(pulse.Name, Assert.Single(await Rounds.RoundsAsync(Org.Hr, default)).InstrumentName);
    }

    /// <summary>Removes the seeded instruments and adds one of ten statements, as the first versions seeded it.</summary>
    private async Task<(int Id, string Name, List<(int Id, string Text)> Items)> AsBeforeThePoolAsync(string name, bool isDefault)
    {
        await using var db = Db.NewDb();
        db.Instruments.RemoveRange(await db.Instruments.ToListAsync());
        await db.SaveChangesAsync();
        var first = new Instrument(name, "What is one thing your leader could do to serve you better?", isDefault, Db.Clock.GetUtcNow());
        first.Rewrite(name, first.OpenQuestion, DefaultInstrument.Pool.DistinctBy(i => i.Dimension).Append(DefaultInstrument.Pool[1]));
        db.Instruments.Add(first);
        await db.SaveChangesAsync();
        return (first.Id, first.Name, first.Items.OrderBy(i => i.Order).Select(i => (i.Id, i.Text)).ToList());
    }
}
