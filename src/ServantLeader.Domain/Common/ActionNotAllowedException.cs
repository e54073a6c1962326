namespace ServantLeader.Domain.Common;

/// <summary>The actor can see the resource but may not do this to it.</summary>
public sealed class ActionNotAllowedException : Exception
{
    public ActionNotAllowedException() : base("You are not allowed to do that.") { }
    public ActionNotAllowedException(string message) : base(message) { }
    public ActionNotAllowedException(string message, Exception innerException) : base(message, innerException) { }
}
