using Microsoft.Data.Sqlite;
using ServantLeader.Domain.Dashboard;

namespace ServantLeader.Benchmarks.Floor;

/// <summary>
/// The request figures (docs/metrics.md "Definitions", "Requests that wait") and public credit, by plain SQL in two
/// statements: one over the period's requests (counts and people per team and week and over the whole period, the
/// percentiles ranked in the database, for HR over the kept weeks only, and the requests waiting now), one over the
/// period's credit (for HR with the list of teams). Slices are week indexes from the Monday of the period's first week;
/// -1 is the whole period. C# only applies HR's week rule to the weekly counts and divides.
/// </summary>
internal static class FloorRequests
{
    private const long DayMs = 86_400_000;
    private const long WeekMs = 7 * DayMs;
    private const int Minimum = 3;

    // The columns of the counts statement, after TeamId and slice.
    private const int N = 0, Requesters = 1, Acked = 2, AckPeople = 3, Unacked = 4, UnackPeople = 5, TargetMet = 6, TargetDue = 7,
        TargetPeople = 8, Resolved = 9, ResolvedPeople = 10, Open = 11, OpenPeople = 12, Declined = 13, Ratings = 14, RatingSum = 15,
        Rated45 = 16, Raters = 17, Confirmed = 18, Reopened = 19, ReopenDue = 20, ReopenPeople = 21, Columns = 22;

    private sealed record Slice(long[] C)
    {
        public static readonly Slice Empty = new(new long[Columns]);
        public long this[int i] => C[i];
    }

