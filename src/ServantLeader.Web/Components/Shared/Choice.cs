namespace ServantLeader.Web.Components.Shared;

/// <summary>An option in a drop-down: the value and what a person reads.</summary>
public sealed record Choice<T>(T Value, string Text);
