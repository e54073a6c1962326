using Microsoft.AspNetCore.Identity;

namespace ServantLeader.Domain.People;

/// <summary>Someone in the organisation. Signs in through the linked Identity user.</summary>
public sealed class Person
{
    public int Id { get; private set; }
    public string UserId { get; private set; } = null!;
    public IdentityUser User { get; private set; } = null!;
    public string DisplayName { get; private set; } = null!;
    public string Email { get; private set; } = null!;
    public bool IsActive { get; private set; } = true;
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The HR system's key, set by an org-chart import; people added by hand have none.</summary>
    public string? EmployeeId { get; private set; }

    /// <summary>Their manager in the HR system, as the last import said. Informational: leadership comes from teams.</summary>
    public int? ManagerId { get; private set; }

    private Person() { }

    internal Person(string userId, string displayName, string email, DateTimeOffset createdAt)
    {
        UserId = userId;
        DisplayName = displayName;
        Email = email;
        CreatedAt = createdAt;
    }

    internal void Rename(string displayName) => DisplayName = displayName;
    internal void ChangeEmail(string email) => Email = email;
    internal void Deactivate() => IsActive = false;
    internal void LinkEmployee(string employeeId) => EmployeeId = employeeId;
    internal void ReportTo(int? managerId) => ManagerId = managerId;
    internal void Reactivate() => IsActive = true;
}
