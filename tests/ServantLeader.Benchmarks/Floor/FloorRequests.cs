namespace ServantLeader.Benchmarks.Floor;

internal static class FloorRequests
{
    public static Task ReadAsync(FloorContext context, FloorResult into) => Task.CompletedTask;
}
