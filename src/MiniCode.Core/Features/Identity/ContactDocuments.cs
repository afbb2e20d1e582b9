using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Identity;

/// <summary>A 常用联系人 used to fill a form (authorisation grantee, appointment attendee), checked as a form entry is.</summary>
public static class ContactDocuments
{
    /// <summary>
    /// The caller's own contact with its resident ID parsed; none, another person's, or one without a valid name and
    /// resident ID number is refused as a wrong <c>contactId</c>.
    /// </summary>
    public static async Task<(SavedContact Contact, RealNameService.Document Document)> ResidentContactAsync(this IContactLookup contacts,
        RealNameService realNames, long accountId, long personId, long contactId, CancellationToken ct)
    {
        var contact = await contacts.FindAsync(accountId, personId, contactId, ct) ?? throw InputValidator.Failure("contactId", "常用联系人不存在");
        var check = new InputValidator();
        RealNameService.ValidateName(contact.Name, check);
        if (!check.IsValid || realNames.ParseResidentId(contact.IdNumber, check) is not { } document)
            throw InputValidator.Failure("contactId", "该联系人须有姓名和有效的居民身份证号码");
        return (contact, document);
    }
}
