using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace ServantLeader.Web.Api;

/// <summary>
/// What each kind of route can answer besides success, declared once so that the OpenAPI document lists every status
/// a route can return (every API route may also answer 401, declared on the group).
/// </summary>
internal static class ApiContract
{
    /// <summary>operationId, summary and description: what a generated client names the call and shows its user.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder route, string operationId, string summary, string description) =>
        route.WithName(operationId).WithSummary(summary).WithDescription(description);

    /// <summary>A query value that is malformed (<c>?weeks=abc</c>) or out of its declared range: 400.</summary>
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder route) =>
        route.ProducesValidationProblem();

    /// <summary>One resource that the caller may not see, or that does not exist: 404, the same for both.</summary>
    public static RouteHandlerBuilder OfOne(this RouteHandlerBuilder route) =>
        route.ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>
    /// A change with a JSON body: 400 for broken rules or malformed JSON, 413 for a body over
    /// <see cref="ApiEndpoints.MaxBodyBytes"/>, 429 past the writes-per-minute limit, and 404 for a body that is not JSON:
    /// routing then finds no endpoint that accepts it, and the <c>/api</c> fallback answers.
    /// </summary>
    public static RouteHandlerBuilder Change(this RouteHandlerBuilder route) =>
        route.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>A change to an existing resource: 403 when you may see it but not do this, 409 when it changed since you read it.</summary>
    public static RouteHandlerBuilder Guarded(this RouteHandlerBuilder route) =>
        route.ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Someone changed it since you read it (the expected version is stale): 409.</summary>
    public static RouteHandlerBuilder Versioned(this RouteHandlerBuilder route) =>
        route.ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>
    /// Enforces the <see cref="RangeAttribute"/> on a handler's parameters, the same attribute the OpenAPI document reads
    /// for minimum and maximum: a value outside it is 400 naming the parameter, instead of being quietly clamped.
    /// </summary>
    public static TBuilder EnforceRanges<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var ranged = factory.MethodInfo.GetParameters()
                .Select(p => (Parameter: p, Range: p.GetCustomAttribute<RangeAttribute>()))
                .Where(p => p.Range is not null)
                .ToList();
            if (ranged.Count == 0)
            {
                return next;
            }
            return context =>
            {
                var errors = new Dictionary<string, string[]>();
                foreach (var (parameter, range) in ranged)
                {
                    if (context.Arguments[parameter.Position] is { } value && !range!.IsValid(value))
                    {
                        errors[parameter.Name!] = [string.Create(CultureInfo.InvariantCulture,
                            $"{parameter.Name} must be between {range.Minimum} and {range.Maximum}.")];
                    }
                }
                return errors.Count == 0
                    ? next(context)
                    : ValueTask.FromResult<object?>(TypedResults.ValidationProblem(errors, title: "Some values are not valid."));
            };
        });
}
