namespace ServantLeader.Domain.Common;

/// <summary>
/// The fewest people a shown figure or answer may rest on: with fewer, a reader could tell who said or did what.
/// </summary>
public static class GroupSize
{
    public const int Minimum = 3;
}
