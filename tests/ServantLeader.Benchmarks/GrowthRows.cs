using Microsoft.Data.Sqlite;

namespace ServantLeader.Benchmarks;

/// <summary>
/// Growth rows for the generated organisation, so that the growth figures are timed on data: per member a plan with
/// about six saves a year, two goals (some achieved, some set aside), a skill with a confirmation or two, peer support
/// (most of it confirmed), goal progress on half the submitted check-ins, and one mentor in ten. Added only when the
/// database has no growth rows yet (a generator that makes its own is left alone).
/// </summary>
internal static class GrowthRows
{
    public static async Task<long> AddAsync(string connectionString, DateTimeOffset now, int seed)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        if (await ScalarAsync(connection, """SELECT COUNT(*) FROM "GrowthPlanEdits" """) > 0)
        {
            return 0;
        }
        var random = new Random(seed);
        var members = await PairsAsync(connection, """SELECT "PersonId", "TeamId" FROM "Memberships" WHERE "Role" = 'Member' ORDER BY "Id" """);
        var checkIns = await PairsAsync(connection, """SELECT "Id", "MemberId" FROM "CheckIns" WHERE "Status" <> 'Draft' ORDER BY "Id" """);
        var nowMs = now.ToUnixTimeMilliseconds();
        const long Day = 86_400_000;
        long Ago(int days) => nowMs - random.NextInt64(days * Day);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        long rows = 0;

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        async Task<long> InsertAsync(string sql, params object?[] values)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql + "; SELECT last_insert_rowid();";
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue("$p" + i, values[i] ?? DBNull.Value);
            }
            rows++;
            return (long)(await command.ExecuteScalarAsync())!;
        }

        var goalsOf = new Dictionary<long, List<long>>();
        foreach (var person in members.Select(m => m.A).Distinct())
        {
            var plan = await InsertAsync("""INSERT INTO "GrowthPlans" ("PersonId", "Ambition", "Strengths", "CreatedAt", "UpdatedAt", "Version") VALUES ($p0, 'Grow', '', $p1, $p1, 1)""",
                person, nowMs - 400 * Day);
            for (var i = random.Next(0, 13); i > 0; i--)
            {
                await InsertAsync("""INSERT INTO "GrowthPlanEdits" ("PlanId", "PersonId", "At") VALUES ($p0, $p1, $p2)""", plan, person, Ago(730));
            }
            goalsOf[person] = [];
            for (var g = 0; g < 2; g++)
            {
                var roll = random.NextDouble();
                var (state, achieved, setAside) = roll < 0.4 ? ("Achieved", (long?)Ago(365), (long?)null)
                    : roll < 0.55 ? ("SetAside", null, Ago(365)) : ("Active", null, null);
                goalsOf[person].Add(await InsertAsync("""
                    INSERT INTO "GrowthGoals" ("PlanId", "PersonId", "What", "Why", "Evidence", "State", "Learned", "CreatedAt", "UpdatedAt", "AchievedAt", "SetAsideAt", "Version")
                    VALUES ($p0, $p1, 'A goal', '', '', $p2, '', $p3, $p3, $p4, $p5, 1)
                    """, plan, person, state, nowMs - 400 * Day, achieved, setAside));
            }
            var skill = await InsertAsync("""
                INSERT INTO "Skills" ("PersonId", "Name", "Key", "ProposedLevel", "ConfirmedLevel", "CreatedAt", "UpdatedAt", "Version")
                VALUES ($p0, 'Facilitation', 'facilitation', 'Practising', 'Practising', $p1, $p1, 2)
                """, person, nowMs - 400 * Day);
            await InsertAsync("""INSERT INTO "SkillLevelChanges" ("SkillId", "PersonId", "FromLevel", "ToLevel", "ConfirmedById", "At") VALUES ($p0, $p1, NULL, 1, $p1, $p2)""",
                skill, person, Ago(730));
            if (random.NextDouble() < 0.5)
            {
                await InsertAsync("""INSERT INTO "SkillLevelChanges" ("SkillId", "PersonId", "FromLevel", "ToLevel", "ConfirmedById", "At") VALUES ($p0, $p1, 1, 2, $p1, $p2)""",
                    skill, person, Ago(365));
            }
        }
        var pairs = new HashSet<(long Mentor, long Mentee)>();
        foreach (var (person, team) in members)
        {
            var peers = members.Where(m => m.B == team && m.A != person).Select(m => m.A).ToList();
            for (var i = random.Next(0, 9); i > 0 && peers.Count > 0; i--)
            {
                var date = today.AddDays(-random.Next(365));
                await InsertAsync("""
                    INSERT INTO "PeerSupport" ("GiverId", "ReceiverId", "TeamId", "Category", "Minutes", "Date", "Note", "SharedWithReceiver", "CreatedAt", "ConfirmedAt")
                    VALUES ($p0, $p1, $p2, 'Coaching', $p3, $p4, '', 0, $p5, $p6)
                    """, person, peers[random.Next(peers.Count)], team, 15 + random.Next(60), date.ToString("yyyy-MM-dd"), nowMs - 400 * Day,
                    random.NextDouble() < 0.7 ? nowMs - random.NextInt64(Day) : null);
            }
            if (random.NextDouble() < 0.1 && peers.Count > 0 && pairs.Add((person, peers[0])))
            {
                var started = Ago(365);
                var ended = random.NextDouble() < 0.5 ? started + random.NextInt64(90 * Day) : (long?)null;
                await InsertAsync("""
                    INSERT INTO "MentoringPairs" ("MentorId", "MenteeId", "ProposedById", "Focus", "Status", "PlanShared", "ProposedAt", "StartedAt", "EndedAt", "Version")
                    VALUES ($p0, $p1, $p1, 'Facilitation', $p2, 0, $p3, $p3, $p4, 1)
                    """, person, peers[0], ended is null ? "Active" : "Ended", started, ended);
            }
        }
        foreach (var (checkIn, member) in checkIns.Where(_ => random.NextDouble() < 0.5))
        {
            if (goalsOf.TryGetValue(member, out var goals))
            {
                await InsertAsync("""INSERT INTO "GoalProgress" ("CheckInId", "GoalId", "Movement") VALUES ($p0, $p1, $p2)""",
                    checkIn, goals[random.Next(goals.Count)], random.NextDouble() < 0.6 ? "MovedForward" : "Stuck");
            }
        }
        await using (var growth = connection.CreateCommand())
        {
            growth.Transaction = transaction;
            growth.CommandText = """UPDATE "OneOnOnes" SET "IsGrowthConversation" = 1 WHERE "Id" % 3 = 0""";
            await growth.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return rows;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<(long A, long B)>> PairsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var pairs = new List<(long, long)>();
        while (await reader.ReadAsync())
        {
            pairs.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }
        return pairs;
    }
}
