namespace ServantLeader.Benchmarks.Floor;

internal static class FloorCheckIns
{
    public static Task ReadAsync(FloorContext context, FloorResult into) => Task.CompletedTask;
}
