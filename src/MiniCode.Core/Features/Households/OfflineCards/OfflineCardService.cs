using System.Security.Cryptography;
using System.Text;
using MiniCode.Data;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;
using MiniCode.Features.Rendering;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Features.Households.OfflineCards;

public sealed record OfflineCardView(long Id, string Name, HealthColor Color, string Status, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt,
    string Payload, string PngPath, string CardPdfPath, string SheetPdfPath);

/// <summary>
/// One entry of the published revocation list. Offline verifiers match <c>signedSha256</c>, the SHA-256 (hex) of the
/// card's 23 signed bytes, or type + key id + subject + issuedAt: never the text, which a second signature could change.
/// <c>payloadSha256</c> (of the QR text) stays for verifiers written before; it misses a re-encoded card.
/// </summary>
public sealed record RevokedCard(string PayloadSha256, string SignedSha256, string KeyId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset RevokedAt);

public sealed record RevocationList(DateTimeOffset GeneratedAt, IReadOnlyList<RevokedCard> Cards);

/// <summary>
/// 离线码: issues signed offline cards for a person (self or relative; access checked by the caller), renders them from
/// the SVG template (cached), publishes the cards revoked because their holder's colour worsened, and expires them.
/// </summary>
public sealed class OfflineCardService(MiniCodeDbContext db, HealthStatusService statuses, CodeSigner signer, IQrCodeRenderer qr,
    ISvgConverter converter, CardFileCache cache, CodeUsageCounters counters, IOptions<OfflineCardOptions> options, IOptions<HealthCodeOptions> codeOptions,
    ICodeStyles styles, ICodeNumbers numbers, TimeProvider time, BusinessCalendar calendar)
{
    public async Task<OfflineCardView> IssueAsync(long accountId, long personId, CancellationToken ct)
    {
        if (!await db.IsDoneAsync(personId, ct))
            throw new ApiException(HealthCodeErrors.DeclarationRequired);
        var status = await statuses.CurrentAsync(personId, ct);
        var (text, claims) = signer.Sign(CodeType.OfflineCard, personId, status.Color, time.GetUtcNow(), TimeSpan.FromDays(options.Value.ValidDays));
        var card = new OfflineCard
        {
            PersonId = personId, IssuedByAccountId = accountId, Payload = text, PayloadHash = Hash(text), Color = status.Color,
            IssuedAt = claims.IssuedAt, ExpiresAt = claims.ExpiresAt, Status = OfflineCardStatus.Active,
        };
        db.Add(card);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(card, ct);
    }

    public async Task<IReadOnlyList<OfflineCardView>> ListAsync(long accountId, CancellationToken ct)
    {
        var issuers = await db.SameHumanAsync(accountId, ct); // cards belong to the person: every account of it sees them
        var cards = await db.Set<OfflineCard>().AsNoTracking().Where(c => issuers.Contains(c.IssuedByAccountId))
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id).ToListAsync(ct);
        var views = new List<OfflineCardView>(cards.Count);
        foreach (var card in cards) views.Add(await ViewAsync(card, ct));
        return views;
    }

    /// <summary>A card of the account's person, or 404; <paramref name="mayAct"/> checks the card's person is still self or a relative.</summary>
    public async Task<OfflineCard> FindAsync(long accountId, long cardId, Func<long, Task<bool>> mayAct, CancellationToken ct)
    {
        var issuers = await db.SameHumanAsync(accountId, ct);
        var card = await db.Set<OfflineCard>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId && issuers.Contains(c.IssuedByAccountId), ct);
        if (card is null || !await mayAct(card.PersonId)) throw new ApiException(HouseholdsErrors.CardNotFound);
        return card;
    }

    public async Task<OfflineCardView> ViewAsync(OfflineCard card, CancellationToken ct)
    {
        var name = await db.Set<Person>().Where(p => p.Id == card.PersonId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        var revokedBefore = await db.Set<HealthStatus>().Where(s => s.PersonId == card.PersonId).Select(s => s.RevokedBefore).FirstOrDefaultAsync(ct);
        var path = $"/api/me/offline-cards/{card.Id}";
        return new OfflineCardView(card.Id, SensitiveDataMasker.MaskName(name), card.Color, StateOf(card, revokedBefore).ToString().ToLowerInvariant(),
            card.IssuedAt, card.ExpiresAt, card.Payload, path + "/card.png", path + "/card.pdf", path + "/sheet.pdf");
    }

    /// <summary>The card's file; refused once the card expired or was revoked (a new card must be issued).</summary>
    public async Task<byte[]> RenderAsync(OfflineCard card, CardFormat format, CancellationToken ct)
    {
        // One round trip: the holder's revocation instant and region (for statistics).
        var holder = await db.Set<Person>().AsNoTracking().Where(p => p.Id == card.PersonId).Select(p => new
        {
            p.RegionCode,
            RevokedBefore = db.Set<HealthStatus>().Where(s => s.PersonId == card.PersonId).Select(s => s.RevokedBefore).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        if (StateOf(card, holder?.RevokedBefore) != OfflineCardStatus.Active) throw new ApiException(HouseholdsErrors.CardExpired);
        // A download is the offline card's 亮码: it is printed or kept on the phone to be shown.
        counters.Increment(CodeType.OfflineCard, holder?.RegionCode, CodeUsage.Shown);
        return await cache.GetOrCreateAsync(card.Id, format, async () =>
        {
            var content = await ContentAsync(card, ct);
            return format switch
            {
                CardFormat.Png => await converter.ConvertAsync(CardTemplate.Card(content), SvgOutput.Png, options.Value.PngWidthPixels, ct),
                CardFormat.CardPdf => await converter.ConvertAsync(CardTemplate.Card(content), SvgOutput.Pdf, null, ct),
                _ => await converter.ConvertAsync(CardTemplate.Sheet(content), SvgOutput.Pdf, null, ct),
            };
        }, ct);
    }

    /// <summary>Unexpired cards that are revoked: explicitly, or because the holder's colour worsened after issue.</summary>
    public async Task<RevocationList> RevocationsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await (from c in db.Set<OfflineCard>().AsNoTracking()
                          join s in db.Set<HealthStatus>().AsNoTracking() on c.PersonId equals s.PersonId into st
                          from s in st.DefaultIfEmpty()
                          where c.ExpiresAt > now && (c.Status == OfflineCardStatus.Revoked || (s != null && s.RevokedBefore > c.IssuedAt))
                          select new { Card = c, RevokedBefore = s == null ? null : s.RevokedBefore }).ToListAsync(ct);
        var cards = rows.Where(r => StateOf(r.Card, r.RevokedBefore) == OfflineCardStatus.Revoked)
            .Select(r => new RevokedCard(r.Card.PayloadHash, SignedHash(r.Card.Payload), KeyIdOf(r.Card.Payload), r.Card.IssuedAt, r.Card.ExpiresAt, r.Card.RevokedAt ?? r.RevokedBefore!.Value))
            .OrderBy(c => c.IssuedAt).ToList();
        return new RevocationList(now, cards);
    }

    /// <summary>The job's work: marks expired cards and cards whose holder's colour worsened, and drops their rendered files.</summary>
    public async Task<int> ExpireAndRevokeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var candidates = await (from c in db.Set<OfflineCard>()
                                join s in db.Set<HealthStatus>() on c.PersonId equals s.PersonId into st
                                from s in st.DefaultIfEmpty()
                                where c.Status == OfflineCardStatus.Active && (c.ExpiresAt <= now || (s != null && s.RevokedBefore > c.IssuedAt))
                                select new { Card = c, RevokedBefore = s == null ? null : s.RevokedBefore }).ToListAsync(ct);
        var changed = new List<long>();
        foreach (var x in candidates)
        {
            var state = StateOf(x.Card, x.RevokedBefore);
            if (state == OfflineCardStatus.Active) continue;
            x.Card.Status = state;
            if (state == OfflineCardStatus.Revoked)
            {
                x.Card.RevokedAt = x.RevokedBefore;
                x.Card.RevocationReason = "color_worsened";
            }
            changed.Add(x.Card.Id);
        }
        await db.SaveChangesAsync(ct);
        foreach (var id in changed) cache.Delete(id);
        return changed.Count;
    }

    /// <summary>The same rule as the verifier: revoked when issued before the (second-truncated) revocation instant.</summary>
    private OfflineCardStatus StateOf(OfflineCard card, DateTimeOffset? revokedBefore)
    {
        if (card.Status != OfflineCardStatus.Active) return card.Status;
        if (revokedBefore is { } rb && card.IssuedAt < DateTimeOffset.FromUnixTimeSeconds(rb.ToUnixTimeSeconds())) return OfflineCardStatus.Revoked;
        return time.GetUtcNow() >= card.ExpiresAt ? OfflineCardStatus.Expired : OfflineCardStatus.Active;
    }

    private async Task<CardContent> ContentAsync(OfflineCard card, CancellationToken ct)
    {
        var holder = await db.Set<Person>().Where(p => p.Id == card.PersonId).Select(p => new { p.Name, p.RegionCode }).FirstAsync(ct);
        // The card is a 个人码: the active 码样式 of its colour (at the first rendering, as the file is kept) and the holder's 码编号.
        var look = await styles.FindAsync(CodeCategories.Personal, card.Color.WireName(), ct);
        var hex = look?.Foreground ?? codeOptions.Value.HexOf(card.Color);
        var qrSvg = qr.Svg(card.Payload, new QrStyle(4, hex, look?.Background ?? codeOptions.Value.BackgroundHex));
        var number = await numbers.NumberOfAsync(CodeCategories.Personal, card.PersonId, holder.RegionCode, ct);
        return new CardContent(card.Id, options.Value.Title, SensitiveDataMasker.MaskName(holder.Name), card.Color, hex, calendar.ToLocal(card.IssuedAt), calendar.ToLocal(card.ExpiresAt),
            options.Value.ValidDays, qrSvg, number);
    }

    private static string KeyIdOf(string payload) =>
        CodePayload.TryParse(payload, out var claims, out _, out _) ? CodePayload.KeyIdText(claims.KeyId) : "";

    /// <summary>SHA-256 (hex) of the signed bytes of a code's text: the same for every valid signature of one card.</summary>
    public static string SignedHash(string payload) =>
        CodePayload.TryParse(payload, out _, out var signed, out _) ? Convert.ToHexStringLower(SHA256.HashData(signed)) : "";

    public static string Hash(string payload) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
}
