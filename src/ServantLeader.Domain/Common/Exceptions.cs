namespace ServantLeader.Domain.Common;

/// <summary>
/// The resource does not exist, or the actor may not see it. The two are deliberately indistinguishable,
/// so that probing ids reveals nothing about what exists.
/// </summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException() : base("Not found.") { }
    public NotFoundException(string message) : base(message) { }
    public NotFoundException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The actor can see the resource but may not do this to it.</summary>
public sealed class ActionNotAllowedException : Exception
{
    public ActionNotAllowedException() : base("You are not allowed to do that.") { }
    public ActionNotAllowedException(string message) : base(message) { }
    public ActionNotAllowedException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Someone else changed the resource after the actor loaded it.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : base("Someone else changed this while you were looking at it. Reload to see their change, then try again.") { }
    public ConcurrencyConflictException(string message) : base(message) { }
    public ConcurrencyConflictException(string message, Exception innerException) : base(message, innerException) { }
}
