using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;
using MiniCode.Features.Rendering;
using MiniCode.Infrastructure.Concurrency;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Enterprises;

/// <summary>
/// 企业码 for citizens: bind an enterprise after the registry's proof, list, 企业解绑, show the code. Several people may be
/// bound to one enterprise; staff suspend an enterprise as a whole (企业码管理 in the admin).
/// </summary>
public sealed class EnterpriseService(MiniCodeDbContext db, IEnterpriseVerifier verifier, PersonalDataProtector protector, KeyedLocks locks,
    IOptions<EnterprisesOptions> options, TimeProvider time)
{
    public async Task<EnterpriseBindingView> BindEnterpriseAsync(long personId, BindEnterpriseRequest request, CancellationToken ct)
    {
        var code = CreditCode.Normalise(request.CreditCode)!;
        var role = request.ParsedRole;
        var person = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == personId, ct);
        if (person.DocumentType != DocumentType.ResidentId) throw new ApiException(EnterprisesErrors.NotVerified);
        var existing = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == code, ct);
        if (existing is { Status: EnterpriseStatus.Suspended }) throw new ApiException(EnterprisesErrors.Suspended);
        if (existing is not null && await Live().AnyAsync(b => b.EnterpriseId == existing.Id && b.PersonId == personId, ct))
            throw new ApiException(EnterprisesErrors.AlreadyBound);
        if (await Live().CountAsync(b => b.PersonId == personId, ct) >= options.Value.MaxBindingsPerPerson) throw new ApiException(EnterprisesErrors.LimitReached);

        // The proof, outside any transaction: the registry may be slow.
        var verdict = await verifier.VerifyAsync(new EnterpriseClaim(code, request.Name!.Trim(), role, person.Name, protector.Decrypt(person.DocumentCipher)), ct);
        if (verdict.Verdict != EnterpriseVerdict.Match) throw new ApiException(EnterprisesErrors.NotVerified);

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using var held = await locks.AcquireAsync(db, "enterprise:" + code, ct);
        var enterprise = await db.Set<Enterprise>().FirstOrDefaultAsync(e => e.CreditCode == code, ct);
        if (enterprise is null)
        {
            var region = verdict.RegionCode is { Length: 6 } r && r.All(char.IsAsciiDigit) ? r : CreditCode.RegionOf(code);
            enterprise = new Enterprise { Name = verdict.EnterpriseName ?? request.Name.Trim(), CreditCode = code, RegionCode = region, Status = EnterpriseStatus.Active, CreatedAt = now };
            db.Add(enterprise);
            await db.SaveChangesAsync(ct);
        }
        else if (enterprise.Status == EnterpriseStatus.Suspended) throw new ApiException(EnterprisesErrors.Suspended);
        if (await Live().AnyAsync(b => b.EnterpriseId == enterprise.Id && b.PersonId == personId, ct)) throw new ApiException(EnterprisesErrors.AlreadyBound);
        var binding = new EnterpriseBinding { EnterpriseId = enterprise.Id, PersonId = personId, Role = role, BoundAt = now };
        db.Add(binding);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return View(binding, enterprise);
    }

    public async Task<IReadOnlyList<EnterpriseBindingView>> ListAsync(long personId, CancellationToken ct)
    {
        var rows = await Live().AsNoTracking().Where(b => b.PersonId == personId)
            .Join(db.Set<Enterprise>(), b => b.EnterpriseId, e => e.Id, (b, e) => new { b, e }).OrderBy(x => x.b.Id).ToListAsync(ct);
        return rows.Select(x => View(x.b, x.e)).ToList();
    }

    /// <summary>企业解绑: the binding ends at once; its codes verify as revoked.</summary>
    public async Task UnbindAsync(long personId, long bindingId, CancellationToken ct)
    {
        var removed = await Live().Where(b => b.Id == bindingId && b.PersonId == personId)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.RemovedAt, time.GetUtcNow()), ct);
        if (removed == 0) throw new ApiException(EnterprisesErrors.BindingNotFound);
    }

    /// <summary>
    /// 码对象主体管理: corrects an enterprise's name (更名 after the registry confirmed it), region and status (暂停 / 恢复,
    /// with the reason). The credit code is the enterprise's identity and stays. Changes the tracked row for the caller's
    /// SaveChanges; enterprise codes are checked against this row on every verify (no cache), so it applies at once.
    /// Null for an unknown enterprise.
    /// </summary>
    public async Task<AuditedChange?> CorrectAsync(long enterpriseId, SubjectCorrection correction, CancellationToken ct)
    {
        correction.Check(maxName: 100).ThrowIfInvalid();
        var e = await db.Set<Enterprise>().FirstOrDefaultAsync(x => x.Id == enterpriseId, ct);
        if (e is null) return null;
        var before = new { e.Name, e.RegionCode, Status = e.Status.ToString() };
        e.Name = correction.NewName ?? e.Name;
        e.RegionCode = correction.NewRegion ?? e.RegionCode;
        var status = correction.Stopped switch { true => EnterpriseStatus.Suspended, false => EnterpriseStatus.Active, null => e.Status };
        if (status != e.Status)
            (e.Status, e.SuspendedAt, e.SuspendedReason) = status == EnterpriseStatus.Suspended
                ? (status, time.GetUtcNow(), correction.TrimmedReason) : (status, (DateTimeOffset?)null, (string?)null);
        var after = new { e.Name, e.RegionCode, Status = e.Status.ToString() };
        return new AuditedChange(before, new { after.Name, after.RegionCode, after.Status, Reason = correction.TrimmedReason }, !before.Equals(after));
    }

    private IQueryable<EnterpriseBinding> Live() => db.Set<EnterpriseBinding>().Where(b => b.RemovedAt == null);

    private static EnterpriseBindingView View(EnterpriseBinding b, Enterprise e) =>
        new(b.Id, e.Name, e.CreditCode, e.RegionCode, RoleName(b.Role), e.Status == EnterpriseStatus.Active ? "active" : "suspended", b.BoundAt);

    public static string RoleName(EnterpriseRole role) => role == EnterpriseRole.LegalRepresentative ? "legalRepresentative" : "staff";

    public static string RoleLabel(EnterpriseRole role) => role == EnterpriseRole.LegalRepresentative ? "法定代表人" : "员工";
}

