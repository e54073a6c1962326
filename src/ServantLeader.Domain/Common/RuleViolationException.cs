namespace ServantLeader.Domain.Common;

/// <summary>
/// The input breaks one or more domain rules. Each message is keyed by the name of the field it belongs to
/// (or <see cref="General"/>), so the UI can show it next to that field.
/// </summary>
public sealed class RuleViolationException : Exception
{
    public const string General = "";

    public RuleViolationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public RuleViolationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public RuleViolationException()
        : this(General, "The input is not valid.")
    {
    }

    public RuleViolationException(string message)
        : this(General, message)
    {
    }

    public RuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]> { [General] = [message] };
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
