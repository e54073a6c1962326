using ServantLeader.Domain.Growth;
using ServantLeader.Web.Components.Pages.Growth;

namespace ServantLeader.Web.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class OrgPictureLayoutTests
{
    /// <summary>A picture with <paramref name="perLevel"/> nodes on each level and an edge between neighbours.</summary>
    internal static OrgPictureView View(params int[] perLevel)
    {
        var nodes = new List<PictureNode>();
        var levels = new List<PictureLevel>();
        for (var level = 0; level < perLevel.Length; level++)
        {
            levels.Add(new PictureLevel(level, $"Level {level}"));
            for (var i = 0; i < perLevel[level]; i++)
            {
                nodes.Add(new PictureNode($"n{level}-{i}", PictureNodeKind.Person, $"Person with a rather long name {level}-{i}", level, "member",
                    new PictureCoverage(i % 3, 2), false, null, null));
            }
        }
        var edges = nodes.Zip(nodes.Skip(1), (a, b) => new PictureEdge(a.Key, b.Key, PictureEdgeKind.Support, 10 * a.Key.Length, 1, true)).ToList();
        return new OrgPictureView(PictureScope.Team, 1, "Team", new DateOnly(2026, 10, 22), new DateOnly(2026, 11, 18), 4, false, true,
            levels, nodes, edges, [], false);
    }

    public static TheoryData<double> Widths() => [390, 1440, OrgPictureLayout.Narrow, OrgPictureLayout.Wide];

    [Theory]
    [MemberData(nameof(Widths))]
    public void No_two_nodes_overlap_and_every_node_fits_across(double width)
    {
        var layout = OrgPictureLayout.Compute(View(37, 3, 1, 120), width);

        Assert.Equal(161, layout.Nodes.Count);
        foreach (var node in layout.Nodes)
        {
            Assert.InRange(node.X, 0, width - node.Width);
            Assert.InRange(node.Bottom, 0, layout.Height);
        }
        var nodes = layout.Nodes.ToList();
        for (var i = 0; i < nodes.Count; i++)
        {
            for (var j = i + 1; j < nodes.Count; j++)
            {
                var (a, b) = (nodes[i], nodes[j]);
                var apart = a.X + a.Width <= b.X || b.X + b.Width <= a.X || a.Bottom <= b.Y || b.Bottom <= a.Y;
                Assert.True(apart, $"{a.Node.Key} and {b.Node.Key} overlap at {width} px");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Levels_run_top_to_bottom_in_their_order_and_each_holds_its_nodes(double width)
    {
        var layout = OrgPictureLayout.Compute(View(12, 2, 1), width);

        for (var i = 1; i < layout.Levels.Count; i++)
        {
            Assert.Equal(layout.Levels[i - 1].Top + layout.Levels[i - 1].Height, layout.Levels[i].Top, 3);
        }
        foreach (var node in layout.Nodes)
        {
            var band = layout.Levels.Single(l => l.Level.Level == node.Node.Level);
            Assert.True(node.Y >= band.Top && node.Bottom <= band.Top + band.Height, $"{node.Node.Key} is outside its level");
        }
    }

    [Fact]
    public void A_phone_wraps_a_long_level_into_rows_and_a_desktop_keeps_more_in_a_row()
    {
        var narrow = OrgPictureLayout.Compute(View(8), 390);
        var wide = OrgPictureLayout.Compute(View(8), 1440);

        Assert.True(narrow.Nodes.Select(n => n.Y).Distinct().Count() > wide.Nodes.Select(n => n.Y).Distinct().Count());
        Assert.Single(wide.Nodes.Select(n => n.Y).Distinct());
    }

    [Fact]
    public void Labels_are_cut_to_fit_and_wider_edges_carry_more_minutes()
    {
        var layout = OrgPictureLayout.Compute(View(2), 390);

        Assert.All(layout.Nodes, n => Assert.True(n.Label.Length <= OrgPictureLayout.LabelLength(n.Width) + 1));
        Assert.EndsWith("…", layout.Nodes[0].Label, StringComparison.Ordinal);
        Assert.True(OrgPictureLayout.StrokeWidth(600, 600) > OrgPictureLayout.StrokeWidth(60, 600));
        Assert.Equal(OrgPictureLayout.StrokeWidth(null, 600), OrgPictureLayout.StrokeWidth(1, 1_000_000), 1);
        Assert.Equal("6 4", OrgPictureLayout.Dash(new PictureEdge("a", "b", PictureEdgeKind.PeerSupport, 5, 1, Confirmed: false)));
        Assert.Equal("", OrgPictureLayout.Dash(new PictureEdge("a", "b", PictureEdgeKind.PeerSupport, 5, 1, Confirmed: true)));
    }
}
