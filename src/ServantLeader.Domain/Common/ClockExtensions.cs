namespace ServantLeader.Domain.Common;

internal static class ClockExtensions
{
    /// <summary>The calendar date on the server's clock; support dates and needed-by dates are compared to it.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
