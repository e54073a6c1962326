namespace ServantLeader.Domain.Common;

/// <summary>
/// Collects rule violations so that a form shows every problem at once instead of one per submit.
/// </summary>
public sealed class Rules
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public void Check(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }
    }

    /// <summary>
    /// Validates and normalises a text field; returns the cleaned value, or "" when it breaks a rule, so that a check
    /// made before <see cref="ThrowIfAny"/> (is this name taken?) never sends a refused text to the database.
    /// </summary>
    public string Text(string field, string? value, int maxLength, bool required, string label, TextKind kind = TextKind.Prose)
    {
        var result = TextRules.Clean(value, maxLength, required, label, kind);
        if (result.Error is not null)
        {
            Add(field, result.Error);
            return "";
        }
        return result.Value;
    }

    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            throw new RuleViolationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
