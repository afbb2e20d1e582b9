using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Infrastructure.Concurrency;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// 辅助登记 for people without the mini program: the scanner enters phone (proved by an SMS code sent to it with purpose
/// <c>assisted-registration</c>), name, ID number and temperature. The scan is recorded against the person of that
/// document, found or created, and nothing else: no account gets the person, nobody is logged in, the phone is not
/// kept. The person claims the record with their own first real name (with face) in the mini program. A scanner makes at
/// most <see cref="CheckpointOptions.AssistedRegistrationsPerDay"/> a business calendar day.
/// </summary>
public sealed class AssistedRegistration(
    MiniCodeDbContext db, ScanService scans, InspectionRecords records, SmsCodeService sms, RealNameService realNames,
    KeyedLocks locks, IOptions<CheckpointOptions> options, BusinessCalendar calendar)
{
    public async Task<ScanRecordView> RegisterAsync(ScannerProfile me, AssistedRegistrationRequest body, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(body.Phone)!;
        var doc = realNames.ResidentIdOf(body.IdNumber);
        if (await records.ByKeyAsync(me.AccountId, body.IdempotencyKey!, ct) is { } first) return first;
        await EnsureUnderDailyCapAsync(me.AccountId, ct);
        // The code comes before anything about the document: until then every answer is the same whether it is known (M4).
        await sms.ConsumeAsync(phone, SmsPurposes.AssistedRegistration, body.SmsCode!, ct);
        var name = body.Name!.Trim();
        return await scans.RecordAsync(me, ScanKind.Assisted, async c =>
        {
            // Parallel registrations of one scanner are serialised, so the cap holds across nodes.
            await using var gate = await locks.AcquireAsync(db, "assisted:" + me.AccountId, c);
            await EnsureUnderDailyCapAsync(me.AccountId, c);
            var person = await realNames.PersonOfAsync(name, doc, c);
            if (person.Id == 0) db.Add(person);
            await db.SaveChangesAsync(c);
            return person.Id;
        }, body.Temperature!.Value, body.Remarks, body.IdempotencyKey!, ct);
    }

    private async Task EnsureUnderDailyCapAsync(long scannerAccountId, CancellationToken ct)
    {
        var cap = options.Value.AssistedRegistrationsPerDay;
        var dayStart = calendar.StartOfToday();
        var today = await db.Set<ScanRecord>().CountAsync(r => r.ScannerAccountId == scannerAccountId && r.Kind == ScanKind.Assisted && r.ScannedAt >= dayStart, ct);
        if (today >= cap) throw new ApiException(CheckpointErrors.AssistedDailyLimit, $"每位扫码员每天最多辅助登记{cap}人，请明天再试");
    }
}
