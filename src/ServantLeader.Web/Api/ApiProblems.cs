using ServantLeader.Domain.Common;

namespace ServantLeader.Web.Api;

/// <summary>
/// The domain's verdicts as HTTP answers: a broken rule is 400 with the field messages, something the caller may not
/// see is 404 (as in the UI, so probing ids reveals nothing), a refused action 403, a stale version 409.
/// </summary>
internal sealed class ApiProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RuleViolationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(e => e.Key, e => e.Value),
                title: "Some values are not valid.");
        }
        catch (NotFoundException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.");
        }
        catch (ActionNotAllowedException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: ex.Message);
        }
        catch (ConcurrencyConflictException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile.", detail: ex.Message);
        }
    }
}
