using System.Net;
using System.Net.Sockets;

namespace ServantLeader.Domain.Webhooks;

/// <summary>
/// Which addresses a webhook may not reach: everything that is not the public internet. A delivery history that shows
/// "connection refused" or "200" for an address inside the server's network would turn webhooks into a port scanner
/// for whoever can register one, and a signed POST to 169.254.169.254 can reach a cloud's metadata service.
/// </summary>
public static class NonPublicAddress
{
    /// <summary>What kind of non-public address this is ("loopback", "private network", …), or null for a public one.</summary>
    public static string? KindOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return KindOf(address.MapToIPv4());
        }
        var b = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork ? KindOfV4(b) : KindOfV6(b);
    }

    private static string? KindOfV4(byte[] b) => b switch
    {
        [0, ..] => "this network",
        [10, ..] => "private network",
        [100, >= 64 and <= 127, ..] => "shared carrier-grade NAT network",
        [127, ..] => "loopback",
        [169, 254, ..] => "link-local",
        [172, >= 16 and <= 31, ..] => "private network",
        [192, 0, 0, _] => "protocol assignments",
        [192, 168, ..] => "private network",
        [198, 18 or 19, ..] => "benchmarking network",
        [255, 255, 255, 255] => "broadcast",
        [>= 224 and <= 239, ..] => "multicast",
        [>= 240, ..] => "reserved",
        _ => null,
    };

    private static string? KindOfV6(byte[] b)
    {
        if (b.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0)
        {
            return b[15] switch { 0 => "unspecified", 1 => "loopback", _ => KindOfV4(b[12..]) ?? "IPv4-compatible" };
        }
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            // ::a.b.c.d, the obsolete IPv4-compatible form: never a real destination.
            return KindOfV4(b[12..]) ?? "IPv4-compatible";
        }
        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..])
        {
            // NAT64 (64:ff9b::/96): the gateway forwards to the IPv4 address in the last four bytes.
            return KindOfV4(b[12..]);
        }
        if (b is [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ..])
        {
            return "local NAT64";
        }
        if (b is [0x20, 0x02, ..])
        {
            // 6to4 (2002::/16) carries an IPv4 address in bytes 2–5.
            return KindOfV4(b[2..6]);
        }
        if (b is [0x01, 0x00, 0, 0, 0, 0, 0, 0, ..])
        {
            return "discard-only";
        }
        return b[0] switch
        {
            0xfe when (b[1] & 0xc0) == 0x80 => "link-local",
            0xfe when (b[1] & 0xc0) == 0xc0 => "site-local",
            0xfc or 0xfd => "unique local (private network)",
            0xff => "multicast",
            _ => null,
        };
    }
}
