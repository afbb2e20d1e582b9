using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes.Applications;

/// <summary>
/// <c>POST /api/codes</c> (生成权限): a registered application asks for the code of one of its own subjects.
/// <paramref name="SubjectRef"/> is the application's own identifier of the subject (its venue number, say); the pair
/// (application, subjectRef) names the subject, so no application can reach another's subjects or a citizen's.
/// The first call registers the subject from <paramref name="Subject"/> (required then, ignored afterwards: staff
/// correct subjects in the admin); every call answers the subject's current code.
/// </summary>
public sealed record GenerateCodeRequest(string? Category, string? SubjectRef, GenerateSubject? Subject) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v
        .Required(Category, "category", "码分类", 40)
        .Required(SubjectRef, "subjectRef", "主体编号", 64)
        .Check(SubjectRef is null || SubjectRef.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'), "subjectRef", "主体编号只能包含字母、数字和 - _ .");
}

/// <summary>The subject's facts at its first registration (a venue: name, address, region, type, contact).</summary>
public sealed record GenerateSubject(string? Name, string? Address, string? RegionCode, string? VenueType, string? ContactName, string? ContactPhone);

/// <param name="Created">True when this call registered the subject.</param>
/// <param name="SubjectId">The platform's id of the subject (a poster's id), for support.</param>
public sealed record GeneratedCode(string Category, string SubjectRef, long SubjectId, string Payload, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, bool Created);

/// <summary>
/// Extension point: a feature that can issue codes of one 码分类 to an application's own subjects registers one
/// (<c>services.AddApplicationCodeIssuer&lt;T&gt;()</c>); a category without one answers <c>codes.generation_unsupported</c>.
/// </summary>
public interface IApplicationCodeIssuer
{
    string Category { get; }

    /// <summary>Validates <see cref="GenerateCodeRequest.Subject"/> when it registers a subject (400 with field errors).</summary>
    Task<GeneratedCode> IssueAsync(ApplicationGrant application, GenerateCodeRequest request, CancellationToken cancellationToken);
}

public static class ApplicationCodeIssuerRegistration
{
    public static IServiceCollection AddApplicationCodeIssuer<T>(this IServiceCollection services) where T : class, IApplicationCodeIssuer
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IApplicationCodeIssuer, T>());
        return services;
    }
}
