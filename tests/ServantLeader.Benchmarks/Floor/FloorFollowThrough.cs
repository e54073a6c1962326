namespace ServantLeader.Benchmarks.Floor;

internal static class FloorFollowThrough
{
    public static Task ReadAsync(FloorContext context, FloorResult into) => Task.CompletedTask;
}
