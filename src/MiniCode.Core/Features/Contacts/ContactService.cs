using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Concurrency;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Contacts;

/// <summary>
/// 常用联系人 of a person: at most <see cref="ContactsOptions.MaxPerPerson"/>, one per ID number, another person's is "not
/// found". As <see cref="IContactLookup"/> it fills authorisations and appointments (contacts are the person's, so every
/// account of the person finds them).
/// </summary>
public sealed class ContactService(MiniCodeDbContext db, RealNameService realNames, PersonalDataProtector protector, KeyedLocks locks,
    IOptions<ContactsOptions> options, TimeProvider time) : IContactLookup
{
    public async Task<IReadOnlyList<ContactView>> ListAsync(long ownerPersonId, CancellationToken ct) =>
        (await db.Set<Contact>().AsNoTracking().Where(c => c.OwnerPersonId == ownerPersonId).OrderBy(c => c.Id).ToListAsync(ct)).Select(ToView).ToList();

    public async Task<ContactView> GetAsync(long ownerPersonId, long id, CancellationToken ct) => ToView(await FindAsync(ownerPersonId, id, ct));

    /// <summary>The contact decrypted, or null when it is not the owner's.</summary>
    public async Task<SavedContact?> FindAsync(long accountId, long personId, long contactId, CancellationToken ct) =>
        await db.Set<Contact>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId && c.OwnerPersonId == personId, ct) is { } c
            ? new SavedContact(c.Name, protector.Decrypt(c.DocumentCipher), c.PhoneCipher is { } p ? protector.Decrypt(p) : null)
            : null;

    public async Task<ContactView> AddAsync(long ownerPersonId, ContactRequest r, CancellationToken ct)
    {
        var max = options.Value.MaxPerPerson;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One owner's adds one after another (across nodes too), so parallel adds cannot pass the limit together.
        await using var ownerLock = await locks.AcquireAsync(db, $"contacts:{ownerPersonId}", ct);
        if (await db.Set<Contact>().CountAsync(c => c.OwnerPersonId == ownerPersonId, ct) >= max)
            throw new ApiException(ContactsErrors.Limit, $"最多可保存{max}位常用联系人");
        var now = time.GetUtcNow();
        var contact = new Contact { OwnerPersonId = ownerPersonId, CreatedAt = now };
        await FillAsync(contact, r, ct);
        db.Add(contact);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(contact);
    }

    public async Task<ContactView> UpdateAsync(long ownerPersonId, long id, ContactRequest r, CancellationToken ct)
    {
        var contact = await FindAsync(ownerPersonId, id, ct);
        await FillAsync(contact, r, ct);
        await SaveAsync(ct);
        return ToView(contact);
    }

    public async Task DeleteAsync(long ownerPersonId, long id, CancellationToken ct)
    {
        db.Remove(await FindAsync(ownerPersonId, id, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A parallel change that took the same ID number first hits the unique index: the same answer as checked before.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (!DatabaseFaults.IsUnavailable(e))
        {
            db.ChangeTracker.Clear();
            throw new ApiException(ContactsErrors.Exists);
        }
    }

    private async Task FillAsync(Contact contact, ContactRequest r, CancellationToken ct)
    {
        var doc = realNames.ResidentIdOf(r.IdNumber);
        var index = realNames.BlindIndexOf(doc);
        if (await db.Set<Contact>().AnyAsync(c => c.OwnerPersonId == contact.OwnerPersonId && c.DocumentIndex == index && c.Id != contact.Id, ct))
            throw new ApiException(ContactsErrors.Exists);
        var phone = PhoneNumbers.Normalise(r.Phone);
        contact.Name = r.Name!.Trim();
        contact.Relation = string.IsNullOrWhiteSpace(r.Relation) ? null : r.Relation.Trim();
        if (contact.DocumentIndex != index)
        {
            contact.DocumentCipher = protector.Encrypt(doc.Number);
            contact.DocumentIndex = index;
            contact.DocumentMasked = SensitiveDataMasker.MaskIdNumber(doc.Number);
        }
        contact.PhoneCipher = phone is null ? null : protector.Encrypt(phone);
        contact.PhoneMasked = phone is null ? null : SensitiveDataMasker.MaskPhone(phone);
        contact.UpdatedAt = time.GetUtcNow();
    }

    private async Task<Contact> FindAsync(long ownerPersonId, long id, CancellationToken ct) =>
        await db.Set<Contact>().FirstOrDefaultAsync(c => c.Id == id && c.OwnerPersonId == ownerPersonId, ct) ?? throw new ApiException(ContactsErrors.NotFound);

    private static ContactView ToView(Contact c) => new(c.Id, c.Name, c.Relation, c.DocumentMasked, c.PhoneMasked, c.CreatedAt, c.UpdatedAt);
}
