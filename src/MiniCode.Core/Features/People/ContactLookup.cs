namespace MiniCode.Features.People;

/// <summary>One of the caller's 常用联系人 as a form needs it (the ID number in clear, for the blind index).</summary>
public sealed record SavedContact(string Name, string IdNumber, string? Phone);

/// <summary>
/// Extension point for the contacts feature (常用联系人), used by the features whose forms a contact fills
/// (authorisations, appointments; each registers the default with TryAdd): the caller's own contact by id, or null
/// (also for another person's contact). The default finds nothing.
/// </summary>
public interface IContactLookup
{
    Task<SavedContact?> FindAsync(long accountId, long personId, long contactId, CancellationToken cancellationToken);
}

internal sealed class NoContacts : IContactLookup
{
    public Task<SavedContact?> FindAsync(long accountId, long personId, long contactId, CancellationToken cancellationToken) =>
        Task.FromResult<SavedContact?>(null);
}
