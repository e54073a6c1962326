using System.Data.Common;
using Microsoft.Data.Sqlite;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.TestData;

/// <summary>How big an organisation to generate, and how it varies.</summary>
public sealed record OrganisationSize(int People, int Teams, int SupportEntries, int Requests, int CheckIns, int Credits, int Days)
{
    /// <summary>The organisation the dashboard benchmark is specified for: two years of a 5,000-person company.</summary>
    public static OrganisationSize Benchmark { get; } = new(5_000, 500, 1_000_000, 250_000, 250_000, 50_000, 730);

    /// <summary>Scales every count by people / 5,000, keeping ten people per team.</summary>
    public static OrganisationSize Scaled(int people) => new(people, Math.Max(1, people / 10),
        (int)(1_000_000L * people / 5_000), (int)(250_000L * people / 5_000), (int)(250_000L * people / 5_000),
        (int)(50_000L * people / 5_000), 730);

    /// <summary>Team sizes vary from 1 to twice the average, so that some teams are too small to show to HR.</summary>
    public bool VaryTeamSizes { get; init; }

    /// <summary>
    /// Memberships with a past: deactivated people's memberships end when they were deactivated, some members left
    /// part-way, and some led the team for a while between two memberships as a member (role changes), as the app
    /// records them since memberships end instead of being deleted.
    /// </summary>
    public bool MembershipHistory { get; init; }
}

public sealed record GeneratedOrganisation(IReadOnlyList<int> TeamIds, IReadOnlyDictionary<int, int> LeaderOfTeam, long Rows, TimeSpan Elapsed);

/// <summary>
/// Writes a plausible organisation straight into the tables with prepared inserts in one transaction: people
/// who joined at different times, requests in every state, support asked for and not, check-ins on each team's own
/// rhythm, credit. Fast enough for 1.5 million rows in well under the three minutes the benchmark allows.
/// Deterministic for a given seed and clock.
/// </summary>
public sealed class OrganisationGenerator(SqliteConnection connection, DateTimeOffset now, int seed)
{
    /// <summary>
    /// A member's memberships with a past (<see cref="OrganisationSize.MembershipHistory"/>): ended at deactivation for
    /// an inactive person; else 8 % left part-way, 5 % led the team for a while in between, the rest are current.
    /// Returns the rows written beyond the first.
    /// </summary>
    private async Task<int> HistoryAsync(SqliteCommand current, SqliteCommand ended, int team, int person, bool active,
        DateTimeOffset since, DateTimeOffset start, CancellationToken ct)
    {
        var from = since > start ? since : start;
        var roll = _random.NextDouble();
        if (!active || roll < 0.08)
        {
            Set(ended, team, person, nameof(TeamRole.Member), since.ToUnixTimeMilliseconds(), RandomInstant(from, now).ToUnixTimeMilliseconds(),
                active ? "Left" : "Deactivated");
            await ended.ExecuteNonQueryAsync(ct);
            return 0;
        }
        if (roll < 0.13)
        {
            var led = RandomInstant(from, now);
            var back = RandomInstant(led, now);
            Set(ended, team, person, nameof(TeamRole.Member), since.ToUnixTimeMilliseconds(), led.ToUnixTimeMilliseconds(), "RoleChanged");
            await ended.ExecuteNonQueryAsync(ct);
            Set(ended, team, person, nameof(TeamRole.Leader), led.ToUnixTimeMilliseconds(), back.ToUnixTimeMilliseconds(), "RoleChanged");
            await ended.ExecuteNonQueryAsync(ct);
            Set(current, team, person, nameof(TeamRole.Member), back.ToUnixTimeMilliseconds());
            await current.ExecuteNonQueryAsync(ct);
            return 2;
        }
        Set(current, team, person, nameof(TeamRole.Member), since.ToUnixTimeMilliseconds());
        await current.ExecuteNonQueryAsync(ct);
        return 0;
    }

    private static readonly string[] Statuses = ["Open", "Acknowledged", "Resolved", "Declined"];
    private readonly Random _random = new(seed);

