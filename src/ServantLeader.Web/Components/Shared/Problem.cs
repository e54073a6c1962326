using ServantLeader.Domain.Common;

namespace ServantLeader.Web.Components.Shared;

/// <summary>The message a person should see for an expected failure; null for a bug, which must surface as an error.</summary>
internal static class Problem
{
    public static string? MessageFor(Exception exception) => exception switch
    {
        RuleViolationException rules => rules.Message,
        ActionNotAllowedException notAllowed => notAllowed.Message,
        ConcurrencyConflictException conflict => conflict.Message,
        NotFoundException => "This no longer exists, or it isn't yours to see.",
        _ => null,
    };
}
