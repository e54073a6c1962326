using ServantLeader.Domain.Dashboard;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>The page's tooltips and docs/metrics.md say the same thing about every figure.</summary>
[Trait("Area", "Dashboard")]
public sealed class MetricsDocumentTests
{
    [Fact]
    public void Every_figure_is_defined_in_metrics_md_in_the_words_of_its_tooltip()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ServantLeader.sln")))
        {
            directory = directory.Parent;
        }
        Assert.NotNull(directory);
        var document = File.ReadAllText(Path.Combine(directory.FullName, "docs", "metrics.md"));

        Assert.Equal(Enum.GetValues<Measure>().Length, Measures.All.Count);
        foreach (var definition in Measures.All)
        {
            Assert.Contains($"| {definition.Name} | {definition.Definition} |", document, StringComparison.Ordinal);
        }
    }
}
