using System.Globalization;

namespace ServantLeader.Web.Components.Shared;

/// <summary>How times and durations read in the UI: plain words, no ambiguous numeric dates.</summary>
internal static class Format
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => Plural((int)age.TotalMinutes, "minute"),
        { TotalDays: < 1 } => Plural((int)age.TotalHours, "hour"),
        _ => Plural((int)age.TotalDays, "day"),
    };

    public static string Ago(DateTimeOffset at, DateTimeOffset now) => now - at < TimeSpan.FromMinutes(1) ? "just now" : Age(now - at) + " ago";

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public static string Date(DateTimeOffset at) => at.ToLocalTime().ToString("d MMM yyyy", Culture);

    public static string DateTime(DateTimeOffset at) => at.ToLocalTime().ToString("d MMM yyyy, HH:mm", Culture);

    public static string Minutes(int minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };

    public static string Hours(int minutes) => (minutes / 60.0).ToString("0.#", Culture) + " h";

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
