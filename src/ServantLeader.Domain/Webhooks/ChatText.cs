using System.Text;
using System.Text.RegularExpressions;

namespace ServantLeader.Domain.Webhooks;

/// <summary>
/// Makes text people wrote (names, credit messages) safe inside a message's <c>text</c>, which Slack reads as mrkdwn
/// and Mattermost and Rocket.Chat read as Markdown. The words stay readable; what would make them act is swapped for
/// a look-alike character:
/// <list type="bullet">
/// <item><c>&amp; &lt; &gt;</c> become entities (Slack's rule), so <c>&lt;!channel&gt;</c>, <c>&lt;@U123&gt;</c>,
/// <c>&lt;#C1&gt;</c> and <c>&lt;https://…|text&gt;</c> show as text;</item>
/// <item><c>@</c> becomes the full-width <c>＠</c>, so <c>@channel</c>, <c>@here</c>, <c>@all</c>, <c>@everyone</c> and
/// <c>@name</c> ping no one;</item>
/// <item><c>[ ]</c> become <c>［ ］</c>, so <c>[text](url)</c>, <c>![image](url)</c> and reference links are not links;</item>
/// <item>the colon of <c>://</c> becomes <c>：</c> and the dots of a dotted name (<c>www.example.org</c>,
/// <c>example.org</c>) become <c>․</c>, so a bare address is not turned into a link.</item>
/// </list>
/// </summary>
internal static partial class ChatText
{
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var undotted = DottedName().Replace(value, m => m.Value.Replace('.', '\u2024'));
        var text = new StringBuilder(undotted.Length + 16);
        foreach (var c in undotted)
        {
            text.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '@' => "\uFF20",
                '[' => "\uFF3B",
                ']' => "\uFF3D",
                _ => c.ToString(),
            });
        }
        return text.Replace("://", "\uFF1A//").ToString();
    }

    /// <summary>Two or more dot-separated labels ending in one of at least two letters: what chat tools take for a domain.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex DottedName();
}
