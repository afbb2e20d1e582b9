using MiniCode.Infrastructure.Errors;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Rendering;

namespace MiniCode.Features.HealthCodes;

public sealed record CodeStyle(string Type, string Foreground, string Background, bool GoldBorder, string? BorderColor);

public sealed record CodeView(string Payload, HealthColor Color, IReadOnlyList<ColorReason> Reasons, string Guidance, CodeBadges Badges,
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, CodeStyle Style);

/// <summary>
/// 亮码: the signed live code of a person (self, or a relative through the households feature). Reads only (the status
/// is recomputed, a rare write, when time alone may have changed it); views are counted in memory.
/// </summary>
public sealed class ShowCodeService(MiniCodeDbContext db, CodeHolderCache holders, HealthStatusService statuses, ColorEngine engine, CodeSigner signer,
    IOptions<HealthCodeOptions> options, IOptions<ColorRulesOptions> rules, IFaceCheckGate faceCheck, CodeUsageCounters counters,
    IQrCodeRenderer qr, TimeProvider time, Logs.CodeEventLog events)
{
    public async Task<CodeView> ShowAsync(long personId, CancellationToken ct)
    {
        if (!await faceCheck.AllowsAsync(personId, ct)) throw new ApiException(HealthCodeErrors.FaceCheckRequired);
        var now = time.GetUtcNow();
        // Warm: no database command (CodeHolderCache). A refusal is re-read from the database before it is answered.
        var holder = await holders.GetAsync(db, personId, h => h is { Declared: true }, ct);
        if (holder is not { Declared: true }) throw new ApiException(HealthCodeErrors.DeclarationRequired);
        // A due review (a quarantine ended, an override expired) or no status yet: recomputed first, a rare write.
        var (status, reasons) = holder.StatusCurrentAt(now)
            ? (holder.Status!, holder.Reasons)
            : await statuses.CurrentAsync(personId, ct) is var fresh ? (fresh, CodeHolder.ReasonsOf(fresh)) : default;
        var o = options.Value;
        var (text, claims) = signer.Sign(CodeType.HealthCode, personId, status.Color, now, TimeSpan.FromSeconds(o.LiveCodeSeconds));
        counters.Increment(CodeType.HealthCode, holder.RegionCode, CodeUsage.Shown);
        events.Shown(CodeType.HealthCode, personId, holder.RegionCode);
        var badges = engine.BadgesAt(status.LatestNegativeSampleAt, status.Vaccination, now);
        var style = new CodeStyle("health_code", o.HexOf(status.Color), o.BackgroundHex, badges.GoldBorder, badges.GoldBorder ? o.GoldBorderHex : null);
        return new CodeView(text, status.Color, reasons, rules.Value.GuidanceFor(status.Color), badges, claims.IssuedAt, claims.ExpiresAt, style);
    }

    public byte[] Png(CodeView code) =>
        qr.Png(code.Payload, new QrStyle(options.Value.PngPixelsPerModule, code.Style.Foreground, code.Style.Background));

    public string Svg(CodeView code) =>
        qr.Svg(code.Payload, new QrStyle(options.Value.PngPixelsPerModule, code.Style.Foreground, code.Style.Background));
}
