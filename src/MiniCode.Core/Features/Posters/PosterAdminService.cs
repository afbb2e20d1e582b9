using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Organisations;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Posters;

public sealed record AdminPosterRow(long Id, PosterKind Kind, string VenueName, string Address, string RegionCode, VenueType VenueType,
    long OwnerAccountId, string ContactName, string ContactPhoneMasked, DateTimeOffset CreatedAt, DateTimeOffset? DeletedAt,
    DateTimeOffset? RevokedAt, string? RevokedReason, string Status);

public sealed record AdminPosterGeneration(int Number, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ValidUntil);

public sealed record AdminPosterDetail(AdminPosterRow Poster, IReadOnlyList<AdminPosterGeneration> Generations, int CheckInCount);

public sealed record AdminPosterPage(IReadOnlyList<AdminPosterRow> Items, int Total, int Page, int PageSize);

/// <summary>
/// Poster codes for the admin pages (the admin feature renders them and checks permissions and jurisdiction): search,
/// detail, revoke (audited; the poster stops working at once) and the check-ins of one poster, masked like the owner sees them.
/// </summary>
public sealed class PosterAdminService(MiniCodeDbContext db, VisitorRecords visitors, AuditLog audit, TimeProvider time)
{
    /// <summary>Search by venue name, address or poster id; <paramref name="regionScope"/> limits to a region and its subregions.</summary>
    public async Task<AdminPosterPage> SearchAsync(string? text, string? regionScope, bool includeDeleted, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var query = db.Set<Poster>().AsNoTracking();
        if (!includeDeleted) query = query.Where(p => p.DeletedAt == null);
        if (regionScope is { } scope && RegionCodes.IsValid(scope)) query = query.WithinRegion(p => p.RegionCode, scope);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            var id = long.TryParse(t.TrimStart('P', 'p'), out var n) ? n : -1;
            query = query.Where(p => p.Id == id || p.VenueName.Contains(t) || p.Address.Contains(t));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.Id).Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AdminPosterPage(rows.Select(p => Row(p)).ToList(), total, Math.Max(page, 1), pageSize);
    }

    public async Task<AdminPosterDetail> DetailAsync(long posterId, CancellationToken ct = default)
    {
        var poster = await db.Set<Poster>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == posterId, ct) ?? throw new ApiException(PostersErrors.NotFound);
        var generations = await db.Set<PosterGeneration>().AsNoTracking().Where(g => g.PosterId == posterId).OrderByDescending(g => g.Number)
            .Select(g => new AdminPosterGeneration(g.Number, g.IssuedAt, g.ExpiresAt, g.ValidUntil)).ToListAsync(ct);
        var checkIns = await db.Set<CheckIn>().CountAsync(c => c.PosterId == posterId, ct);
        return new AdminPosterDetail(Row(poster), generations, checkIns);
    }

    /// <summary>Stops a poster at once (e.g. misuse); scans answer <c>posters.revoked</c>.</summary>
    public async Task RevokeAsync(long posterId, string reason, string actor, CancellationToken ct = default)
    {
        new InputValidator().Required(reason, "reason", "停用原因", 200).ThrowIfInvalid();
        var poster = await db.Set<Poster>().FirstOrDefaultAsync(p => p.Id == posterId && p.DeletedAt == null, ct) ?? throw new ApiException(PostersErrors.NotFound);
        if (poster.RevokedAt is not null) return;
        poster.RevokedAt = time.GetUtcNow();
        poster.RevokedReason = reason.Trim();
        poster.RevokedBy = actor;
        audit.Record(actor, "poster.revoke", "poster", posterId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new { reason = poster.RevokedReason });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 码对象主体管理: corrects a venue's name and region, and stops (停用, as <see cref="RevokeAsync"/>) or restarts its
    /// poster. The QR carries only the poster id, so nothing is reprinted: scans and verifies read this row, and the A4
    /// PDF is cached by what it prints. Changes the tracked row for the caller's SaveChanges. Null for an unknown or
    /// deleted poster (a deletion is its owner's).
    /// </summary>
    public async Task<AuditedChange?> CorrectAsync(long posterId, SubjectCorrection correction, string actor, CancellationToken ct = default)
    {
        correction.Check(maxName: 100).ThrowIfInvalid();
        var p = await db.Set<Poster>().FirstOrDefaultAsync(x => x.Id == posterId && x.DeletedAt == null, ct);
        if (p is null) return null;
        var before = new { p.VenueName, p.RegionCode, Status = Row(p).Status };
        p.VenueName = correction.NewName ?? p.VenueName;
        p.RegionCode = correction.NewRegion ?? p.RegionCode;
        if (correction.Stopped == true && p.RevokedAt is null) (p.RevokedAt, p.RevokedReason, p.RevokedBy) = (time.GetUtcNow(), correction.TrimmedReason, actor);
        if (correction.Stopped == false) (p.RevokedAt, p.RevokedReason, p.RevokedBy) = (null, null, null);
        var after = new { p.VenueName, p.RegionCode, Status = Row(p).Status };
        return new AuditedChange(before, new { after.VenueName, after.RegionCode, after.Status, Reason = correction.TrimmedReason }, !before.Equals(after));
    }

    public async Task<OwnerCheckIns> CheckInsAsync(long posterId, DateTimeOffset? from, DateTimeOffset? to, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (!await db.Set<Poster>().AnyAsync(p => p.Id == posterId, ct)) throw new ApiException(PostersErrors.NotFound);
        return await visitors.PageAsync(posterId, from, to, page, pageSize, ct);
    }

    public async Task WriteCheckInsCsvAsync(long posterId, DateTimeOffset? from, DateTimeOffset? to, Stream output, CancellationToken ct = default)
    {
        if (!await db.Set<Poster>().AnyAsync(p => p.Id == posterId, ct)) throw new ApiException(PostersErrors.NotFound);
        await visitors.WriteCsvAsync(posterId, from, to, output, ct);
    }

    private static AdminPosterRow Row(Poster p) =>
        new(p.Id, p.Kind, p.VenueName, p.Address, p.RegionCode, p.VenueType, p.OwnerAccountId, p.ContactName, p.ContactPhoneMasked,
            p.CreatedAt, p.DeletedAt, p.RevokedAt, p.RevokedReason, p.DeletedAt is not null ? "deleted" : p.RevokedAt is not null ? "revoked" : "active");
}
