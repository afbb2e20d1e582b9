using MiniCode.Infrastructure.Errors;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;
using MiniCode.Features.Rendering;

namespace MiniCode.Features.HealthCodes;

/// <param name="Icon">The icon of the active 码样式 of the category and colour (null = the mini program's own).</param>
public sealed record CodeStyle(string Type, string Foreground, string Background, bool GoldBorder, string? BorderColor, string? Icon = null);

/// <param name="CodeNumber">码编号 printed under the QR (null without the code engine).</param>
public sealed record CodeView(string Payload, HealthColor Color, IReadOnlyList<ColorReason> Reasons, string Guidance, CodeBadges Badges,
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, CodeStyle Style, string? CodeNumber = null);

/// <summary>
/// 亮码: the signed live code of a person (self, or a relative through the households feature). Reads only (the status
/// is recomputed, a rare write, when time alone may have changed it); views are counted in memory.
/// </summary>
public sealed class ShowCodeService(MiniCodeDbContext db, HealthStatusService statuses, ColorEngine engine, CodeSigner signer,
    IOptions<HealthCodeOptions> options, IOptions<ColorRulesOptions> rules, IFaceCheckGate faceCheck, CodeUsageCounters counters,
    IQrCodeRenderer qr, ICodeStyles styles, ICodeNumbers numbers, TimeProvider time)
{
    private sealed record StatusRow(HealthStatus Status, bool Declared, string? Region);

    // The hot path of 亮码, compiled once: EF would otherwise walk the expression and compile a delegate for the
    // nested db.Set<...>() calls on every request.
    private static readonly Func<MiniCodeDbContext, long, CancellationToken, Task<StatusRow?>> StatusRowOf =
        EF.CompileAsyncQuery((MiniCodeDbContext db, long personId, CancellationToken ct) =>
            db.Set<HealthStatus>().AsNoTracking().Where(s => s.PersonId == personId)
                .Select(s => new StatusRow(s,
                    db.Set<HealthDeclaration>().Any(d => d.PersonId == personId),
                    db.Set<Person>().Where(p => p.Id == personId).Select(p => p.RegionCode).FirstOrDefault()))
                .FirstOrDefault());

    public async Task<CodeView> ShowAsync(long personId, CancellationToken ct)
    {
        if (!await faceCheck.AllowsAsync(personId, ct)) throw new ApiException(HealthCodeErrors.FaceCheckRequired);
        var now = time.GetUtcNow();
        // One round trip on the hot path: the status, whether a declaration exists and the holder's region (for statistics).
        var row = await StatusRowOf(db, personId, ct);
        if (row is not { Declared: true } && !await db.Set<HealthDeclaration>().AsNoTracking().AnyAsync(d => d.PersonId == personId, ct))
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
        // 码样式 and 码编号 (code engine): both answered from memory when warm.
        var look = await styles.FindAsync(CodeCategories.Personal, status.Color.ToString().ToLowerInvariant(), ct);
        var style = new CodeStyle("health_code", look?.Foreground ?? o.HexOf(status.Color), look?.Background ?? o.BackgroundHex, badges.GoldBorder,
            badges.GoldBorder ? o.GoldBorderHex : null, look?.Icon);
        var number = await numbers.NumberOfAsync(CodeCategories.Personal, personId, region, ct);
        return new CodeView(text, status.Color, reasons, rules.Value.GuidanceFor(status.Color), badges, claims.IssuedAt, claims.ExpiresAt, style, number);
    }

    public byte[] Png(CodeView code) =>
        qr.Png(code.Payload, new QrStyle(options.Value.PngPixelsPerModule, code.Style.Foreground, code.Style.Background));

    public string Svg(CodeView code) =>
        CodeCaption.UnderSvg(qr.Svg(code.Payload, new QrStyle(options.Value.PngPixelsPerModule, code.Style.Foreground, code.Style.Background)),
            code.CodeNumber, code.Style.Foreground, code.Style.Background);
}
