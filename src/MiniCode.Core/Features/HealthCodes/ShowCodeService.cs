using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Errors;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
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
public sealed class ShowCodeService(Deferred<MiniCodeDbContext> db, CodeHolderCache holders, Deferred<HealthStatusService> statuses, ColorEngine engine, CodeSigner signer,
    IOptions<HealthCodeOptions> options, IOptions<ColorRulesOptions> rules, IFaceCheckGate faceCheck, CodeUsageCounters counters,
    IQrCodeRenderer qr, ICodeStyles styles, ICodeNumbers numbers, TimeProvider time, Logs.CodeEventLog events)
{
    /// <summary>The code of <paramref name="personId"/> (the viewer's own person or a relative) as <paramref name="viewer"/> shows it.</summary>
    public async Task<CodeView> ShowAsync(CodeViewer viewer, long personId, CancellationToken ct)
    {
        if (!await faceCheck.AllowsAsync(viewer, personId, ct)) throw new ApiException(HealthCodeErrors.FaceCheckRequired);
        var now = time.GetUtcNow();
        // Warm: no database command (CodeHolderCache). A refusal is re-read from the database before it is answered.
        var holder = await holders.GetAsync(db, personId, h => h is { Declared: true }, ct);
        if (holder is not { Declared: true }) throw new ApiException(HealthCodeErrors.DeclarationRequired);
        // A due review (a quarantine ended, an override expired) or no status yet: recomputed first, a rare write.
        var (status, reasons) = holder.StatusCurrentAt(now)
            ? (holder.Status!, holder.Reasons)
            : await statuses.Value.CurrentAsync(personId, ct) is var fresh ? (fresh, CodeHolder.ReasonsOf(fresh)) : default;
        var o = options.Value;
        var (text, claims) = signer.Sign(CodeType.HealthCode, personId, status.Color, now, TimeSpan.FromSeconds(o.LiveCodeSeconds));
        counters.Increment(CodeType.HealthCode, holder.RegionCode, CodeUsage.Shown);
        events.Shown(CodeType.HealthCode, personId, holder.RegionCode);
        var badges = engine.BadgesAt(status.LatestNegativeSampleAt, status.Vaccination, now);
        // 码样式 (code engine) answered from memory when warm; the 码编号 comes with the holder, issued on the first showing.
        var look = await styles.FindAsync(CodeCategories.Personal, status.Color.WireName(), ct);
        var style = new CodeStyle("health_code", look?.Foreground ?? o.HexOf(status.Color), look?.Background ?? o.BackgroundHex, badges.GoldBorder,
            badges.GoldBorder ? o.GoldBorderHex : null, look?.Icon);
        var number = holder.CodeNumber ?? await IssueNumberAsync(holder, ct);
        return new CodeView(text, status.Color, reasons, rules.Value.GuidanceFor(status.Color), badges, claims.IssuedAt, claims.ExpiresAt, style, number);
    }

    /// <summary>The first showing's 码编号 (assigned now). Its issue dropped the holder cached without it: read again
    /// here, on the cold path, so that the next showing is warm.</summary>
    private async Task<string?> IssueNumberAsync(CodeHolder holder, CancellationToken ct)
    {
        var number = await numbers.NumberOfAsync(CodeCategories.Personal, holder.PersonId, holder.RegionCode, ct);
        if (number is not null) await holders.GetAsync(db, holder.PersonId, ct);
        return number;
    }

    public byte[] Png(CodeView code) => qr.Png(code.Payload, ImageStyle(code));

    public string Svg(CodeView code) => qr.Svg(code.Payload, ImageStyle(code));

    /// <summary>The code's colours with its code number as the caption under the QR.</summary>
    private QrStyle ImageStyle(CodeView code) =>
        new(options.Value.PngPixelsPerModule, code.Style.Foreground, code.Style.Background, Caption: code.CodeNumber);
}
