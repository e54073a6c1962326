using Microsoft.AspNetCore.HttpOverrides;
using Radzen;
using ServantLeader.Web.Components.Account;
using ServantLeader.Web.Components.Pages.Dashboard;

namespace ServantLeader.Web.Hosting;

internal static class UiSetup
{
    public static WebApplicationBuilder AddServantLeaderUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(o => o.DetailedErrors = false);
        builder.Services.AddRadzenComponents();
        // Validated when the app starts (see AddServantLeaderServices): a bad value stops the start with its name.
        builder.Services.Configure<Domain.Growth.GrowthOptions>(builder.Configuration.GetSection(Domain.Growth.GrowthOptions.Section));
        builder.Services.Configure<Domain.Dashboard.AcknowledgeTargetOptions>(builder.Configuration.GetSection(Domain.Dashboard.AcknowledgeTargetOptions.Section));
        builder.Services.Configure<Domain.Dashboard.FairnessOptions>(builder.Configuration.GetSection(Domain.Dashboard.FairnessOptions.Section));
        // A year, including subdomains: the app is only ever served over HTTPS outside Development.
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        return builder;
    }

    public static WebApplication UseServantLeaderPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // A friendly page in every environment: people never see a stack trace, the log has it.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseApiProblems();
        app.UseServantLeaderRequestLogging();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: the API write limit is keyed on the token that authenticated (and a request without a
        // valid token has already been answered 401), the sign-in limit on the endpoint routing chose.
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapServantLeaderEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<Components.App>()
            .AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapOverviewExport();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
