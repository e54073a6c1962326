namespace ServantLeader.Domain.Dashboard;

#pragma warning disable CA1812 // materialised from SQL by RowMap
internal sealed class RequestRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Received { get; set; }
    public long Requesters { get; set; }
    public long AcknowledgedPeople { get; set; }
    public long Resolved { get; set; }
    public long ResolvedPeople { get; set; }
    public long Declined { get; set; }
    public long Rated { get; set; }
    public long Raters { get; set; }
    public long RatingSum { get; set; }
    public long RatedHigh { get; set; }
    public long Unanswered { get; set; }
    public long UnansweredPeople { get; set; }
    public long StillOpen { get; set; }
    public long StillOpenPeople { get; set; }
    public long OnTarget { get; set; }
    public long TargetDue { get; set; }
    public long TargetPeople { get; set; }
    public long Confirmed { get; set; }
    public long Reopened { get; set; }
    public long ReopenBase { get; set; }
    public long ReopenPeople { get; set; }
}

internal sealed class PercentileRow
{
    public int Kind { get; set; }
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long N { get; set; }
    public long? P50Low { get; set; }
    public long? P50High { get; set; }
    public long? P90Low { get; set; }
    public long? P90High { get; set; }
}

internal sealed class SupportRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Entries { get; set; }
    public long People { get; set; }
    public long Minutes { get; set; }
    public long Proactive { get; set; }
}

internal sealed class CoverageRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Members { get; set; }
    public long Served { get; set; }
}

internal sealed class CategoryRow
{
    public string Category { get; set; } = "";
    public long Entries { get; set; }
    public long Minutes { get; set; }
    public long People { get; set; }
    public long ShownWeeks { get; set; }
}

internal sealed class ParticipationRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Expected { get; set; }
    public long Submitted { get; set; }
    public long People { get; set; }
}

internal sealed class PulseRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Pulses { get; set; }
    public long PulseSum { get; set; }
    public long PulseSquares { get; set; }
    public long People { get; set; }
}

internal sealed class ReviewRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Due { get; set; }
    public long OnTime { get; set; }
    public long People { get; set; }
}

internal sealed class BlockerRow
{
    public int TeamId { get; set; }
    public long Open { get; set; }
    public long People { get; set; }
    public long? Oldest { get; set; }
}

internal sealed class CreditRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Given { get; set; }
    public long Received { get; set; }
    public long GivenPeople { get; set; }
    public long ReceivedPeople { get; set; }
}
#pragma warning restore CA1812
