using System.Text.RegularExpressions;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Identity;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Posters;

/// <summary>
/// The owner's side of poster codes (张贴码): apply, list, detail, delete and rotate. A poster answers only to its owner
/// account; another account gets <c>posters.not_found</c>, never a hint that the poster exists.
/// </summary>
public sealed partial class PosterService(MiniCodeDbContext db, CodeSigner signer, PersonalDataProtector protector,
    IOptions<PosterOptions> options, TimeProvider time)
{
    /// <summary>Posters belong to the person: every account standing on it sees and manages them.</summary>
    private Task<List<long>> OwnersAsync(long accountId, CancellationToken ct) => db.SameHumanAsync(accountId, ct);

    public async Task<PosterView> ApplyAsync(long accountId, PosterRequest r, CancellationToken ct)
    {
        var owners = await OwnersAsync(accountId, ct);
        var phone = NormalisePhone(r.ContactPhone);
        var o = options.Value;
        if (await db.Set<Poster>().CountAsync(p => owners.Contains(p.OwnerAccountId) && p.DeletedAt == null, ct) >= o.MaxPostersPerOwner)
            throw new ApiException(PostersErrors.TooMany);

        var now = time.GetUtcNow();
        var poster = new Poster
        {
            OwnerAccountId = accountId,
            Kind = r.Kind!.Value,
            VenueName = r.VenueName!.Trim(),
            Address = r.Address!.Trim(),
            RegionCode = r.RegionCode!,
            VenueType = r.VenueType!.Value,
            ContactName = r.ContactName!.Trim(),
            ContactPhoneCipher = protector.Encrypt(phone!),
            ContactPhoneIndex = protector.BlindIndex("phone:" + phone),
            ContactPhoneMasked = SensitiveDataMasker.MaskPhone(phone),
            CreatedAt = now,
        };
        // The payload signs the poster id, so the row needs its id first: both writes commit together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(poster);
        await db.SaveChangesAsync(ct);
        var generation = Issue(poster.Id, 1, now);
        db.Add(generation);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return View(poster, generation, []);
    }

    public async Task<PosterList> ListAsync(long accountId, CancellationToken ct)
    {
        var owners = await OwnersAsync(accountId, ct);
        var posters = await db.Set<Poster>().AsNoTracking().Where(p => owners.Contains(p.OwnerAccountId) && p.DeletedAt == null)
            .OrderByDescending(p => p.Id).ToListAsync(ct);
        var ids = posters.Select(p => p.Id).ToList();
        var current = await db.Set<PosterGeneration>().AsNoTracking().Where(g => ids.Contains(g.PosterId) && g.ValidUntil == null)
            .ToDictionaryAsync(g => g.PosterId, ct);
        return new PosterList(posters.Select(p => Summary(p, current[p.Id])).ToList(), posters.Count);
    }

    public async Task<PosterView> DetailAsync(long accountId, long posterId, CancellationToken ct)
    {
        var (poster, current) = await OwnedAsync(accountId, posterId, ct);
        var now = time.GetUtcNow();
        var previous = await db.Set<PosterGeneration>().AsNoTracking().Where(g => g.PosterId == posterId && g.ValidUntil != null)
            .OrderByDescending(g => g.Number).ToListAsync(ct);
        return View(poster, current, previous.Where(g => g.ValidUntil > now).Select(g => new PreviousGeneration(g.Number, g.ValidUntil!.Value)).ToList());
    }

    /// <summary>Deleting stops the poster at once; its check-ins stay (for tracing) until the retention purge.</summary>
    public async Task DeleteAsync(long accountId, long posterId, CancellationToken ct)
    {
        var owners = await OwnersAsync(accountId, ct);
        var poster = await db.Set<Poster>().FirstOrDefaultAsync(p => p.Id == posterId && owners.Contains(p.OwnerAccountId) && p.DeletedAt == null, ct)
            ?? throw new ApiException(PostersErrors.NotFound);
        poster.DeletedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Regenerates the poster against forwarded photos: a new payload and scene; the previous ones keep working for the
    /// configured grace period so the owner can replace the print.
    /// </summary>
    public async Task<PosterView> RotateAsync(long accountId, long posterId, CancellationToken ct)
    {
        var (poster, _) = await OwnedAsync(accountId, posterId, ct);
        if (poster.RevokedAt is not null) throw new ApiException(PostersErrors.Revoked);
        var now = time.GetUtcNow();
        var graceEnd = now + options.Value.RotationGrace;
        var live = await db.Set<PosterGeneration>().Where(g => g.PosterId == posterId && (g.ValidUntil == null || g.ValidUntil > graceEnd)).ToListAsync(ct);
        foreach (var g in live) g.ValidUntil = graceEnd;
        var number = await db.Set<PosterGeneration>().Where(g => g.PosterId == posterId).MaxAsync(g => g.Number, ct) + 1;
        db.Add(Issue(posterId, number, now));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new ApiException(CommonErrors.Conflict); } // a concurrent rotation took the number
        return await DetailAsync(accountId, posterId, ct);
    }

    /// <summary>The owner's live (not deleted) poster and its current generation, or <c>posters.not_found</c>.</summary>
    public async Task<(Poster Poster, PosterGeneration Current)> OwnedAsync(long accountId, long posterId, CancellationToken ct)
    {
        var owners = await OwnersAsync(accountId, ct);
        var poster = await db.Set<Poster>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == posterId && owners.Contains(p.OwnerAccountId) && p.DeletedAt == null, ct)
            ?? throw new ApiException(PostersErrors.NotFound);
        var current = await db.Set<PosterGeneration>().AsNoTracking().SingleAsync(g => g.PosterId == posterId && g.ValidUntil == null, ct);
        return (poster, current);
    }

    private PosterGeneration Issue(long posterId, int number, DateTimeOffset now)
    {
        var (payload, claims) = signer.Sign(CodeType.Poster, posterId, null, now, TimeSpan.FromDays(options.Value.PayloadLifetimeDays));
        return new PosterGeneration
        {
            PosterId = posterId, Number = number, Payload = payload, SceneToken = PosterScene.NewToken(),
            IssuedAt = claims.IssuedAt, ExpiresAt = claims.ExpiresAt,
        };
    }

    internal PosterSummary Summary(Poster p, PosterGeneration current) =>
        new(p.Id, p.Kind, p.VenueName, p.Address, p.RegionCode, p.VenueType, p.ContactName, p.ContactPhoneMasked, p.CreatedAt,
            current.Number, current.ExpiresAt, StatusOf(p, current, time.GetUtcNow()));

    internal static string StatusOf(Poster p, PosterGeneration current, DateTimeOffset now) =>
        p.DeletedAt is not null ? "deleted" : p.RevokedAt is not null ? "revoked" : now >= current.ExpiresAt ? "expired" : "active";

    private PosterView View(Poster p, PosterGeneration g, IReadOnlyList<PreviousGeneration> previous)
    {
        var root = $"/api/posters/{p.Id}";
        return new PosterView(Summary(p, g), g.Payload, PosterScene.Format(p.Id, g.SceneToken), g.IssuedAt, previous,
            new PosterLinks(root + "/qr.png", root + "/qr.svg", root + "/poster.pdf", root + "/wechat-code.png", root + "/alipay-code",
                root + "/check-ins", root + "/check-ins.csv"));
    }

    /// <summary>The owner's posters named by <paramref name="ids"/> (all of them when none are named), at most <c>MaxPostersPerPdf</c>.</summary>
    public async Task<List<(Poster, PosterGeneration)>> PagesAsync(long accountId, long[]? ids, CancellationToken ct)
    {
        var wanted = ids is { Length: > 0 } ? ids.Distinct().ToList() : (await ListAsync(accountId, ct)).Items.Select(p => p.Id).ToList();
        var max = options.Value.MaxPostersPerPdf;
        new InputValidator()
            .Check(wanted.Count > 0, "ids", "没有可下载的张贴码")
            .Check(wanted.Count <= max, "ids", $"一次最多下载{max}张张贴码")
            .ThrowIfInvalid();
        var pages = new List<(Poster, PosterGeneration)>();
        foreach (var posterId in wanted) pages.Add(await OwnedAsync(accountId, posterId, ct));
        return pages;
    }

    /// <summary>A mainland mobile or a landline such as 0431-88881234, normalised; null when it is neither.</summary>
    public static string? NormalisePhone(string? input)
    {
        if (PhoneNumbers.Normalise(input) is { } mobile) return mobile;
        var s = input?.Trim() ?? "";
        return Landline().IsMatch(s) ? s : null;
    }

    [GeneratedRegex(@"^0[0-9]{2,3}-?[0-9]{7,8}$")]
    private static partial Regex Landline();
}
