using MiniCode.Features.HealthCodes.Signing;

namespace MiniCode.Features.HealthCodes.Applications;

/// <summary>A tag of the code's subject shown in a verify answer: the kind's name only.</summary>
public sealed record DisclosedTag(long KindId, string Name);

/// <summary>
/// Extension point for the digital space (数字空间): the tags of a validly verified code's subject that this application
/// may see in its answer. Asked only for registered applications, never for scanner sessions, citizen scans or poster
/// check-ins. The default knows no tags.
/// </summary>
public interface ICodeTagDisclosure
{
    Task<IReadOnlyList<DisclosedTag>> ForAsync(CodeClaims claims, ApplicationGrant application, CancellationToken cancellationToken);
}

internal sealed class NoTagDisclosure : ICodeTagDisclosure
{
    public Task<IReadOnlyList<DisclosedTag>> ForAsync(CodeClaims claims, ApplicationGrant application, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DisclosedTag>>([]);
}
