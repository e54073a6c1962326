namespace ServantLeader.Domain.Common;

/// <summary>Someone else changed the resource after the actor loaded it.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : base("Someone else changed this while you were looking at it. Reload to see their change, then try again.") { }
    public ConcurrencyConflictException(string message) : base(message) { }
    public ConcurrencyConflictException(string message, Exception innerException) : base(message, innerException) { }
}
