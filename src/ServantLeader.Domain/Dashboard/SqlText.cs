using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Dashboard;

/// <summary>Builds parameterised SQL: values become parameters, never text.</summary>
internal sealed class SqlText
{
    private readonly StringBuilder _text = new();
    private readonly List<object> _args = [];

    public string Parameter(object value)
    {
        _args.Add(value);
        return "{" + (_args.Count - 1) + "}";
    }

    public void Append(string text) => _text.Append(text).Append('\n');

    public void Buckets(IReadOnlyList<Bucket> buckets, TimeZoneInfo zone)
    {
        _text.Append("""WITH "B"("b", "d0", "d1", "t0", "t1") AS (VALUES """);
        for (var i = 0; i < buckets.Count; i++)
        {
            var (start, end) = buckets[i].Days.Instants(zone);
            _text.Append(i == 0 ? "(" : ", (")
                .Append(Parameter(buckets[i].Key)).Append(", ")
                .Append(Parameter(buckets[i].Days.From)).Append(", ")
                .Append(Parameter(buckets[i].Days.To)).Append(", ")
                .Append(Parameter(start)).Append(", ")
                .Append(Parameter(end)).Append(')');
        }
        _text.Append(")\n");
    }

    public void TeamFilter(string alias, int? team, bool and = false)
    {
        if (team is { } id)
        {
            Append($"""{(and ? "AND" : "WHERE")} {alias}."TeamId" = {Parameter(id)}""");
        }
    }

    /// <summary>
    /// Runs the statement on the context's connection and maps each column to the row type's property of the same
    /// name (<see cref="RowMap{T}"/>). Plain ADO.NET: these statements are already as specific as SQL gets, and EF's
    /// per-query overhead was most of a small dashboard's time.
    /// </summary>
    public async Task<List<T>> ReadAsync<T>(ServantLeaderDb db, CancellationToken ct) where T : new()
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        await using var command = connection.CreateCommand();
        var text = _text.ToString();
        for (var i = _args.Count - 1; i >= 0; i--)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = _args[i];
            command.Parameters.Add(parameter);
            text = text.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", parameter.ParameterName, StringComparison.Ordinal);
        }
        command.CommandText = text;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var setters = RowMap<T>.For(reader);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            var row = new T();
            foreach (var set in setters)
            {
                set(reader, row);
            }
            rows.Add(row);
        }
        return rows;
    }
}
