using System.Globalization;
using System.Text;

namespace ServantLeader.Domain.Common;

/// <summary>
/// Every text the product stores goes through here: trimmed, length-limited and free of control characters
/// that could corrupt a display or a CSV export. Line breaks and tabs are kept because people write paragraphs.
/// </summary>
public static class TextRules
{
    public const int NameLength = 100;
    public const int TitleLength = 120;
    public const int DetailsLength = 4000;
    public const int NoteLength = 2000;
    public const int ReasonLength = 1000;
    public const int PurposeLength = 1000;
    public const int EmailLength = 254;

    /// <summary>
    /// Column size for a text limited to <paramref name="visibleLength"/> visible characters. One visible
    /// character (an emoji with skin tone and joiners, say) can take several code points, so storage allows for that.
    /// </summary>
    public static int StorageLength(int visibleLength) => visibleLength * 8;

    public readonly record struct Cleaned(string Value, string? Error);

    public static Cleaned Clean(string? value, int maxLength, bool required, string label)
    {
        var text = (value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            return required ? new(text, $"{label} is required.") : new(text, null);
        }

        // Count what a person sees (grapheme clusters), so an emoji is one character, not two or more.
        var length = new StringInfo(text).LengthInTextElements;
        if (length > maxLength)
        {
            return new(text, $"{label} can be at most {maxLength.ToString(CultureInfo.InvariantCulture)} characters (it has {length.ToString(CultureInfo.InvariantCulture)}).");
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) && rune.Value is not '\n' and not '\t')
            {
                return new(text, $"{label} contains an invisible control character. Remove it and try again.");
            }
            // Direction overrides and isolates can make text display differently from what is stored
            // (a known spoofing trick). Ordinary right-to-left writing does not need them.
            if (rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069))
            {
                return new(text, $"{label} contains an invisible text-direction character. Remove it and try again.");
            }
        }
        return new(text, null);
    }
}
