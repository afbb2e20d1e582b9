using MiniCode.Infrastructure.Errors;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;
using MiniCode.Features.Rendering;

namespace MiniCode.Features.HealthCodes;

public sealed record CodeStyle(string Type, string Foreground, string Background, bool GoldBorder, string? BorderColor);

public sealed record CodeView(string Payload, HealthColor Color, IReadOnlyList<ColorReason> Reasons, string Guidance, CodeBadges Badges,
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, CodeStyle Style);

/// <summary>
/// 亮码: the signed live code of a person (self, or a relative through the households feature). Reads only (the status
/// is recomputed, a rare write, when time alone may have changed it); views are counted in memory.
/// </summary>
public sealed class ShowCodeService(MiniCodeDbContext db, HealthStatusService statuses, ColorEngine engine, CodeSigner signer,
    IOptions<HealthCodeOptions> options, IOptions<ColorRulesOptions> rules, IFaceCheckGate faceCheck, CodeUsageCounters counters,
    IQrCodeRenderer qr, TimeProvider time)
{
    private sealed record StatusRow(HealthStatus Status, bool Declared, string? Region);

    // The hot path of 亮码, compiled once: EF would otherwise walk the expression and compile a delegate for the
    // nested db.Set<...>() calls on every request.
    private static readonly Func<MiniCodeDbContext, long, CancellationToken, Task<StatusRow?>> StatusRowOf =
        EF.CompileAsyncQuery((MiniCodeDbContext db, long personId, CancellationToken ct) =>
            db.Set<HealthStatus>().AsNoTracking().Where(s => s.PersonId == personId)
                .Select(s => new StatusRow(s,
                    db.Set<HealthDeclaration>().Any(d => d.PersonId == personId)
                        || db.Set<Person>().Any(p => p.Id == personId && db.Set<Imports.PriorApplication>().Any(a => a.DocumentIndex == p.DocumentIndex)),
                    db.Set<Person>().Where(p => p.Id == personId).Select(p => p.RegionCode).FirstOrDefault()))
                .FirstOrDefault());

    /// <summary>The code of <paramref name="personId"/> (the viewer's own person or a relative) as <paramref name="viewer"/> shows it.</summary>
    public async Task<CodeView> ShowAsync(CodeViewer viewer, long personId, CancellationToken ct)
    {
        if (!await faceCheck.AllowsAsync(viewer, personId, ct)) throw new ApiException(HealthCodeErrors.FaceCheckRequired);
        var now = time.GetUtcNow();
        // One round trip on the hot path: the status, whether a declaration exists and the holder's region (for statistics).
        var row = await StatusRowOf(db, personId, ct);
        if (row is not { Declared: true } && !await db.IsDoneAsync(personId, ct))
            throw new ApiException(HealthCodeErrors.DeclarationRequired);
        var status = row is { Declared: true } && (row.Status.ReviewAt is null || row.Status.ReviewAt > now)
            ? row.Status : await statuses.CurrentAsync(personId, ct);
        var region = row is not null ? row.Region : await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId).Select(p => p.RegionCode).FirstOrDefaultAsync(ct);
        var o = options.Value;
        var (text, claims) = signer.Sign(CodeType.HealthCode, personId, status.Color, now, TimeSpan.FromSeconds(o.LiveCodeSeconds));
        counters.Increment(CodeType.HealthCode, region, CodeUsage.Shown);
        var badges = engine.BadgesAt(status.LatestNegativeSampleAt, status.Vaccination, now);
        var codes = status.ReasonCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var texts = status.ReasonTexts.Split('；');
        var reasons = codes.Select((c, i) => new ColorReason(c, i < texts.Length ? texts[i] : c)).ToList();
        var style = new CodeStyle("health_code", o.HexOf(status.Color), o.BackgroundHex, badges.GoldBorder, badges.GoldBorder ? o.GoldBorderHex : null);
        return new CodeView(text, status.Color, reasons, rules.Value.GuidanceFor(status.Color), badges, claims.IssuedAt, claims.ExpiresAt, style);
    }

    public byte[] Png(CodeView code) =>
        qr.Png(code.Payload, new QrStyle(options.Value.PngPixelsPerModule, code.Style.Foreground, code.Style.Background));

    public string Svg(CodeView code) =>
        qr.Svg(code.Payload, new QrStyle(options.Value.PngPixelsPerModule, code.Style.Foreground, code.Style.Background));
}
