using System.Reflection;

namespace MiniCode.Infrastructure.Errors;

/// <summary>
/// A request (JSON body or <c>[AsParameters]</c> query) that checks its own fields. The validation filter runs it before
/// the handler and answers 400 <c>request.validation_failed</c> with per-field <c>errors</c>; the handler only sees valid input.
/// </summary>
public interface IValidatable
{
    /// <summary>Adds an error per bad field. <paramref name="services"/> are the request's, for rules that are configuration.</summary>
    void Validate(InputValidator errors, IServiceProvider services);
}

/// <summary>The one place requests are validated: an endpoint filter on every API group (see <c>ApiGroups</c>).</summary>
public static class RequestValidation
{
    /// <summary>Added by <c>ApiGroups</c> only to endpoints with an <see cref="IValidatable"/> parameter; others get no filter at all.</summary>
    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var positions = ValidatedParameters(context.MethodInfo);
        if (positions.Length == 0) return next;
        return async invocation =>
        {
            var errors = new InputValidator();
            foreach (var i in positions)
                if (invocation.Arguments[i] is IValidatable request) request.Validate(errors, invocation.HttpContext.RequestServices);
            return errors.IsValid ? await next(invocation) : errors.ToProblem();
        };
    }

    /// <summary>Whether <paramref name="request"/> passes its own checks (a hot path hands an invalid one on to the filter).</summary>
    public static bool IsValid(IValidatable request, IServiceProvider services)
    {
        var errors = new InputValidator();
        request.Validate(errors, services);
        return errors.IsValid;
    }

    public static bool HasValidatedParameters(MethodInfo method) => ValidatedParameters(method).Length > 0;

    private static int[] ValidatedParameters(MethodInfo method) =>
        method.GetParameters().Select((p, i) => (p, i)).Where(x => typeof(IValidatable).IsAssignableFrom(x.p.ParameterType)).Select(x => x.i).ToArray();
}
