using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.ApiTokens;

/// <summary>
/// A person's own API tokens. A token acts as its owner and can do only what they can, checked by the same services
/// as the pages; nobody, Admins included, can see or revoke another person's tokens here.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time)
{
    public const int MaxActive = 10;
    public static readonly IReadOnlyList<int> Lifetimes = [7, 30, 90, 365];

    public async Task<IReadOnlyList<ApiTokenRow>> MineAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        return await db.ApiTokens
            .Where(t => t.PersonId == actor.PersonId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt,
                t.RevokedAt != null ? ApiTokenState.Revoked : t.ExpiresAt <= now ? ApiTokenState.Expired : ApiTokenState.Active))
            .ToListAsync(ct);
    }

    public async Task<NewApiToken> CreateAsync(Actor actor, ApiTokenDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var rules = new Rules();
        var name = rules.Text(nameof(draft.Name), draft.Name, ApiToken.NameLength, required: true, "A name", TextKind.Line);
        rules.Check(Lifetimes.Contains(draft.Days), nameof(draft.Days), "Choose how long the token lasts.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var active = await db.ApiTokens.CountAsync(t => t.PersonId == actor.PersonId && t.RevokedAt == null && t.ExpiresAt > now, ct);
        rules.Check(active < MaxActive, RuleViolationException.General,
            $"You have {MaxActive} active tokens, the most allowed. Revoke one you no longer use first.");
        rules.ThrowIfAny();

        var (token, plain) = ApiToken.Issue(actor.PersonId, name, now, now.AddDays(draft.Days));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, actor.PersonId, "api-token.created", "api-token", token.Id,
            $"API token {token.Prefix}… made, valid {draft.Days} days.", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new NewApiToken(token.Id, plain, token.ExpiresAt);
    }

    /// <exception cref="NotFoundException">It does not exist or belongs to someone else.</exception>
    public async Task RevokeAsync(Actor actor, int tokenId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.PersonId == actor.PersonId, ct)
                    ?? throw new NotFoundException();
        token.Revoke(time.GetUtcNow());
        AuditLog.Record(db, actor.PersonId, "api-token.revoked", "api-token", token.Id,
            $"API token {token.Prefix}… revoked.", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The owner of a presented token with their roles as they are now, or null when it is unknown, revoked, expired,
    /// or its owner is deactivated.
    /// Records when it was last used, at most once a minute, so a busy script does not write on every call.
    /// </summary>
    public async Task<ApiTokenOwner?> AuthenticateAsync(string presented, CancellationToken ct)
    {
        if (!presented.StartsWith(ApiToken.Marker, StringComparison.Ordinal) || presented.Length > 100)
        {
            return null;
        }
        var hash = ApiToken.HashOf(presented);
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var owner = await db.ApiTokens
            .Where(t => t.Hash == hash && t.RevokedAt == null && t.ExpiresAt > now && t.Person.IsActive)
            .Select(t => new
            {
                t.Id, t.PersonId, t.Person.UserId, t.LastUsedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == t.Person.UserId)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            return null;
        }
        if (owner.LastUsedAt is null || owner.LastUsedAt < now.AddMinutes(-1))
        {
            await db.ApiTokens.Where(t => t.Id == owner.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }
        return new ApiTokenOwner(owner.Id, owner.PersonId, owner.UserId, owner.Roles);
    }
}
