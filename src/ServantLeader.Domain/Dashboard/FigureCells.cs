namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The figures' cells by team and slice, as one family of statements computed them (<see cref="Builder"/>), or every
/// family's together (<see cref="Of"/>). Read-only once built, so families computed side by side share nothing.
/// </summary>
internal sealed class FigureCells
{
    private static readonly IReadOnlyDictionary<Measure, Cell> None = new Dictionary<Measure, Cell>();

    private readonly Dictionary<(int Team, int Bucket), Dictionary<Measure, Cell>> _cells;

    private FigureCells(Dictionary<(int Team, int Bucket), Dictionary<Measure, Cell>> cells) => _cells = cells;

    public IReadOnlyDictionary<Measure, Cell> For(int team, int bucket) =>
        _cells.TryGetValue((team, bucket), out var cells) ? cells : None;

    /// <summary>The families' cells together. Each family computes its own measures, so none overwrites another's.</summary>
    public static FigureCells Of(IEnumerable<FigureCells> families)
    {
        var all = new Dictionary<(int Team, int Bucket), Dictionary<Measure, Cell>>();
        foreach (var family in families)
        {
            foreach (var (key, cells) in family._cells)
            {
                if (!all.TryGetValue(key, out var into))
                {
                    all[key] = new Dictionary<Measure, Cell>(cells);
                    continue;
                }
                foreach (var (measure, cell) in cells)
                {
                    into[measure] = cell;
                }
            }
        }
        return new FigureCells(all);
    }

    /// <summary>Collects one family's cells as its statements' rows arrive; a later value of a cell replaces an earlier one.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<(int Team, int Bucket), Dictionary<Measure, Cell>> _cells = [];

        public IReadOnlyDictionary<Measure, Cell> For(int team, int bucket) =>
            _cells.TryGetValue((team, bucket), out var cells) ? cells : None;

        /// <summary>The teams with a whole-period cell, in the order their first one arrived.</summary>
        public IEnumerable<int> Teams => _cells.Keys.Where(k => k.Bucket == Bucket.Whole).Select(k => k.Team);

        public void Set(int team, int bucket, Measure measure, double? value, long people, double numerator = 0, double denominator = 0) =>
            Set(team, bucket, measure, new Cell(value, (int)people, numerator, denominator));

        public void Set(int team, int bucket, Measure measure, Cell cell)
        {
            if (!_cells.TryGetValue((team, bucket), out var cells))
            {
                _cells[(team, bucket)] = cells = [];
            }
            cells[measure] = cell;
        }

        public void SetRatio(int team, int bucket, Measure measure, long numerator, long denominator, long people, double sumOfSquares = 0) =>
            Set(team, bucket, measure, new Cell(Ratio(numerator, denominator), (int)people, numerator, denominator, sumOfSquares));

        /// <param name="basis">how many things the count rests on, when they are not what it counts (the entries behind hours).</param>
        public void SetCount(int team, int bucket, Measure measure, double count, long people, long? basis = null) =>
            Set(team, bucket, measure, count, people, count, basis ?? count);

        /// <summary>Hands the cells over; the builder is not used after this.</summary>
        public FigureCells Build() => new(_cells);

        private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;
    }
}
