using System.Globalization;
using System.Text;

namespace ServantLeader.Domain.Common;

/// <summary>What a text is for, which decides the characters it may hold.</summary>
public enum TextKind
{
    /// <summary>Paragraphs people write: notes, details, answers, messages.</summary>
    Prose,

    /// <summary>One line that names or labels something (a person, a team, a title), shown in lists and menus.</summary>
    Line,
}

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
    /// The most code points one visible character may hold. The longest emoji people type (a family with skin tones)
    /// has 11 and scripts that stack marks need far fewer; beyond this a "character" is a pile of combining marks
    /// ("Zalgo" text) that spills over the lines around it and lets a short-looking text carry megabytes.
    /// </summary>
    public const int MaxCodePointsPerCharacter = 16;

    /// <summary>
    /// Column size for a text limited to <paramref name="visibleLength"/> visible characters. One visible
    /// character (an emoji with skin tone and joiners, say) can take several code points, so storage allows for that.
    /// It is counted in code points, as PostgreSQL counts <c>varchar(n)</c>, and <see cref="Clean"/> enforces it, so
    /// what is accepted always fits.
    /// </summary>
    public static int StorageLength(int visibleLength) => visibleLength * 8;

    public readonly record struct Cleaned(string Value, string? Error);

    public static Cleaned Clean(string? value, int maxLength, bool required, string label, TextKind kind = TextKind.Prose)
    {
        var text = (value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            return required ? new(text, $"{label} is required.") : new(text, null);
        }
        if (IsInvisible(text))
        {
            // Zero-width spaces and blank-looking letters pass a plain "is it empty?" check and then show as nothing.
            return new(text, required
                ? $"{label} is required: what was typed has only invisible characters."
                : $"{label} has only invisible characters. Write something or leave it empty.");
        }

        // Count what a person sees (grapheme clusters), so an emoji is one character, not two or more.
        var length = new StringInfo(text).LengthInTextElements;
        if (length > maxLength)
        {
            return new(text, $"{label} can be at most {Number(maxLength)} characters (it has {Number(length)}).");
        }

        var codePoints = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var runes = 0;
            var first = true;
            foreach (var rune in element.EnumerateRunes())
            {
                runes++;
                var problem = Problem(rune, first, element, kind);
                if (problem is not null)
                {
                    return new(text, $"{label} {problem} Remove it and try again.");
                }
                first = false;
            }
            if (runes > MaxCodePointsPerCharacter)
            {
                return new(text, $"{label} has a character with {Number(runes - 1)} accents or marks stacked on it. Remove the extra marks and try again.");
            }
            codePoints += runes;
        }

        // The visible count alone can be met by a text far larger than anything a person writes; the stored size is capped too.
        if (codePoints > StorageLength(maxLength))
        {
            return new(text, $"{label} is too long to store: its {Number(length)} characters are made of {Number(codePoints)} symbols and marks, at most {Number(StorageLength(maxLength))}.");
        }
        return new(text, null);
    }

    private static string? Problem(Rune rune, bool firstInCharacter, string element, TextKind kind)
    {
        if (Rune.IsControl(rune) && rune.Value is not '\n' and not '\t')
        {
            return "contains an invisible control character.";
        }
        // Direction overrides and isolates can make text display differently from what is stored
        // (a known spoofing trick). Ordinary right-to-left writing does not need them.
        if (rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069))
        {
            return "contains an invisible text-direction character.";
        }
        if (kind == TextKind.Line)
        {
            if (rune.Value == '\n' || rune.Value == '\t')
            {
                return "must be one line: it contains a line break or a tab.";
            }
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format && !HasUse(rune, firstInCharacter, element))
            {
                // Zero-width spaces, soft hyphens and joiners out of place make two names that look the same differ.
                return $"contains an invisible formatting character (U+{rune.Value:X4}).";
            }
        }
        return null;
    }

    /// <summary>
    /// The format characters a name or title needs: joiners inside a character (emoji sequences, and the non-joiner
    /// that Persian and Indic spellings rely on) and the tags of a regional flag emoji.
    /// </summary>
    private static bool HasUse(Rune rune, bool firstInCharacter, string element) => rune.Value switch
    {
        0x200C or 0x200D => !firstInCharacter,
        >= 0xE0020 and <= 0xE007F => !firstInCharacter && Rune.GetRuneAt(element, 0).Value == 0x1F3F4,
        _ => false,
    };

    /// <summary>True when nothing in the text shows: white space, format characters and letters drawn blank.</summary>
    private static bool IsInvisible(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var blank = Rune.IsWhiteSpace(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control
                // Characters that are letters or symbols by category yet are drawn as nothing.
                || rune.Value is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x2800 or 0x3164 or 0xFFA0;
            if (!blank)
            {
                return false;
            }
        }
        return true;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
