namespace ServantLeader.Domain.Common;

/// <summary>
/// Who is acting. Leadership is not part of it: it comes from memberships, which are read from the database
/// on every check so that a change of team takes effect at once.
/// </summary>
public sealed record Actor(int PersonId, bool IsHr = false, bool IsAdmin = false)
{
    public const string HrRole = "HR";
    public const string AdminRole = "Admin";
}
