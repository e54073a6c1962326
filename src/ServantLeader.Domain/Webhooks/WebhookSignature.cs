using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServantLeader.Domain.Webhooks;

/// <summary>
/// HMAC-SHA256 over "{timestamp}.{body}" with the endpoint's secret. The timestamp is in the signed text so a receiver
/// can refuse old messages replayed later; docs/api.md shows how to check both.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-ServantLeader-Signature";
    public const string TimestampHeader = "X-ServantLeader-Timestamp";
    public const string EventHeader = "X-ServantLeader-Event";
    public const string DeliveryHeader = "X-ServantLeader-Delivery";
    public const string Scheme = "v1=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: constant-time comparison, and a bound on the timestamp's age.</summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || signatureHeader is null
            || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }

    internal static string NewSecret() => "whsec_" + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
