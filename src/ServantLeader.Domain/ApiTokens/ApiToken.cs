using System.Security.Cryptography;
using System.Text;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.ApiTokens;

/// <summary>
/// A personal API token. Only its SHA-256 hash is stored: the token is 32 random bytes, so a fast hash is enough,
/// and a copy of the database does not let anyone call the API. The prefix is kept to tell tokens apart in the list.
/// </summary>
public sealed class ApiToken
{
    public const string Marker = "sl_";
    public const int NameLength = 60;
    public const int PrefixLength = 11;

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public string Prefix { get; private set; } = null!;
    public string Hash { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    private ApiToken() { }

    private ApiToken(int personId, string name, string token, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        PersonId = personId;
        Name = name;
        Prefix = token[..PrefixLength];
        Hash = HashOf(token);
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>A new token and its plain text, which exists only in this return value.</summary>
    internal static (ApiToken Token, string PlainText) Issue(int personId, string name, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var plain = Marker + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (new ApiToken(personId, name, plain, now, expiresAt), plain);
    }

    internal static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    internal void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