    public async Task<GeneratedOrganisation> GenerateAsync(OrganisationSize size, CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var start = now.AddDays(-size.Days);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        long rows = 0;

        // Teams
        var teams = new List<(int Id, CheckInCadence Cadence, DayOfWeek DueDay)>();
        using (var insert = Command(tx, "INSERT INTO Teams (Name, Purpose, CreatedAt, CheckInCadence, CheckInDueDay) VALUES ($n, $p, $c, $k, $d) RETURNING Id",
                   "$n", "$p", "$c", "$k", "$d"))
        {
            for (var t = 0; t < size.Teams; t++)
            {
                var cadence = _random.NextDouble() < 0.8 ? CheckInCadence.Weekly : CheckInCadence.Fortnightly;
                var due = (DayOfWeek)_random.Next(1, 6);
                Set(insert, $"Team {t + 1:0000}", "Generated.", start.AddDays(-60).ToUnixTimeMilliseconds(), cadence.ToString(), due.ToString());
                teams.Add((Convert.ToInt32(await insert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture), cadence, due));
                rows++;
            }
        }

        // People and memberships: the first person of each team leads it.
        var sizes = TeamSizes(size);
        var members = new Dictionary<int, List<int>>();
        var leaders = new Dictionary<int, int>();
        using (var user = Command(tx, "INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES ($id, $e, $ne, $e, $ne, 1, 0, 0, 1, 0)",
                   "$id", "$e", "$ne"))
        using (var person = Command(tx, "INSERT INTO People (UserId, DisplayName, Email, IsActive, CreatedAt) VALUES ($u, $n, $e, $a, $c) RETURNING Id",
                   "$u", "$n", "$e", "$a", "$c"))
        using (var membership = Command(tx, "INSERT INTO Memberships (TeamId, PersonId, Role, Since) VALUES ($t, $p, $r, $s)", "$t", "$p", "$r", "$s"))
        using (var ended = Command(tx, "INSERT INTO Memberships (TeamId, PersonId, Role, Since, Until, EndedBecause) VALUES ($t, $p, $r, $s, $u, $b)",
                   "$t", "$p", "$r", "$s", "$u", "$b"))
        {
            var n = 0;
            for (var t = 0; t < teams.Count; t++)
            {
                members[teams[t].Id] = [];
                for (var i = 0; i < sizes[t]; i++, n++)
                {
                    var email = $"person{n:00000}@generated.example";
                    var id = $"generated-{seed}-{n}";
                    Set(user, id, email, email.ToUpperInvariant());
                    await user.ExecuteNonQueryAsync(ct);
                    var active = i == 0 || _random.NextDouble() > 0.03;
                    Set(person, id, $"Person {n:00000}", email, active ? 1 : 0, start.AddDays(-60).ToUnixTimeMilliseconds());
                    var personId = Convert.ToInt32(await person.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                    // Most joined before the data starts; some joined part-way through.
                    var since = _random.NextDouble() < 0.85 ? start.AddDays(-30) : RandomInstant(start, now);
                    if (size.MembershipHistory && i > 0)
                    {
                        rows += await HistoryAsync(membership, ended, teams[t].Id, personId, active, since, start, ct);
                    }
                    else
                    {
                        Set(membership, teams[t].Id, personId, i == 0 ? nameof(TeamRole.Leader) : nameof(TeamRole.Member), since.ToUnixTimeMilliseconds());
                        await membership.ExecuteNonQueryAsync(ct);
                    }
                    if (i == 0)
                    {
                        leaders[teams[t].Id] = personId;
                    }
                    else
                    {
                        members[teams[t].Id].Add(personId);
                    }
                    rows += 3;
                }
            }
        }
        var teamsWithMembers = teams.Where(t => members[t.Id].Count > 0).ToList();
        if (teamsWithMembers.Count == 0)
        {
            await tx.CommitAsync(ct);
            return new GeneratedOrganisation(teams.Select(t => t.Id).ToList(), leaders, rows, clock.Elapsed);
        }

        // Requests in every state, with first responses hours to days after creation.
        var requestsOfTeam = new Dictionary<int, List<int>>();
        using (var insert = Command(tx, """
                   INSERT INTO ServiceRequests (TeamId, RequesterId, Category, Title, Details, Urgency, Status, CreatedAt,
                     AcknowledgedAt, AcknowledgedById, ResolvedAt, ResolvedById, Resolution, DeclinedAt, DeclinedById, DeclineReason,
                     ConfirmedAt, Rating, ReopenCount, Version)
                   VALUES ($t, $r, $c, 'Generated request', '', 'Normal', $s, $ca, $aa, $ab, $ra, $rb, $res, $da, $db, $dr, $fa, $rt, $ro, 0)
                   RETURNING Id
                   """, "$t", "$r", "$c", "$s", "$ca", "$aa", "$ab", "$ra", "$rb", "$res", "$da", "$db", "$dr", "$fa", "$rt", "$ro"))
        {
            for (var i = 0; i < size.Requests; i++)
            {
                var team = teamsWithMembers[_random.Next(teamsWithMembers.Count)];
                var requester = Pick(members[team.Id]);
                var leader = leaders[team.Id];
                var created = RandomInstant(start, now);
                DateTimeOffset? acknowledged = created.AddMinutes(Math.Min(60 * 24 * 20, 5 + Math.Exp(_random.NextDouble() * 8.5)));
                if (acknowledged > now || _random.NextDouble() < 0.08)
                {
                    acknowledged = null;
                }
                var status = acknowledged is null ? "Open" : Statuses[WeightedStatus()];
                DateTimeOffset? resolved = null, declined = null, confirmed = null;
                int? rating = null;
                if (status == "Resolved")
                {
                    resolved = acknowledged!.Value.AddMinutes(_random.Next(0, 60 * 24 * 14));
                    if (resolved > now)
                    {
                        status = "Acknowledged";
                        resolved = null;
                    }
                    else if (_random.NextDouble() < 0.6)
                    {
                        confirmed = resolved.Value.AddHours(_random.Next(1, 48));
                        rating = new[] { 1, 2, 3, 4, 4, 5, 5, 5 }[_random.Next(8)];
                    }
                }
                else if (status == "Declined")
                {
                    declined = acknowledged;
                }
                Set(insert, team.Id, requester, RandomCategory(), status, created.ToUnixTimeMilliseconds(),
                    acknowledged?.ToUnixTimeMilliseconds(), acknowledged is null ? null : leader,
                    resolved?.ToUnixTimeMilliseconds(), resolved is null ? null : leader, resolved is null ? null : "Done.",
                    declined?.ToUnixTimeMilliseconds(), declined is null ? null : leader, declined is null ? null : "Not ours.",
                    confirmed?.ToUnixTimeMilliseconds(), rating,
                    // Some answered, unconfirmed requests were reopened once (a confirmed one cannot be). Chosen by index,
                    // not by the random generator, so every other generated value stays as it was.
                    acknowledged is not null && confirmed is null && i % 9 == 4 ? 1 : 0);
                var id = Convert.ToInt32(await insert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                if (!requestsOfTeam.TryGetValue(team.Id, out var list))
                {
                    requestsOfTeam[team.Id] = list = [];
                }
                list.Add(id);
                rows++;
            }
        }

        // Support, asked for or not.
        using (var insert = Command(tx, """
                   INSERT INTO SupportEntries (LeaderId, MemberId, TeamId, RequestId, Category, Minutes, Date, Note, SharedWithMember, CreatedAt)
                   VALUES ($l, $m, $t, $r, $c, $min, $d, '', 0, $ca)
                   """, "$l", "$m", "$t", "$r", "$c", "$min", "$d", "$ca"))
        {
            var firstDay = DateOnly.FromDateTime(start.UtcDateTime);
            var days = today.DayNumber - firstDay.DayNumber + 1;
            for (var i = 0; i < size.SupportEntries; i++)
            {
                var team = teamsWithMembers[_random.Next(teamsWithMembers.Count)];
                var date = firstDay.AddDays(_random.Next(days));
                int? request = _random.NextDouble() < 0.4 && requestsOfTeam.TryGetValue(team.Id, out var list) ? Pick(list) : null;
                Set(insert, leaders[team.Id], Pick(members[team.Id]), team.Id, request, RandomCategory(), _random.Next(1, 241),
                    date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(ct);
                rows++;
            }
        }

        // Check-ins on each team's own rhythm: one per member and period at most.
        var taken = new HashSet<(int Team, int Member, DateOnly Due)>();
        var checkInIds = new List<(int Id, int Team, int Member)>();
        using (var insert = Command(tx, """
                   INSERT INTO CheckIns (TeamId, MemberId, PeriodStart, PeriodDue, Status, Pulse, Wins, Challenges, Need, RequestId,
                     CreatedAt, UpdatedAt, SubmittedAt, ReviewedAt, ReviewedById, Version)
                   VALUES ($t, $m, $ps, $pd, $s, $p, 'Generated.', $ch, '', $r, $ca, $ca, $sa, $ra, $rb, 0)
                   RETURNING Id
                   """, "$t", "$m", "$ps", "$pd", "$s", "$p", "$ch", "$r", "$ca", "$sa", "$ra", "$rb"))
        {
            var firstDay = DateOnly.FromDateTime(start.UtcDateTime);
            var days = today.DayNumber - firstDay.DayNumber + 1;
            var attempts = 0;
            for (var i = 0; i < size.CheckIns && attempts < size.CheckIns * 20; attempts++)
            {
                var team = teamsWithMembers[_random.Next(teamsWithMembers.Count)];
                var member = Pick(members[team.Id]);
                var period = CheckInPeriod.Containing(firstDay.AddDays(_random.Next(days)), team.Cadence, team.DueDay);
                if (period.Due > today.AddDays(3) || !taken.Add((team.Id, member, period.Due)))
                {
                    continue;
                }
                var dueNoon = new DateTimeOffset(period.Due.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
                var created = dueNoon.AddHours(-_random.Next(24, 96));
                DateTimeOffset? submitted = _random.NextDouble() < 0.95 ? dueNoon.AddHours(_random.Next(-48, 72)) : null;
                if (submitted > now)
                {
                    submitted = null;
                }
                if (created > now)
                {
                    created = now.AddMinutes(-1);
                }
                DateTimeOffset? reviewed = submitted?.AddMinutes(Math.Exp(_random.NextDouble() * 9.7));
                if (reviewed > now || _random.NextDouble() < 0.1)
                {
                    reviewed = null;
                }
                var status = submitted is null ? "Draft" : reviewed is null ? "Submitted" : "Reviewed";
                var blocker = _random.NextDouble() < 0.25;
                int? request = blocker && _random.NextDouble() < 0.2 && requestsOfTeam.TryGetValue(team.Id, out var list) ? Pick(list) : null;
                Set(insert, team.Id, member, Iso(period.Start), Iso(period.Due), status,
                    submitted is null && _random.NextDouble() < 0.5 ? null : _random.Next(1, 6),
                    blocker ? "Waiting on access." : "", request, created.ToUnixTimeMilliseconds(),
                    submitted?.ToUnixTimeMilliseconds(), reviewed?.ToUnixTimeMilliseconds(), reviewed is null ? null : leaders[team.Id]);
                checkInIds.Add((Convert.ToInt32(await insert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture), team.Id, member));
                rows++;
                i++;
            }
        }

        // Credit, from leaders and from peers.
        using (var insert = Command(tx, "INSERT INTO Credits (TeamId, GiverId, ReceiverId, Message, CheckInId, CreatedAt) VALUES ($t, $g, $r, 'Thank you.', NULL, $c)",
                   "$t", "$g", "$r", "$c"))
        {
            for (var i = 0; i < size.Credits; i++)
            {
                var team = teamsWithMembers[_random.Next(teamsWithMembers.Count)];
                var receiver = Pick(members[team.Id]);
                var giver = _random.NextDouble() < 0.6 ? leaders[team.Id] : Pick(members[team.Id]);
                if (giver == receiver)
                {
                    giver = leaders[team.Id];
                }
                if (_random.NextDouble() < 0.1)
                {
                    (giver, receiver) = (receiver, leaders[team.Id]);
                }
                Set(insert, team.Id, giver, receiver, RandomInstant(start, now).ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(ct);
                rows++;
            }
        }

        await tx.CommitAsync(ct);
        using (var analyze = connection.CreateCommand())
        {
            // Fresh statistics, as a long-running database would have, so the planner picks the dashboard's indexes.
            analyze.CommandText = "PRAGMA synchronous = NORMAL; ANALYZE;";
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return new GeneratedOrganisation(teams.Select(t => t.Id).ToList(), leaders, rows, clock.Elapsed);
    }

    /// <summary>The teams and their leaders of an organisation generated earlier.</summary>
    public static async Task<GeneratedOrganisation> ReadAsync(SqliteConnection connection, CancellationToken ct = default)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT TeamId, PersonId FROM Memberships WHERE Role = 'Leader' ORDER BY TeamId";
        var leaders = new Dictionary<int, int>();
        using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            leaders[reader.GetInt32(0)] = reader.GetInt32(1);
        }
        return new GeneratedOrganisation(leaders.Keys.ToList(), leaders, 0, TimeSpan.Zero);
    }

    private int[] TeamSizes(OrganisationSize size)
    {
        var average = Math.Max(1, size.People / Math.Max(1, size.Teams));
        var sizes = new int[size.Teams];
        for (var t = 0; t < size.Teams; t++)
        {
            sizes[t] = size.VaryTeamSizes ? _random.Next(1, 2 * average + 1) : average;
        }
        return sizes;
    }

    private int WeightedStatus()
    {
        var x = _random.NextDouble();
        return x < 0.70 ? 2 : x < 0.82 ? 3 : 1;
    }

    private string RandomCategory() => SupportCategoryText.All[_random.Next(SupportCategoryText.All.Count)].ToString();

    private DateTimeOffset RandomInstant(DateTimeOffset from, DateTimeOffset to) =>
        from.AddMilliseconds(_random.NextInt64(0, (long)(to - from).TotalMilliseconds));

    private int Pick(List<int> items) => items[_random.Next(items.Count)];

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private SqliteCommand Command(SqliteTransaction tx, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
