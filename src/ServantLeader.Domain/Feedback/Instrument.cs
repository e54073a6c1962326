namespace ServantLeader.Domain.Feedback;

/// <summary>
/// A questionnaire: statements rated on a 1–7 agreement scale, each measuring one dimension, and an optional
/// open question. Once a round has used it, it no longer changes, so results stay comparable.
/// </summary>
public sealed class Instrument
{
    public const int MinScore = 1;
    public const int MaxScore = 7;

    private readonly List<InstrumentItem> _items = [];

    public int Id { get; private set; }
    public string Name { get; private set; } = null!;
    public string? OpenQuestion { get; private set; }
    public bool IsDefault { get; private set; }

    /// <summary>Set on the instruments the product seeds at start, so a start can tell whether one is there already.</summary>
    public string? SeedKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<InstrumentItem> Items => _items;

    private Instrument() { }

    internal Instrument(string name, string? openQuestion, bool isDefault, DateTimeOffset now)
    {
        Name = name;
        OpenQuestion = openQuestion;
        IsDefault = isDefault;
        CreatedAt = now;
    }

    internal void MarkSeeded(string key) => SeedKey = key;

    /// <summary>Another instrument becomes the one new rounds start from; this one stays as it is for its rounds.</summary>
    internal void StopBeingDefault() => IsDefault = false;

    internal void Rewrite(string name, string? openQuestion, IEnumerable<(ServantDimension Dimension, string Text)> items)
    {
        Name = name;
        OpenQuestion = openQuestion;
        _items.Clear();
        var order = 0;
        foreach (var (dimension, text) in items)
        {
            _items.Add(new InstrumentItem(dimension, text, order++));
        }
    }
}

public sealed class InstrumentItem
{
    public int Id { get; private set; }
    public int InstrumentId { get; private set; }
    public ServantDimension Dimension { get; private set; }
    public string Text { get; private set; } = null!;
    public int Order { get; private set; }

    private InstrumentItem() { }

    internal InstrumentItem(ServantDimension dimension, string text, int order)
    {
        Dimension = dimension;
        Text = text;
        Order = order;
    }
}
