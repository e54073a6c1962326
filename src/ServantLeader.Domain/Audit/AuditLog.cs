using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Audit;

public sealed record AuditRow(long Id, DateTimeOffset At, string? ActorName, string Action, string SubjectType, int SubjectId, string Description);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>The audit trail: written by the other slices with the change itself, read by Admins only.</summary>
public sealed class AuditLog(IDbContextFactory<ServantLeaderDb> dbs)
{
    public const int PageSize = 100;

    /// <summary>Adds an entry to the caller's DbContext, so it is saved with the change or not at all.</summary>
    internal static void Record(ServantLeaderDb db, int? actorId, string action, string subjectType, int subjectId,
        string description, DateTimeOffset at) =>
        db.AuditLog.Add(new AuditEntry(at, actorId, action, subjectType, subjectId, description));

    /// <summary>Newest first, optionally narrowed to one kind of subject (request, support, membership, person…).</summary>
    public async Task<AuditPage> ReadAsync(Actor actor, string? subjectType, int page, CancellationToken ct)
    {
        if (!actor.IsAdmin)
        {
            throw new ActionNotAllowedException("Only an administrator reads the audit log.");
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.AuditLog.AsQueryable();
        if (!string.IsNullOrEmpty(subjectType))
        {
            query = query.Where(a => a.SubjectType == subjectType);
        }
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, page) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.Actor != null ? a.Actor.DisplayName : null, a.Action, a.SubjectType,
                a.SubjectId, a.Description))
            .ToListAsync(ct);
        return new AuditPage(rows, total);
    }

    public static IReadOnlyList<string> SubjectTypes { get; } =
        ["request", "support", "team", "membership", "person", "import", "api-token", "webhook"];
}
