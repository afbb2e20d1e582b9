namespace MiniCode.Features.Errands;

/// <summary>
/// Extension point for the e-licences feature: which of the given licence binding ids the person holds (bound and not
/// removed). An authorisation shows only licences its grantor holds. The default knows no licences, so none is held.
/// </summary>
public interface IHeldLicences
{
    Task<IReadOnlySet<long>> HeldAsync(long personId, IReadOnlyCollection<long> bindingIds, CancellationToken cancellationToken);
}

/// <summary>One of the caller's 常用联系人, as an authorisation needs it (the ID number in clear, for the blind index).</summary>
public sealed record ErrandContact(string Name, string IdNumber, string? Phone);

/// <summary>
/// Extension point for the contacts feature (常用联系人): the caller's own contact by id, or null (also for another
/// person's contact). The default finds nothing.
/// </summary>
public interface IContactLookup
{
    Task<ErrandContact?> FindAsync(long accountId, long personId, long contactId, CancellationToken cancellationToken);
}

internal sealed class NoHeldLicences : IHeldLicences
{
    public Task<IReadOnlySet<long>> HeldAsync(long personId, IReadOnlyCollection<long> bindingIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<long>>(new HashSet<long>());
}

internal sealed class NoContacts : IContactLookup
{
    public Task<ErrandContact?> FindAsync(long accountId, long personId, long contactId, CancellationToken cancellationToken) =>
        Task.FromResult<ErrandContact?>(null);
}
