namespace MiniCode.Features.Errands;

/// <summary>
/// Extension point for the e-licences feature: which of the given licence binding ids the person holds (bound and not
/// removed). An authorisation shows only licences its grantor holds. The default knows no licences, so none is held.
/// </summary>
public interface IHeldLicences
{
    Task<IReadOnlySet<long>> HeldAsync(long personId, IReadOnlyCollection<long> bindingIds, CancellationToken cancellationToken);
}

internal sealed class NoHeldLicences : IHeldLicences
{
    public Task<IReadOnlySet<long>> HeldAsync(long personId, IReadOnlyCollection<long> bindingIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<long>>(new HashSet<long>());
}
