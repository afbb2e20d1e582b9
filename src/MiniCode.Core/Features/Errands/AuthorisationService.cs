using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.Identity;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Concurrency;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Errands;

/// <summary>
/// 授权办事 for citizens: grant (to a name + ID number, or a contact), the two lists, accept / decline by the grantee,
/// revoke by the grantor before the first day. Whether the grantee exists is never told to the grantor: every grant is
/// recorded as waiting, and only the person of that document and name sees it (and gets an inbox notice).
/// </summary>
public sealed class AuthorisationService(MiniCodeDbContext db, RealNameService realNames, PersonalDataProtector protector, IHeldLicences licences,
    IContactLookup contacts, NoticeDispatcher notices, KeyedLocks locks, IOptions<ErrandOptions> options, TimeProvider time, BusinessCalendar calendar)
{
    public const string GrantedNoticeKind = "errand_granted", AnsweredNoticeKind = "errand_answered", RevokedNoticeKind = "errand_revoked";

    private DateOnly Today => calendar.Today();

    public async Task<AuthorisationView> GrantAsync(long accountId, long personId, CreateAuthorisationRequest r, CancellationToken ct)
    {
        var o = options.Value;
        var (name, docType, docNumber, phone) = await GranteeOfAsync(accountId, personId, r, ct);
        var index = realNames.BlindIndexOf(docType, docNumber);
        var grantor = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == personId, ct);
        if (grantor.DocumentIndex == index) throw new ApiException(ErrandsErrors.Self);
        var matter = await db.Set<ErrandMatter>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == r.MatterId && m.Enabled, ct)
            ?? throw InputValidator.Failure("matterId", "授权事项不存在或已停用");
        var licenceIds = r.LicenceIds ?? [];
        if (licenceIds.Count > 0)
        {
            var held = await licences.HeldAsync(personId, licenceIds, ct);
            if (!licenceIds.All(held.Contains)) throw InputValidator.Failure("licenceIds", "只能出示本人已绑定的电子证照");
        }

        var (from, to, today, now) = (r.ValidFrom!.Value, r.LastDay, Today, time.GetUtcNow());
        var authorisation = new ErrandAuthorisation
        {
            GrantorPersonId = personId, MatterId = matter.Id, MatterName = matter.Name, RegionCode = matter.RegionCode,
            GranteeNameCipher = protector.Encrypt(name), GranteeNameMasked = SensitiveDataMasker.MaskName(name),
            GranteeDocumentType = docType, GranteeDocumentCipher = protector.Encrypt(docNumber), GranteeDocumentIndex = index,
            GranteeDocumentMasked = SensitiveDataMasker.MaskIdNumber(docNumber),
            GranteePhoneCipher = phone is null ? null : protector.Encrypt(phone), GranteePhoneMasked = phone is null ? null : SensitiveDataMasker.MaskPhone(phone),
            ValidFrom = from, ValidTo = to, LicenceIds = string.Join(',', licenceIds.Select(id => id.ToString(CultureInfo.InvariantCulture))),
            Status = AuthorisationStatus.Pending, CreatedAt = now,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // One grantor's grants are counted one after another (across nodes too), so parallel grants cannot pass the limit.
            await using var grantorLock = await locks.AcquireAsync(db, $"errands:{personId}", ct);
            var open = await db.Set<ErrandAuthorisation>().AsNoTracking()
                .Where(a => a.GrantorPersonId == personId && (a.Status == AuthorisationStatus.Pending || a.Status == AuthorisationStatus.Accepted) && a.ValidTo >= today)
                .Select(a => new { a.MatterId, a.GranteeDocumentIndex, a.ValidFrom, a.ValidTo }).ToListAsync(ct);
            if (open.Count >= o.MaxOpenPerGrantor)
                throw new ApiException(ErrandsErrors.LimitReached, $"最多可同时有{o.MaxOpenPerGrantor}条未结束的授权");
            if (open.Any(a => a.MatterId == matter.Id && a.GranteeDocumentIndex == index && a.ValidFrom <= to && from <= a.ValidTo))
                throw new ApiException(ErrandsErrors.AlreadyGranted);
            db.Add(authorisation);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        if (await GranteePersonAsync(index, name, ct) is { } granteeId)
            notices.Enqueue(new NoticeMessage(granteeId, GrantedNoticeKind, "您有一条待确认的授权",
                $"{SensitiveDataMasker.MaskName(grantor.Name)}授权您于{AuthorisationStates.Dates(authorisation)}代为办理“{matter.Name}”，请在“授权办事-被授权记录”中确认。", now));
        await notices.FlushAsync(ct);
        authorisation.Grantor = grantor;
        return ToView(authorisation, AuthorisationRole.Grantor);
    }

    public async Task<IReadOnlyList<AuthorisationView>> GrantedAsync(long personId, CancellationToken ct)
    {
        var rows = await db.Set<ErrandAuthorisation>().AsNoTracking().Include(a => a.Grantor)
            .Where(a => a.GrantorPersonId == personId).OrderByDescending(a => a.Id).ToListAsync(ct);
        return rows.Select(a => ToView(a, AuthorisationRole.Grantor)).ToList();
    }

    public async Task<IReadOnlyList<AuthorisationView>> ReceivedAsync(long personId, CancellationToken ct)
    {
        var me = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == personId, ct);
        var rows = await db.Set<ErrandAuthorisation>().AsNoTracking().Include(a => a.Grantor)
            .Where(a => a.GranteeDocumentIndex == me.DocumentIndex).OrderByDescending(a => a.Id).ToListAsync(ct);
        return rows.Where(a => IsGrantee(a, me)).Select(a => ToView(a, AuthorisationRole.Grantee)).ToList();
    }

    public async Task<AuthorisationView> GrantedAsync(long personId, long id, CancellationToken ct) =>
        ToView(await GrantedRowAsync(personId, id, ct), AuthorisationRole.Grantor);

    public async Task<AuthorisationView> ReceivedAsync(long personId, long id, CancellationToken ct) =>
        ToView(await ReceivedRowAsync(personId, id, ct), AuthorisationRole.Grantee);

    /// <summary>接受 or 拒绝 a waiting authorisation; the first answer wins (a conditional update), a later one is refused.</summary>
    public async Task<AuthorisationView> AnswerAsync(long personId, long id, bool accept, CancellationToken ct)
    {
        var row = await ReceivedRowAsync(personId, id, ct);
        if (AuthorisationStates.Of(row, Today).State != AuthorisationStates.Pending) throw new ApiException(ErrandsErrors.NotPending);
        var (now, today) = (time.GetUtcNow(), Today);
        var status = accept ? AuthorisationStatus.Accepted : AuthorisationStatus.Declined;
        var changed = await db.Set<ErrandAuthorisation>().Where(a => a.Id == id && a.Status == AuthorisationStatus.Pending && a.ValidTo >= today)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.RespondedAt, now).SetProperty(a => a.GranteePersonId, personId), ct);
        if (changed == 0) throw new ApiException(ErrandsErrors.NotPending);
        (row.Status, row.RespondedAt, row.GranteePersonId) = (status, now, personId);
        notices.Enqueue(new NoticeMessage(row.GrantorPersonId, AnsweredNoticeKind, accept ? "授权已被接受" : "授权已被拒绝",
            $"{row.GranteeNameMasked}已{(accept ? "接受" : "拒绝")}您于{AuthorisationStates.Dates(row)}办理“{row.MatterName}”的授权。", now));
        await notices.FlushAsync(ct);
        return ToView(row, AuthorisationRole.Grantee);
    }

    /// <summary>撤销: the grantor ends a waiting or accepted authorisation before its first day.</summary>
    public async Task<AuthorisationView> RevokeAsync(long personId, long id, CancellationToken ct)
    {
        var row = await GrantedRowAsync(personId, id, ct);
        var today = Today;
        if (!AuthorisationStates.IsOpen(row, today) || today >= row.ValidFrom) throw new ApiException(ErrandsErrors.RevokeNotAllowed);
        var now = time.GetUtcNow();
        var changed = await db.Set<ErrandAuthorisation>()
            .Where(a => a.Id == id && (a.Status == AuthorisationStatus.Pending || a.Status == AuthorisationStatus.Accepted) && a.ValidFrom > today)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AuthorisationStatus.Revoked).SetProperty(a => a.EndedAt, now), ct);
        if (changed == 0) throw new ApiException(ErrandsErrors.RevokeNotAllowed);
        var answered = row.Status == AuthorisationStatus.Accepted ? row.GranteePersonId : null;
        (row.Status, row.EndedAt) = (AuthorisationStatus.Revoked, now);
        if (answered is { } grantee)
            notices.Enqueue(new NoticeMessage(grantee, RevokedNoticeKind, "授权已撤销",
                $"{SensitiveDataMasker.MaskName(row.Grantor!.Name)}已撤销授权您于{AuthorisationStates.Dates(row)}办理“{row.MatterName}”。", now));
        await notices.FlushAsync(ct);
        return ToView(row, AuthorisationRole.Grantor);
    }

    /// <summary>The <c>expire-authorisations</c> job: waiting or accepted authorisations whose last day has passed become 已失效.</summary>
    public async Task<int> ExpireAsync(CancellationToken ct)
    {
        var (today, now) = (Today, time.GetUtcNow());
        var due = await db.Set<ErrandAuthorisation>()
            .Where(a => (a.Status == AuthorisationStatus.Pending || a.Status == AuthorisationStatus.Accepted) && a.ValidTo < today)
            .OrderBy(a => a.Id).Select(a => a.Id).Take(options.Value.ExpireBatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;
        return await db.Set<ErrandAuthorisation>()
            .Where(a => due.Contains(a.Id) && (a.Status == AuthorisationStatus.Pending || a.Status == AuthorisationStatus.Accepted))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AuthorisationStatus.Expired).SetProperty(a => a.EndedAt, now), ct);
    }

    internal async Task<ErrandAuthorisation> ReceivedRowAsync(long personId, long id, CancellationToken ct)
    {
        var me = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == personId, ct);
        var row = await db.Set<ErrandAuthorisation>().AsNoTracking().Include(a => a.Grantor)
            .FirstOrDefaultAsync(a => a.Id == id && a.GranteeDocumentIndex == me.DocumentIndex, ct);
        return row is not null && IsGrantee(row, me) ? row : throw new ApiException(ErrandsErrors.NotFound);
    }

    private async Task<ErrandAuthorisation> GrantedRowAsync(long personId, long id, CancellationToken ct) =>
        await db.Set<ErrandAuthorisation>().AsNoTracking().Include(a => a.Grantor)
            .FirstOrDefaultAsync(a => a.Id == id && a.GrantorPersonId == personId, ct) ?? throw new ApiException(ErrandsErrors.NotFound);

    /// <summary>The grantee is the person of that document under that name (a wrong name reaches nobody).</summary>
    private bool IsGrantee(ErrandAuthorisation a, Person me) =>
        me.AnonymisedAt is null && a.GranteeDocumentIndex == me.DocumentIndex && protector.Decrypt(a.GranteeNameCipher) == me.Name;

    /// <summary>The real-named person (with an active citizen account) the grant reaches, for the notice; null when there is none.</summary>
    private Task<long?> GranteePersonAsync(string index, string name, CancellationToken ct) =>
        db.Set<Person>().AsNoTracking()
            .Where(p => p.DocumentIndex == index && p.Name == name && p.AnonymisedAt == null
                && db.Set<Account>().Any(x => x.PersonId == p.Id && x.Kind == AccountKind.Citizen && x.Status == AccountStatus.Active))
            .Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);

    private async Task<(string Name, DocumentType DocumentType, string DocumentNumber, string? Phone)> GranteeOfAsync(long accountId, long personId,
        CreateAuthorisationRequest r, CancellationToken ct)
    {
        if (r.ContactId is not { } contactId)
        {
            var v = new InputValidator();
            var document = r.GranteeDocument(realNames, v); // the validation filter has passed it
            v.ThrowIfInvalid();
            return (r.Name!.Trim(), document!.Value.Type, document.Value.Number, PhoneNumbers.Normalise(r.Phone));
        }
        var (contact, doc) = await contacts.ResidentContactAsync(realNames, accountId, personId, contactId, ct);
        return (contact.Name.Trim(), doc.Type, doc.Number, PhoneNumbers.Normalise(r.Phone ?? contact.Phone));
    }

    private enum AuthorisationRole { Grantor, Grantee }

    private AuthorisationView ToView(ErrandAuthorisation a, AuthorisationRole role)
    {
        var today = Today;
        var (state, endReason) = AuthorisationStates.Of(a, today);
        var grantee = role == AuthorisationRole.Grantee;
        return new AuthorisationView(a.Id, grantee ? "grantee" : "grantor", a.MatterId, a.MatterName, SensitiveDataMasker.MaskName(a.Grantor!.Name),
            a.Grantor.DocumentMasked, a.GranteeNameMasked, AccountDirectory.ToWire(a.GranteeDocumentType), a.GranteeDocumentMasked, a.GranteePhoneMasked, a.ValidFrom, a.ValidTo, state,
            AuthorisationStates.Label(state), endReason, a.LicenceIdList, a.CreatedAt, a.RespondedAt, a.EndedAt,
            CanRespond: grantee && state == AuthorisationStates.Pending,
            CanRevoke: !grantee && AuthorisationStates.IsOpen(a, today) && today < a.ValidFrom,
            CodeAvailable: grantee && AuthorisationStates.InEffect(a, today));
    }
}
