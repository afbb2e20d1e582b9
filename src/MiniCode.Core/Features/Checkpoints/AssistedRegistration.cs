using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// 辅助登记 for people without the mini program: the scanner enters phone (proved by an SMS code sent to it with purpose
/// <c>assisted-registration</c>), name, ID number and temperature. It creates a minimal citizen profile — the person and a
/// citizen account holding that phone — which the person claims later by logging in with the phone (SMS login).
/// </summary>
public sealed class AssistedRegistration(
    MiniCodeDbContext db, ScanService scans, ScannerDirectory scanners, InspectionRecords records, SmsCodeService sms,
    AccountDirectory accounts, RealNameService realNames, PersonalDataProtector protector, TimeProvider time)
{
    public async Task<ScanRecordView> RegisterAsync(ScannerProfile me, AssistedRegistrationRequest body, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Phone)!;
        var doc = realNames.ResidentIdOf(body.IdNumber);
        if (await records.ByKeyAsync(me.AccountId, body.IdempotencyKey!, ct) is { } first) return first;
        var name = body.Name!.Trim();

        // Every check that can refuse comes before the SMS code is used up and before anything is written.
        var index = scanners.IdNumberIndex(doc.Number);
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.DocumentIndex == index, ct);
        if (person is not null && person.Name != name) throw new ApiException(CheckpointErrors.NameMismatch);
        var account = await accounts.ByPhoneAsync(phone, ct);
        if (account is not null)
        {
            AccountDirectory.EnsureActive(account);
            if (account.PersonId is { } owner && owner != person?.Id) throw new ApiException(CheckpointErrors.PhoneOfOtherPerson);
        }
        var personHasAccount = person is not null
            && await db.Set<Account>().AnyAsync(a => a.PersonId == person.Id && a.Status != AccountStatus.Deleted, ct);
        await sms.ConsumeAsync(phone, SmsPurposes.AssistedRegistration, body.SmsCode!, ct);

        if (person is null)
        {
            person = new Person
            {
                Name = name, DocumentType = DocumentType.ResidentId, DocumentCipher = protector.Encrypt(doc.Number), DocumentIndex = index,
                DocumentMasked = SensitiveDataMasker.MaskIdNumber(doc.Number), BirthDate = doc.BirthDate, Gender = doc.Gender,
                RegionCode = doc.RegionCode, CreatedAt = time.GetUtcNow(),
            };
            db.Add(person);
        }
        // The phone becomes the person's citizen login unless they already have an account of their own.
        if (!personHasAccount)
        {
            if (account is null)
            {
                account = accounts.NewCitizen();
                await accounts.AttachPhoneAsync(account, phone, ct);
                db.Add(account);
            }
            account.Person = person;
        }
        var added = person;
        return await scans.RecordAsync(me, ScanKind.Assisted, async c => { await db.SaveChangesAsync(c); return added.Id; },
            body.Temperature!.Value, body.Remarks, body.IdempotencyKey!, ct);
    }
}
