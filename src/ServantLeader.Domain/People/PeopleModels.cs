namespace ServantLeader.Domain.People;

public sealed class PersonDraft
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>Only for a new person, or for a reset: the first password, which they should change.</summary>
    public string Password { get; set; } = "";
    public bool IsHr { get; set; }
    public bool IsAdmin { get; set; }
}

public sealed record PersonRow(int Id, string DisplayName, string Email, bool IsActive, bool IsHr, bool IsAdmin,
    IReadOnlyList<string> Teams);

public sealed record PersonChoice(int Id, string DisplayName, string Email);

/// <summary>What the app needs to know about the signed-in person.</summary>
public sealed record PersonProfile(int Id, string DisplayName, string Email, bool IsActive, bool LeadsATeam, bool IsMemberOfATeam);