    public static async Task ReadAsync(FloorContext context, FloorResult into)
    {
        var hr = context.TeamId is null;
        var period = hr ? context.Period.ForHr(context.Today) : context.Period;
        var weeks = period.WeekRanges();
        var (startMs, endMs) = Bounds(period.Whole);
        var baseMs = Ms(DashboardPeriod.WeekStart(period.From));
        var nowMs = context.Now.ToUnixTimeMilliseconds();
        var filter = hr ? "CreatedAt >= @s AND CreatedAt < @e" : "TeamId = @t AND CreatedAt >= @s AND CreatedAt < @e";

        // 1. One statement over the period's requests: per requester and week (p), then per week and over the whole period
        // (q: distinct people by requester), the percentiles of the hours to acknowledge (k 0) and to resolve (k 1) ranked
        // in the database (for HR over the weeks in which 3 or more people are behind the durations), and the requests
        // waiting now.
        var counts = new Dictionary<(int Team, int Slice), Slice>();
        var waiting = new Dictionary<int, (long Count, long People, long Oldest)>();
        var percentiles = new Dictionary<(int Team, int Slice, int Kind), (double P50, double P90)>();
        await using (var command = context.Connection.CreateCommand())
        {
            var sliced = hr
                ? """
                  SELECT d.TeamId, -1 AS slice, d.k, d.x FROM d
                  JOIN (SELECT TeamId, w, sum(acked > 0) AS a, sum(resolved > 0) AS v FROM p GROUP BY TeamId, w) kept
                    ON kept.TeamId = d.TeamId AND kept.w = d.w AND (CASE d.k WHEN 0 THEN kept.a ELSE kept.v END) >= 3
                  """
                : "SELECT TeamId, w AS slice, k, x FROM d UNION ALL SELECT TeamId, -1, k, x FROM d";
            string Pad(int used) => string.Join("", Enumerable.Repeat(", 0", Columns + 3 - used));
            command.CommandText = $"""
                WITH r AS (
                    SELECT TeamId, (CreatedAt - @b) / {WeekMs} AS w, RequesterId, Status, CreatedAt, AcknowledgedAt, ResolvedAt, Rating, ConfirmedAt, ReopenCount,
                        AcknowledgedAt IS NOT NULL AND AcknowledgedAt <= dl AS met,
                        AcknowledgedAt IS NOT NULL OR @now > dl AS due
                    FROM (
                        SELECT *, st + (@n + 2 * ((wd + @n) / 5)) * {DayMs} AS dl
                        FROM (
                            SELECT *, CASE WHEN (CreatedAt / {DayMs} + 3) % 7 >= 5 THEN (CreatedAt / {DayMs} + 7 - (CreatedAt / {DayMs} + 3) % 7) * {DayMs} ELSE CreatedAt END AS st,
                                CASE WHEN (CreatedAt / {DayMs} + 3) % 7 >= 5 THEN 0 ELSE (CreatedAt / {DayMs} + 3) % 7 END AS wd
                            FROM ServiceRequests WHERE {filter}))),
                p AS (
                    SELECT TeamId, w, RequesterId AS who, count(*) AS n, count(AcknowledgedAt) AS acked, sum(met) AS met, sum(due) AS due,
                        sum(Status = 'Resolved') AS resolved, sum(Status IN ('Open', 'Acknowledged')) AS open, sum(Status = 'Declined') AS declined,
                        count(Rating) AS ratings, total(Rating) AS rsum, count(CASE WHEN Rating >= 4 THEN 1 END) AS r45,
                        sum(Status = 'Resolved' AND ConfirmedAt IS NOT NULL) AS confirmed,
                        sum(ReopenCount >= 1) AS reopened, sum(Status = 'Resolved' OR ReopenCount >= 1) AS rdue
                    FROM r GROUP BY TeamId, w, RequesterId),
                q AS (
                    SELECT * FROM p
                    UNION ALL
                    SELECT TeamId, -1, who, sum(n), sum(acked), sum(met), sum(due), sum(resolved), sum(open), sum(declined),
                        sum(ratings), sum(rsum), sum(r45), sum(confirmed), sum(reopened), sum(rdue)
                    FROM p GROUP BY TeamId, who),
                d AS (
                    SELECT TeamId, w, 0 AS k, (AcknowledgedAt - CreatedAt) / 3600000.0 AS x FROM r WHERE AcknowledgedAt IS NOT NULL
                    UNION ALL
                    SELECT TeamId, w, 1, (ResolvedAt - CreatedAt) / 3600000.0 FROM r WHERE Status = 'Resolved'),
                s AS ({sliced}),
                ranked AS (
                    SELECT TeamId, slice, k, x, row_number() OVER win - 1 AS i, count(*) OVER (win ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS n
                    FROM s WINDOW win AS (PARTITION BY TeamId, slice, k ORDER BY x)),
                ends AS (
                    SELECT TeamId, slice, k, (n - 1) * 0.5 AS h50, (n - 1) * 0.9 AS h90,
                        max(CASE WHEN i = CAST((n - 1) * 0.5 AS INTEGER) THEN x END) AS a50,
                        max(CASE WHEN i = min(CAST((n - 1) * 0.5 AS INTEGER) + 1, n - 1) THEN x END) AS b50,
                        max(CASE WHEN i = CAST((n - 1) * 0.9 AS INTEGER) THEN x END) AS a90,
                        max(CASE WHEN i = min(CAST((n - 1) * 0.9 AS INTEGER) + 1, n - 1) THEN x END) AS b90
                    FROM ranked GROUP BY TeamId, slice, k)
                SELECT TeamId, w, sum(n), count(*), sum(acked), sum(acked > 0), sum(n - acked), sum(n > acked), sum(met), sum(due), sum(due > 0),
                    sum(resolved), sum(resolved > 0), sum(open), sum(open > 0), sum(declined), sum(ratings), sum(rsum), sum(r45), sum(ratings > 0),
                    sum(confirmed), sum(reopened), sum(rdue), sum(rdue > 0), 0
                FROM q GROUP BY TeamId, w
                UNION ALL
                SELECT TeamId, -3 - k, slice, a50 + (h50 - CAST(h50 AS INTEGER)) * (b50 - a50), a90 + (h90 - CAST(h90 AS INTEGER)) * (b90 - a90){Pad(5)}
                FROM ends
                UNION ALL
                SELECT TeamId, -2, count(*), count(DISTINCT RequesterId), min(CreatedAt){Pad(5)}
                FROM ServiceRequests WHERE Status = 'Open' AND AcknowledgedAt IS NULL{(hr ? "" : " AND TeamId = @t")}
                GROUP BY TeamId
                """;
            Parameters(command, context, startMs, endMs, baseMs, nowMs);
            command.Parameters.AddWithValue("@n", FloorContext.AcknowledgeTargetWorkingDays);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var team = reader.GetInt32(0);
                var slice = reader.GetInt32(1);
                if (slice == -2)
                {
                    waiting[team] = (reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
                }
                else if (slice <= -3)
                {
                    percentiles[(team, reader.GetInt32(2), -3 - slice)] = (reader.GetDouble(3), reader.GetDouble(4));
                }
                else
                {
                    var c = new long[Columns];
                    for (var i = 0; i < Columns; i++)
                    {
                        c[i] = i == RatingSum ? (long)reader.GetDouble(2 + i) : reader.GetInt64(2 + i);
                    }
                    counts[(team, slice)] = new Slice(c);
                }
            }
        }

        // 2. Credit: given while the giver led the team, received while the receiver was a member of it (and, for HR, every
        // team, so that a team with nothing in the period still has its row).
        var credits = new Dictionary<(int Team, int Slice), (long Given, long GivenPeople, long Received, long ReceivedPeople)>();
        var teams = hr ? new List<int>() : [context.TeamId!.Value];
        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = $"""
                WITH r AS (
                    SELECT c.TeamId, (c.CreatedAt - @b) / {WeekMs} AS w, c.ReceiverId,
                        EXISTS (SELECT 1 FROM Memberships m WHERE m.TeamId = c.TeamId AND m.PersonId = c.GiverId AND m.Role = 'Leader'
                            AND m.Since <= c.CreatedAt AND (m.Until IS NULL OR c.CreatedAt < m.Until)) AS g,
                        EXISTS (SELECT 1 FROM Memberships m WHERE m.TeamId = c.TeamId AND m.PersonId = c.ReceiverId AND m.Role = 'Member'
                            AND m.Since <= c.CreatedAt AND (m.Until IS NULL OR c.CreatedAt < m.Until)) AS v
                    FROM Credits c WHERE {filter.Replace("TeamId", "c.TeamId").Replace("CreatedAt", "c.CreatedAt")}),
                s AS (SELECT TeamId, w AS slice, ReceiverId, g, v FROM r UNION ALL SELECT TeamId, -1, ReceiverId, g, v FROM r)
                SELECT TeamId, slice, sum(g), count(DISTINCT CASE WHEN g THEN ReceiverId END), sum(v), count(DISTINCT CASE WHEN v THEN ReceiverId END)
                FROM s GROUP BY TeamId, slice{(hr ? " UNION ALL SELECT Id, -9, 0, 0, 0, 0 FROM Teams" : "")}
                """;
            Parameters(command, context, startMs, endMs, baseMs, nowMs);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (reader.GetInt32(1) == -9)
                {
                    teams.Add(reader.GetInt32(0));
                    continue;
                }
                credits[(reader.GetInt32(0), reader.GetInt32(1))] = (reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
            }
        }

