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
