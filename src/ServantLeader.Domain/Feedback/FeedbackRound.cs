namespace ServantLeader.Domain.Feedback;

public enum RoundState
{
    Scheduled = 0,
    Open = 1,
    Closed = 2,
}

/// <summary>
/// One run of the survey for some teams between two dates (both included). Results exist only after it closes,
/// and only for leaders with at least <see cref="MinResponses"/> answers.
/// </summary>
public sealed class FeedbackRound
{
    private readonly List<RoundTeam> _teams = [];

    public int Id { get; private set; }
    public string Name { get; private set; } = null!;
    public int InstrumentId { get; private set; }
    public Instrument Instrument { get; private set; } = null!;
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }
    public int MinResponses { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<RoundTeam> Teams => _teams;

    private FeedbackRound() { }

    internal FeedbackRound(string name, int instrumentId, DateOnly opensOn, DateOnly closesOn, int minResponses, IEnumerable<int> teamIds,
        DateTimeOffset now)
    {
        Name = name;
        InstrumentId = instrumentId;
        OpensOn = opensOn;
        ClosesOn = closesOn;
        MinResponses = minResponses;
        CreatedAt = now;
        _teams.AddRange(teamIds.Select(t => new RoundTeam(t)));
    }

    public static RoundState StateOn(DateOnly opensOn, DateOnly closesOn, DateOnly today) =>
        today < opensOn ? RoundState.Scheduled : today <= closesOn ? RoundState.Open : RoundState.Closed;
}

public sealed class RoundTeam
{
    public int RoundId { get; private set; }
    public int TeamId { get; private set; }

    private RoundTeam() { }

    internal RoundTeam(int teamId) => TeamId = teamId;
}
