using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Infrastructure.Endpoints;

/// <summary>Marks an endpoint as part of the mini-program API, mapped through <see cref="ApiGroups.MapApiGroup"/>.</summary>
public sealed class ApiEndpointMetadata
{
    public static readonly ApiEndpointMetadata Instance = new();
    private ApiEndpointMetadata() { }
}

/// <summary>
/// Every mini-program API endpoint lives in a group made here, which gives it the request validation filter and
/// declares the errors its shape alone can cause (rate limit, body, validation, unparsable parameters). Errors of the
/// feature and of authentication are declared where the endpoints are mapped (<c>ProducesErrors</c>).
/// </summary>
public static class ApiGroups
{
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix)
    {
        var group = app.MapGroup(prefix);
        group.WithMetadata(ApiEndpointMetadata.Instance);
        // The validation filter only where a parameter validates itself: any filter factory at all puts an endpoint on
        // the filtered path, which wraps every request's arguments in an invocation context (show-code has none).
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is { } method && RequestValidation.HasValidatedParameters(method))
                endpoint.FilterFactories.Add(RequestValidation.Factory);
        });
        // Finally: the endpoint's own conventions (rate limits, accepted bodies) are in its metadata by then.
        ((IEndpointConventionBuilder)group).Finally(DeclareShapeErrors);
        return group;
    }

    private static void DeclareShapeErrors(EndpointBuilder endpoint)
    {
        var errors = new List<ErrorCode>();
        var method = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        if (endpoint.Metadata.OfType<EnableRateLimitingAttribute>().Any()) errors.Add(CommonErrors.RateLimited);
        if (endpoint.Metadata.OfType<IAcceptsMetadata>().Any())
            errors.AddRange([CommonErrors.MalformedBody, CommonErrors.UnsupportedMediaType, CommonErrors.BodyTooLarge]);
        if (method is not null && RequestValidation.HasValidatedParameters(method)) errors.Add(CommonErrors.ValidationFailed);
        if (method is not null && method.GetParameters().Any(p => IsParsed(p.ParameterType))) errors.Add(CommonErrors.BadRequest);
        // Added even when empty: every API endpoint then carries a declaration, which the contract test checks.
        endpoint.Metadata.Add(new ProducesErrorsMetadata(errors));
    }

    /// <summary>Route, query or header values parsed from text: a value that does not parse is a 400 <c>request.bad_request</c>.</summary>
    private static bool IsParsed(Type type) =>
        type != typeof(CancellationToken) && (type.IsValueType || type.IsArray);
}
