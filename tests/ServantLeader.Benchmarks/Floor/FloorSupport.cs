namespace ServantLeader.Benchmarks.Floor;

internal static class FloorSupport
{
    public static Task ReadAsync(FloorContext context, FloorResult into) => Task.CompletedTask;
}
