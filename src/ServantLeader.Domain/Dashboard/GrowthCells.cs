namespace ServantLeader.Domain.Dashboard;

/// <summary>The growth figures' cells by team and slice, filled as the statements' rows arrive.</summary>
internal sealed class GrowthCells
{
    private static readonly IReadOnlyDictionary<GrowthMeasure, Cell> None = new Dictionary<GrowthMeasure, Cell>();

    private readonly Dictionary<(int Team, int Bucket), Dictionary<GrowthMeasure, Cell>> _cells = [];

    /// <summary>The families' cells together. Each family computes its own measures, so none overwrites another's.</summary>
    public static GrowthCells Of(IEnumerable<GrowthCells> families)
    {
        var all = new GrowthCells();
        foreach (var family in families)
        {
            foreach (var ((team, bucket), cells) in family._cells)
            {
                foreach (var (measure, cell) in cells)
                {
                    all.Set(team, bucket, measure, cell);
                }
            }
        }
        return all;
    }

    public IReadOnlyDictionary<GrowthMeasure, Cell> For(int team, int bucket) =>
        _cells.TryGetValue((team, bucket), out var cells) ? cells : None;

    public Cell Of(int team, int bucket, GrowthMeasure measure) =>
        For(team, bucket).TryGetValue(measure, out var cell) ? cell : new Cell(null, 0);

    /// <summary>The teams with a whole-period cell.</summary>
    public IEnumerable<int> Teams => _cells.Keys.Where(k => k.Bucket == Bucket.Whole).Select(k => k.Team).Distinct();

    public void Count(int team, int bucket, GrowthMeasure measure, double count, long people) =>
        Set(team, bucket, measure, new Cell(count, (int)people, count));

    public void Ratio(int team, int bucket, GrowthMeasure measure, long numerator, long denominator, long people) =>
        Set(team, bucket, measure, new Cell(denominator == 0 ? null : (double)numerator / denominator, (int)people, numerator, denominator));

    private void Set(int team, int bucket, GrowthMeasure measure, Cell cell)
    {
        if (!_cells.TryGetValue((team, bucket), out var cells))
        {
            _cells[(team, bucket)] = cells = [];
        }
        cells[measure] = cell;
    }
}
