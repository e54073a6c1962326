using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using ServantLeader.Domain.Webhooks;
using ServantLeader.Web.Api;
using ServantLeader.Web.Identity;

namespace ServantLeader.Web.Hosting;

/// <summary>
/// What connects the app to other tools: the REST API (personal-token authentication, JSON, problem answers, the
/// OpenAPI document) and the outgoing webhooks' settings.
/// </summary>
internal static class IntegrationsSetup
{
    public static WebApplicationBuilder AddServantLeaderIntegrations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        // Only the token counts under /api: a browser's cookie is ignored there, so no page can be made to call the API
        // on a signed-in person's behalf.
        services.AddAuthorizationBuilder().AddPolicy(Policies.Api, p => p
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(PersonClaims.PersonId));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddServantLeaderApiDocument();
        return builder;
    }

    /// <summary>
    /// Under /api, failures answer as problem JSON instead of the app's HTML pages. Runs inside the app-wide handlers,
    /// so it sees an error first.
    /// </summary>
    public static WebApplication UseApiProblems(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            // A query value the handler cannot bind (?weeks=abc) is thrown as BadHttpRequestException in Development
            // (RouteHandlerOptions.ThrowOnBadRequest) and answered 400 elsewhere: answer it with its own status in both.
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
            api.Use(LimitBodySize);
        });
        return app;
    }

    /// <summary>
    /// Refuses an API body larger than <see cref="ApiEndpoints.MaxBodyBytes"/> with 413: at once when its declared
    /// length says so, and through the server's own limit while it is read when the length is not declared (chunked).
    /// </summary>
    private static Task LimitBodySize(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > ApiEndpoints.MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ApiEndpoints.MaxBodyBytes;
        }
        return next(context);
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
