using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Identity;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;
using PasswordHasher = MiniCode.Infrastructure.Security.PasswordHasher;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// Scanner profiles and the lines they form: the caller's profile, who is below whom, which sites an account manages and
/// may see, and creating scanner accounts (by a scanner above, or a senior one by staff).
/// </summary>
public sealed class ScannerDirectory(
    MiniCodeDbContext db, PersonalDataProtector protector, PasswordHasher hasher, PasswordPolicy passwordPolicy, RealNameService realNames, AuditLog audit, SiteTree tree, TimeProvider time)
{
    public async Task<ScannerProfile> CurrentAsync(long accountId, CancellationToken ct) =>
        await Profiles().FirstOrDefaultAsync(p => p.AccountId == accountId, ct) ?? throw new ApiException(CheckpointErrors.ProfileMissing);

    public IQueryable<ScannerProfile> Profiles() =>
        db.Set<ScannerProfile>().Include(p => p.Account).Include(p => p.Site).ThenInclude(s => s!.Organisation);

    public static void RequireManager(ScannerProfile me)
    {
        if (me.Role == ScannerRole.Ordinary) throw new ApiException(CheckpointErrors.RoleForbidden);
    }

    /// <summary>Every account below <paramref name="accountId"/> in its line (children, their children, …).</summary>
    public async Task<List<long>> DescendantsAsync(long accountId, CancellationToken ct)
    {
        var all = new List<long>();
        var frontier = new List<long> { accountId };
        while (frontier.Count > 0)
        {
            var parents = frontier;
            frontier = await db.Set<ScannerProfile>().Where(p => p.ParentAccountId != null && parents.Contains(p.ParentAccountId.Value))
                .Select(p => p.AccountId).ToListAsync(ct);
            frontier.RemoveAll(all.Contains); // a corrupted cycle must not loop forever
            all.AddRange(frontier);
        }
        return all;
    }

    /// <summary>A scanner below the caller in the caller's line, tracked; 404 for anyone else (including the caller).</summary>
    public async Task<ScannerProfile> SubordinateAsync(ScannerProfile me, long accountId, CancellationToken ct)
    {
        if (accountId == me.AccountId) throw new ApiException(CheckpointErrors.CannotTargetSelf);
        var below = await DescendantsAsync(me.AccountId, ct);
        if (!below.Contains(accountId)) throw new ApiException(CheckpointErrors.ScannerNotFound);
        return await Profiles().FirstAsync(p => p.AccountId == accountId, ct);
    }

    /// <summary>The sites a senior or intermediate scanner manages (<see cref="SiteTree.ManagedSiteIdsAsync"/>), with their organisations.</summary>
    public async Task<List<Site>> ManagedSitesAsync(ScannerProfile me, CancellationToken ct)
    {
        if (me.Role == ScannerRole.Ordinary) return [];
        var ids = await tree.ManagedSiteIdsAsync(me, ct);
        return await db.Set<Site>().Include(s => s.Organisation).Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(ct);
    }

    public async Task<Site> ManagedSiteAsync(ScannerProfile me, long siteId, CancellationToken ct)
    {
        RequireManager(me);
        return (await ManagedSitesAsync(me, ct)).FirstOrDefault(s => s.Id == siteId) ?? throw new ApiException(CheckpointErrors.SiteNotManaged);
    }

    /// <summary>The sites the records are reported to; the scanner's own site when none were chosen.</summary>
    public async Task<List<Site>> ReportSitesAsync(ScannerProfile me, CancellationToken ct)
    {
        var ids = await db.Set<ScannerReportSite>().Where(r => r.AccountId == me.AccountId).Select(r => r.SiteId).ToListAsync(ct);
        if (ids.Count == 0) ids.Add(me.SiteId);
        return await db.Set<Site>().Include(s => s.Organisation).Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Validates and adds a new scanner account below <paramref name="creator"/> (null: a senior scanner created by staff).
    /// The caller saves. The site must be one the creator manages; the role must be below the creator's.
    /// </summary>
    public async Task<ScannerProfile> AddAsync(NewScannerRequest r, ScannerProfile? creator, string actor, CancellationToken ct)
    {
        var v = new InputValidator().Check(r.SiteId is not null, "siteId", "请选择所属站点");
        var doc = realNames.ParseResidentId(r.IdNumber, v);
        RealNameService.ValidateName(r.Name, v);
        var phone = PhoneNumbers.Normalise(r.Phone);
        v.Check(phone is not null, "phone", "手机号格式不正确").Optional(r.Remarks, "remarks", "备注", 200);
        if (passwordPolicy.Violation(r.Password) is { } weak) v.Add("password", weak);
        var role = creator is null ? ScannerRole.Senior : r.Role;
        v.Check(role is not null, "role", "请选择角色");
        if (creator is not null && role is { } wanted) v.Check(wanted > creator.Role, "role", "只能添加比本人角色低的扫码员");
        v.ThrowIfInvalid();

        var site = creator is null
            ? await db.Set<Site>().FirstOrDefaultAsync(s => s.Id == r.SiteId, ct) ?? throw new ApiException(CommonErrors.NotFound, "站点不存在")
            : await ManagedSiteAsync(creator, r.SiteId!.Value, ct);
        if (site.Status != SiteStatus.Active) throw new ApiException(CheckpointErrors.SiteStopped);
        var phoneIndex = protector.BlindIndex(phone!);
        var idIndex = IdNumberIndex(doc!.Number);
        if (await db.Set<ScannerProfile>().AnyAsync(p => p.PhoneIndex == phoneIndex, ct)) throw new ApiException(CheckpointErrors.PhoneTaken);
        if (await db.Set<ScannerProfile>().AnyAsync(p => p.IdNumberIndex == idIndex, ct)) throw new ApiException(CheckpointErrors.IdNumberTaken);

        var now = time.GetUtcNow();
        var account = new Account { Kind = AccountKind.Scanner, PasswordHash = hasher.Hash(r.Password!), CreatedAt = now };
        var profile = new ScannerProfile
        {
            Account = account, SiteId = site.Id, Site = site, Role = role!.Value, ParentAccountId = creator?.AccountId,
            Name = r.Name!.Trim(), IdNumberCipher = protector.Encrypt(doc.Number), IdNumberIndex = idIndex,
            IdNumberMasked = SensitiveDataMasker.MaskIdNumber(doc.Number), PhoneCipher = protector.Encrypt(phone!), PhoneIndex = phoneIndex,
            PhoneMasked = SensitiveDataMasker.MaskPhone(phone), Remarks = Blank(r.Remarks), CreatedBy = actor, CreatedAt = now,
        };
        db.Add(profile);
        audit.Record(actor, "checkpoint.scanner_create", "scanner", null,
            after: new { profile.Name, profile.IdNumberMasked, profile.PhoneMasked, profile.SiteId, Role = profile.Role.ToString(), profile.ParentAccountId });
        return profile;
    }

    /// <summary>Staff entry point (admin): creates a senior scanner, the top of a line, and saves.</summary>
    public async Task<ScannerView> CreateSeniorAsync(NewScannerRequest r, string staffActor, CancellationToken ct)
    {
        var profile = await AddAsync(r, null, staffActor, ct);
        await db.SaveChangesAsync(ct);
        return ToView(profile);
    }

    /// <summary>Blind index of a resident ID number, the same one persons are found by.</summary>
    public string IdNumberIndex(string idNumber) => protector.BlindIndex($"{DocumentType.ResidentId}:{idNumber}");

    public static string Actor(long accountId) => "scanner:" + accountId.ToString(CultureInfo.InvariantCulture);

    public static ScannerView ToView(ScannerProfile p) => new(p.AccountId, p.Name, p.IdNumberMasked, p.PhoneMasked, p.SiteId, p.Site?.Name ?? "",
        p.Role, p.Account?.Status ?? AccountStatus.Active, p.ParentAccountId, p.Remarks, p.CreatedAt);

    public static SiteView ToView(Site s) => new(s.Id, s.Name, s.RegionCode, s.Address, s.Status, s.OrganisationId, s.Organisation?.Name ?? "", s.Remarks, s.ParentId);

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
