using System.Globalization;
using ServantLeader.Domain.Growth;

namespace ServantLeader.Web.Components.Pages.Growth;

public sealed record LaidLevel(PictureLevel Level, double Top, double Height);

public sealed record LaidNode(PictureNode Node, double X, double Y, double Width, double Height, string Label)
{
    public double CenterX => X + Width / 2;
    public double Bottom => Y + Height;
}

/// <summary>An edge as an SVG path, its stroke width and dash pattern (empty for solid).</summary>
public sealed record LaidEdge(PictureEdge Edge, string Path, double StrokeWidth, string Dash);

public sealed record PictureLayout(double Width, double Height, IReadOnlyList<LaidLevel> Levels, IReadOnlyList<LaidNode> Nodes, IReadOnlyList<LaidEdge> Edges);

/// <summary>
/// Where every node and edge of the picture goes, for a given drawing width. Each level is a band, top to bottom in
/// the order of the levels (the people who do the work first); a level with more nodes than fit across wraps into
/// rows, each row centred. Edges between levels are straight lines from the upper node's bottom to the lower node's
/// top; edges within a level (peer support, mentoring) arc above the row so they do not run through other nodes.
/// The geometry lives here, not in the markup, so that it can be tested: nodes never overlap at any width.
/// </summary>
public static class OrgPictureLayout
{
    /// <summary>The two widths the page draws: one for phones (about 390 px), one for desktops (1440 px).</summary>
    public const double Narrow = 360;
    public const double Wide = 1200;

    private const double Margin = 12;
    private const double Gap = 14;
    private const double RowGap = 26;
    private const double LevelLabel = 26;
    private const double LevelPadding = 14;
    private const double NodeHeight = 48;
    private const double ThinStroke = 1.5;
    private const double ThickStroke = 10;

    /// <summary>About how many characters of a name fit in a node, at the page's 12 px label font.</summary>
    public static int LabelLength(double nodeWidth) => (int)((nodeWidth - 12) / 7);

    public static PictureLayout Compute(OrgPictureView view, double width)
    {
        var nodeWidth = width < 600 ? 156 : 136;
        var perRow = Math.Max(1, (int)((width - 2 * Margin + Gap) / (nodeWidth + Gap)));
        var laid = new List<LaidNode>();
        var levels = new List<LaidLevel>();
        var top = 0.0;
        foreach (var level in view.Levels)
        {
            var nodes = view.Nodes.Where(n => n.Level == level.Level).ToList();
            var rows = Math.Max(1, (nodes.Count + perRow - 1) / perRow);
            var y = top + LevelLabel + LevelPadding;
            for (var row = 0; row < rows; row++)
            {
                var inRow = nodes.Skip(row * perRow).Take(perRow).ToList();
                var rowWidth = inRow.Count * nodeWidth + Math.Max(0, inRow.Count - 1) * Gap;
                var x = (width - rowWidth) / 2;
                foreach (var node in inRow)
                {
                    laid.Add(new LaidNode(node, x, y, nodeWidth, NodeHeight, Truncate(node.Name, LabelLength(nodeWidth))));
                    x += nodeWidth + Gap;
                }
                y += NodeHeight + RowGap;
            }
            var height = y - RowGap + LevelPadding - top;
            levels.Add(new LaidLevel(level, top, height));
            top += height;
        }

        var byKey = laid.ToDictionary(n => n.Node.Key, StringComparer.Ordinal);
        var most = view.Edges.Where(e => e.Minutes is > 0).Select(e => e.Minutes!.Value).DefaultIfEmpty(1).Max();
        var edges = view.Edges
            .Where(e => byKey.ContainsKey(e.From) && byKey.ContainsKey(e.To))
            .Select(e => new LaidEdge(e, PathOf(byKey[e.From], byKey[e.To]), StrokeWidth(e.Minutes, most), Dash(e)))
            .ToList();
        return new PictureLayout(width, Math.Max(top, 1), levels, laid, edges);
    }

    /// <summary>Width grows with the square root of the minutes, so an hour still shows beside a week of support.</summary>
    public static double StrokeWidth(int? minutes, int most) =>
        minutes is > 0 ? Math.Round(ThinStroke + (ThickStroke - ThinStroke) * Math.Sqrt((double)minutes.Value / Math.Max(1, most)), 1) : ThinStroke;

    /// <summary>The dash of each kind of edge: the legend names them, so the kind never rests on colour alone.</summary>
    public static string Dash(PictureEdge edge) => edge.Kind switch
    {
        PictureEdgeKind.PeerSupport when !edge.Confirmed => "6 4",
        PictureEdgeKind.Mentoring => "1 4",
        PictureEdgeKind.ReportsTo => "2 2",
        _ => "",
    };

    private static string PathOf(LaidNode a, LaidNode b)
    {
        if (Math.Abs(a.Y - b.Y) < 0.5)
        {
            // The same row: an arc above it, higher for nodes further apart.
            var lift = Math.Min(RowGap - 4, 8 + Math.Abs(a.CenterX - b.CenterX) / 20);
            return $"M {N(a.CenterX)} {N(a.Y)} Q {N((a.CenterX + b.CenterX) / 2)} {N(a.Y - lift)} {N(b.CenterX)} {N(b.Y)}";
        }
        var (upper, lower) = a.Y < b.Y ? (a, b) : (b, a);
        return $"M {N(upper.CenterX)} {N(upper.Bottom)} L {N(lower.CenterX)} {N(lower.Y)}";
    }

    public static string Truncate(string text, int length) =>
        System.Globalization.StringInfo.ParseCombiningCharacters(text) is { } starts && starts.Length > length
            ? text[..starts[length - 1]] + "…"
            : text;

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
