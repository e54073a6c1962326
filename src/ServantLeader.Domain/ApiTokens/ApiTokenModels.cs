namespace ServantLeader.Domain.ApiTokens;

public sealed class ApiTokenDraft
{
    public string Name { get; set; } = "";
    public int Days { get; set; } = 90;
}

public enum ApiTokenState
{
    Active,
    Expired,
    Revoked,
}

public sealed record ApiTokenRow(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, ApiTokenState State);

/// <summary>The token's plain text: shown once, right after it is made.</summary>
public sealed record NewApiToken(int Id, string Token, DateTimeOffset ExpiresAt);

/// <summary>Who a presented token speaks for, with their current roles.</summary>
public sealed record ApiTokenOwner(int TokenId, int PersonId, string UserId, IReadOnlyList<string> Roles);