        // The week indexes of the period's weeks (the first one clipped to the period is index 0).
        var weekSlices = weeks.Select(w => (int)((Ms(w.From) - baseMs) / WeekMs)).ToList();

        foreach (var team in teams)
        {
            var wait = waiting.GetValueOrDefault(team);
            var longest = wait.Count > 0 ? (nowMs - wait.Oldest) / 3_600_000.0 : (double?)null;
            SetNow(into, team, Measure.WaitingNow, wait.Count, (int)wait.People, (int)wait.Count, hr);
            SetNow(into, team, Measure.LongestWaitHours, longest, (int)wait.People, (int)wait.Count, hr);

            if (!hr)
            {
                for (var i = -1; i < weeks.Count; i++)
                {
                    var slice = i < 0 ? -1 : weekSlices[i];
                    var c = counts.GetValueOrDefault((team, slice)) ?? Slice.Empty;
                    var ack = percentiles.TryGetValue((team, slice, 0), out var a) ? a : ((double, double)?)null;
                    var res = percentiles.TryGetValue((team, slice, 1), out var r) ? r : ((double, double)?)null;
                    var cr = credits.GetValueOrDefault((team, slice));
                    var at = i < 0 ? FloorKey.Whole : i;
                    foreach (var (measure, figure) in Leader(c, ack, res, cr))
                    {
                        into.Set(team, measure, at, figure);
                    }
                }
                continue;
            }

            // HR: each figure from the weeks in which 3 or more people are behind it; a request figure also leaves out a week
            // with nobody behind it in which one or two people asked.
            var whole = counts.GetValueOrDefault((team, -1)) ?? Slice.Empty;
            var wholeCredit = credits.GetValueOrDefault((team, -1));
            var byWeek = weekSlices.Select(s => counts.GetValueOrDefault((team, s)) ?? Slice.Empty).ToList();
            var creditWeeks = weekSlices.Select(s => credits.GetValueOrDefault((team, s))).ToList();

            void Count(Measure measure, int people, int value, int peopleOf)
            {
                var (kept, left) = Rule(byWeek, w => w[peopleOf], request: true);
                var v = kept.Sum(w => w[value]);
                Hr(into, team, measure, v, (int)whole[people], (int)v, kept.Count, left);
            }
            void Share(Measure measure, int numerator, int denominator, int peopleOf, bool mean = false)
            {
                var (kept, left) = Rule(byWeek, w => w[peopleOf], request: true);
                var n = kept.Sum(w => w[numerator]);
                var d = kept.Sum(w => w[denominator]);
                Hr(into, team, measure, d > 0 ? (double)n / d : null, (int)whole[peopleOf], (int)d, kept.Count, left);
            }

            Count(Measure.RequestsReceived, Requesters, N, Requesters);
            Count(Measure.NotYetAcknowledged, UnackPeople, Unacked, UnackPeople);
            Count(Measure.NotYetResolved, OpenPeople, Open, OpenPeople);
            Share(Measure.AcknowledgedWithinTarget, TargetMet, TargetDue, TargetPeople);
            Share(Measure.ResolutionRate, Resolved, N, Requesters);
            Share(Measure.DeclinedShare, Declined, N, Requesters);
            Share(Measure.SatisfactionMean, RatingSum, Ratings, Raters);
            Share(Measure.SatisfiedShare, Rated45, Ratings, Raters);
            Share(Measure.ConfirmedShare, Confirmed, Resolved, ResolvedPeople);
            Share(Measure.ReopenRate, Reopened, ReopenDue, ReopenPeople);
            foreach (var (kind, count, people, median, p90) in new[]
                     {
                         (0, Acked, AckPeople, Measure.AcknowledgeMedianHours, Measure.AcknowledgeP90Hours),
                         (1, Resolved, ResolvedPeople, Measure.ResolveMedianHours, Measure.ResolveP90Hours),
                     })
            {
                var (kept, left) = Rule(byWeek, w => w[people], request: true);
                var n = kept.Sum(w => w[count]);
                var p = percentiles.TryGetValue((team, -1, kind), out var pv) ? pv : ((double, double)?)null;
                Hr(into, team, median, p?.Item1, (int)whole[people], (int)n, kept.Count, left);
                Hr(into, team, p90, p?.Item2, (int)whole[people], (int)n, kept.Count, left);
            }

            var (givenKept, givenLeft) = Rule(creditWeeks, w => w.GivenPeople);
            var given = givenKept.Sum(w => w.Given);
            Hr(into, team, Measure.CreditGiven, given, (int)wholeCredit.GivenPeople, (int)given, givenKept.Count, givenLeft);
            var (receivedKept, receivedLeft) = Rule(creditWeeks, w => w.ReceivedPeople);
            var received = receivedKept.Sum(w => w.Received);
            Hr(into, team, Measure.CreditReceived, received, (int)wholeCredit.ReceivedPeople, (int)received, receivedKept.Count, receivedLeft);
        }
    }

    private static IEnumerable<(Measure, FloorFigure)> Leader(Slice c, (double P50, double P90)? ack, (double P50, double P90)? res,
        (long Given, long GivenPeople, long Received, long ReceivedPeople) cr)
    {
        double? Div(long n, long d) => d > 0 ? (double)n / d : null;
        int P(int i) => (int)c[i];
        yield return (Measure.RequestsReceived, new(c[N], P(Requesters), P(N)));
        yield return (Measure.AcknowledgeMedianHours, new(ack?.P50, P(AckPeople), P(Acked)));
        yield return (Measure.AcknowledgeP90Hours, new(ack?.P90, P(AckPeople), P(Acked)));
        yield return (Measure.NotYetAcknowledged, new(c[Unacked], P(UnackPeople), P(Unacked)));
        yield return (Measure.AcknowledgedWithinTarget, new(Div(c[TargetMet], c[TargetDue]), P(TargetPeople), P(TargetDue)));
        yield return (Measure.ResolveMedianHours, new(res?.P50, P(ResolvedPeople), P(Resolved)));
        yield return (Measure.ResolveP90Hours, new(res?.P90, P(ResolvedPeople), P(Resolved)));
        yield return (Measure.NotYetResolved, new(c[Open], P(OpenPeople), P(Open)));
        yield return (Measure.ResolutionRate, new(Div(c[Resolved], c[N]), P(Requesters), P(N)));
        yield return (Measure.DeclinedShare, new(Div(c[Declined], c[N]), P(Requesters), P(N)));
        yield return (Measure.SatisfactionMean, new(Div(c[RatingSum], c[Ratings]), P(Raters), P(Ratings)));
        yield return (Measure.SatisfiedShare, new(Div(c[Rated45], c[Ratings]), P(Raters), P(Ratings)));
        yield return (Measure.ConfirmedShare, new(Div(c[Confirmed], c[Resolved]), P(ResolvedPeople), P(Resolved)));
        yield return (Measure.ReopenRate, new(Div(c[Reopened], c[ReopenDue]), P(ReopenPeople), P(ReopenDue)));
        yield return (Measure.CreditGiven, new(cr.Given, (int)cr.GivenPeople, (int)cr.Given));
        yield return (Measure.CreditReceived, new(cr.Received, (int)cr.ReceivedPeople, (int)cr.Received));
    }

    /// <summary>HR's weeks: kept when 3 or more people are behind the figure; left out when one or two are, or (a request
    /// figure) when nobody is and one or two people asked.</summary>
    private static (List<T> Kept, int LeftOut) Rule<T>(List<T> weeks, Func<T, long> people, bool request = false)
    {
        var kept = new List<T>();
        var left = 0;
        foreach (var week in weeks)
        {
            var p = people(week);
            if (p >= Minimum)
            {
                kept.Add(week);
            }
            else if (p > 0 || (request && week is Slice s && s[Requesters] is > 0 and < Minimum))
            {
                left++;
            }
        }
        return (kept, left);
    }

    private static void Hr(FloorResult into, int team, Measure measure, double? value, int people, int count, int kept, int left)
    {
        var withheld = kept == 0 && left > 0;
        into.Set(team, measure, FloorKey.Whole, withheld ? new FloorFigure(null, people, null, true, left) : new FloorFigure(value, people, count, false, left));
    }

    /// <summary>A figure of now: for HR withheld when one or two people are behind it.</summary>
    private static void SetNow(FloorResult into, int team, Measure measure, double? value, int people, int count, bool hr)
    {
        var withheld = hr && people is > 0 and < Minimum;
        into.Set(team, measure, FloorKey.Whole, withheld ? new FloorFigure(null, people, null, true) : new FloorFigure(value, people, count));
    }

    private static void Parameters(SqliteCommand command, FloorContext context, long startMs, long endMs, long baseMs, long nowMs)
    {
        if (context.TeamId is { } team)
        {
            command.Parameters.AddWithValue("@t", team);
        }
        command.Parameters.AddWithValue("@s", startMs);
        command.Parameters.AddWithValue("@e", endMs);
        command.Parameters.AddWithValue("@b", baseMs);
        command.Parameters.AddWithValue("@now", nowMs);
    }

    private static (long Start, long End) Bounds(DayRange days) => (Ms(days.From), Ms(days.To.AddDays(1)));

    private static long Ms(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
}
