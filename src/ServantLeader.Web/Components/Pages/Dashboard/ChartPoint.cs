namespace ServantLeader.Web.Components.Pages.Dashboard;

/// <summary>One labelled value as the dashboard's charts plot it.</summary>
internal sealed record ChartPoint(string Label, double Value);
