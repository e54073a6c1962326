namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The team as it was: which memberships count for a slice of time. A membership covers the instants from
/// <c>Since</c> up to <c>Until</c> (or now, while it lasts); it counts for a slice when the two overlap, so a member
/// counts from the day they joined (the organisation's time zone: per-person zones do not exist yet) to the day they
/// left, was deactivated or changed role. Ending or adding a membership today therefore changes no past slice
/// (docs/metrics.md, "The team as it was"). Hand-written SQL reads ended memberships too; the query filter is LINQ's.
/// </summary>
internal static class TeamAsItWas
{
    /// <summary>
    /// SQL: membership <paramref name="m"/> overlapped the instants [<paramref name="t0"/>, <paramref name="t1"/>).
    /// A membership ended the instant it began (two role changes at once) covers no time.
    /// </summary>
    public static string Overlaps(string m, string t0, string t1) =>
        $"""{m}."Since" < {t1} AND ({m}."Until" IS NULL OR ({m}."Until" > {t0} AND {m}."Until" > {m}."Since"))""";
}
