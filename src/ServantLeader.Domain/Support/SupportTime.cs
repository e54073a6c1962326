using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Support;

/// <summary>
/// The minutes and the day of logged help, one rule for a leader's support and a teammate's: the two are counted side
/// by side, so they must be bounded alike.
/// </summary>
internal static class SupportTime
{
    /// <param name="what">The noun the messages use: "Support" or "Help".</param>
    public static void Check(Rules rules, int minutes, DateOnly date, DateOnly today, string what)
    {
        rules.Check(minutes is >= LogSupport.MinMinutes and <= LogSupport.MaxMinutes, nameof(LogSupport.Minutes),
            $"Minutes must be between {LogSupport.MinMinutes} and {LogSupport.MaxMinutes} (one day).");
        if (date > today)
        {
            rules.Add(nameof(LogSupport.Date), $"{what} can't be logged in the future.");
        }
        else if (date < today.AddDays(-SupportService.MaxDaysBack))
        {
            rules.Add(nameof(LogSupport.Date), $"{what} can be logged for the past year only.");
        }
    }
}
