using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using ServantLeader.Domain.Webhooks;

namespace ServantLeader.Web.Api;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, made exact: what the handlers declare (names, statuses, bounds) is
/// what the document says, and nothing in it is taken from the request that asked for it.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";
    public const string Route = "/openapi/{documentName}.json";

    public static IServiceCollection AddServantLeaderApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, context, _) =>
            {
                var publicUrl = context.ApplicationServices.GetRequiredService<IOptions<WebhookOptions>>().Value.PublicUrl;
                Describe(document, publicUrl);
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, _, _) =>
            {
                NumbersOnly(schema);
                return Task.CompletedTask;
            });
        });

    private static void Describe(OpenApiDocument document, Uri? publicUrl)
    {
        document.Info.Title = "ServantLeader API";
        document.Info.Description = "Requests for help, support, check-ins and dashboard figures, with the same " +
                                    "rights as in the app. Authenticate with a personal API token as a Bearer token. " +
                                    "Failures are problem details (RFC 9457); 404 also means that you may not see it.";
        // The API belongs to the organisation that runs this copy of ServantLeader, not to its authors.
        document.Info.Contact = new OpenApiContact { Name = "The administrators of this ServantLeader", Url = publicUrl };
        // The framework fills the server from the request's own Host and scheme, which a client or proxy chooses. The
        // configured public address is the only one stated; without it, no server is named, so a client uses the
        // address it read the document from.
        document.Servers = publicUrl is null
            ? []
            : [new OpenApiServer { Url = publicUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'), Description = "This ServantLeader." }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["token"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal API token (sl_…), made on the API tokens page.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("token", document)] = [] }];
    }

    /// <summary>
    /// The web JSON defaults read a number from a string too ("3"), so the generated schemas say integer-or-string with
    /// a digits pattern. The API answers with numbers and documents numbers; the lenient reading stays as it was.
    /// </summary>
    private static void NumbersOnly(OpenApiSchema schema)
    {
        if (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }
}
