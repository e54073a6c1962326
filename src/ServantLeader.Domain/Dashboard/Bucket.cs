namespace ServantLeader.Domain.Dashboard;

/// <summary>A stretch of days the figures are grouped by: the whole period, one of its halves, or one week.</summary>
internal sealed record Bucket(int Key, DayRange Days)
{
    public const int Whole = -1;
    public const int FirstHalf = -2;
    public const int SecondHalf = -3;
}
