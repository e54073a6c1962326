using System.Globalization;

namespace ServantLeader.Web.Components.Shared;

/// <summary>
/// Reads numbers and flags from the address. Pages take query values as text and parse them here: a typed
/// [SupplyParameterFromQuery] that cannot parse ("?weeks=abc") fails the whole page with a 500.
/// </summary>
internal static class QueryValue
{
    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool Flag(string? text) => bool.TryParse(text, out var value) && value;
}