/// <summary>The enterprise code (企业码) of a live binding: MC1 type enterprise, subjectId = the binding's id, short-lived.</summary>
public sealed class EnterpriseCodeService(MiniCodeDbContext db, CodeSigner signer, CodeUsageCounters counters, ServiceCodeMarks marks,
    IOptions<EnterprisesOptions> options, TimeProvider time)
{
    public async Task<EnterpriseCodeView> ShowCodeAsync(long personId, long bindingId, CancellationToken ct)
    {
        var row = await db.Set<EnterpriseBinding>().AsNoTracking().Where(b => b.RemovedAt == null && b.Id == bindingId && b.PersonId == personId)
            .Join(db.Set<Enterprise>(), b => b.EnterpriseId, e => e.Id, (b, e) => new { e.Id, e.Status, e.RegionCode, e.CodeNumber }).FirstOrDefaultAsync(ct)
            ?? throw new ApiException(EnterprisesErrors.BindingNotFound);
        if (row.Status == EnterpriseStatus.Suspended) throw new ApiException(EnterprisesErrors.Suspended);
        var (text, claims) = signer.Sign(CodeType.Enterprise, bindingId, null, time.GetUtcNow(), TimeSpan.FromSeconds(options.Value.CodeSeconds));
        counters.Increment(CodeType.Enterprise, row.RegionCode, CodeUsage.Shown);
        var number = await marks.NumberAsync<Enterprise>(db, CodeCategories.Enterprise, row.Id, row.CodeNumber, row.RegionCode, ct);
        return new EnterpriseCodeView(bindingId, text, claims.IssuedAt, claims.ExpiresAt, number, await marks.StyleAsync(CodeCategories.Enterprise, ct));
    }

    public byte[] Png(EnterpriseCodeView code) => marks.Png(code, options.Value.PngPixelsPerModule);

    public string Svg(EnterpriseCodeView code) => marks.Svg(code, options.Value.PngPixelsPerModule);
}

/// <summary>
/// What <c>POST /api/codes/verify</c> answers for an enterprise code: the enterprise's name and region, the holder
/// (masked) and role. A removed binding or a suspended enterprise verifies as revoked, with the subject saying which.
/// </summary>
public sealed class EnterpriseCodeCheck(MiniCodeDbContext db) : ISubjectCodeCheck
{
    public CodeType Type => CodeType.Enterprise;

    public async Task<SubjectCodeState> CheckAsync(CodeClaims claims, CancellationToken cancellationToken)
    {
        var id = checked((long)claims.SubjectId);
        var row = await (from b in db.Set<EnterpriseBinding>().AsNoTracking().Where(b => b.Id == id)
                join e in db.Set<Enterprise>() on b.EnterpriseId equals e.Id
                join p in db.Set<Person>() on b.PersonId equals p.Id
                select new { b, e, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (row is null) return new SubjectCodeState(false, null, null);
        var state = row.b.RemovedAt is not null ? "unbound" : row.e.Status == EnterpriseStatus.Suspended ? "suspended" : "active";
        var stateLabel = state switch { "unbound" => "已解绑", "suspended" => "已暂停", _ => "正常" };
        var view = new CodeSubjectView(row.e.Name, SensitiveDataMasker.MaskName(row.Name), state, row.b.BoundAt, row.b.RemovedAt,
        [
            new("enterprise", "企业名称", row.e.Name),
            new("creditCode", "统一社会信用代码", row.e.CreditCode),
            new("region", "所在地区", row.e.RegionCode),
            new("role", "身份", EnterpriseService.RoleLabel(row.b.Role)),
            new("status", "企业码状态", stateLabel),
        ]);
        return new SubjectCodeState(state == "active", row.e.RegionCode, view);
    }
}
