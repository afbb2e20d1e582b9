using System.Globalization;
using System.Text.RegularExpressions;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// 扫一扫: verifies the scanned code, applies the measured temperature through the colour engine (HealthFactsRecorder)
/// and stores the inspection record with the resulting colour and 劝返 flag, all in one transaction. A submission repeated
/// with the same idempotency key returns the first record.
/// </summary>
public sealed partial class ScanService(
    MiniCodeDbContext db, HealthCodeVerifier verifier, HealthFactsRecorder facts, HealthStatusService statuses, NoticeDispatcher notices,
    ScannerDirectory scanners, InspectionRecords records, AuditLog audit, TimeProvider time, IOptions<CheckpointOptions> options)
{
    /// <summary>Household registration in a high-risk region without the required local stay: the person is turned back (劝返).</summary>
    public static bool IsTurnBack(string reasonCodes) =>
        reasonCodes.Split(',').Contains(ColorReasons.RegisteredInHighRiskRegion.Code, StringComparer.Ordinal);

    /// <summary>What the scanner sees before entering the temperature: masked name, colour, reasons, 劝返. Records nothing.</summary>
    public async Task<ScanPreview> PreviewAsync(ScanPreviewRequest body, CancellationToken ct)
    {
        var (personId, maskedName) = await VerifyAsync(body.Payload!, ct);
        var status = await statuses.CurrentAsync(personId, ct);
        return new ScanPreview(maskedName, status.Color, InspectionRecords.Reasons(status.ReasonCodes, status.ReasonTexts), IsTurnBack(status.ReasonCodes));
    }

    public async Task<ScanRecordView> ScanAsync(ScannerProfile me, ScanRequest body, CancellationToken ct)
    {
        if (await records.ByKeyAsync(me.AccountId, body.IdempotencyKey!, ct) is { } first) return first;
        var (personId, _) = await VerifyAsync(body.Payload!, ct);
        return await RecordAsync(me, ScanKind.Scan, _ => Task.FromResult(personId), body.Temperature!.Value, body.Remarks, body.IdempotencyKey!, ct);
    }

    /// <summary>The measurement fields of a scan or an assisted registration (run by their requests' validation).</summary>
    public void ValidateMeasurement(decimal? temperature, string? remarks, string? key, InputValidator v)
    {
        var o = options.Value;
        v.Check(temperature is not null, "temperature", "请填写体温测量结果");
        if (temperature is { } t)
            v.Check(t >= o.MinTemperatureCelsius && t <= o.MaxTemperatureCelsius && decimal.Round(t, 1) == t, "temperature",
                string.Create(CultureInfo.InvariantCulture, $"体温须在{o.MinTemperatureCelsius}到{o.MaxTemperatureCelsius}℃之间，保留一位小数"));
        v.Optional(remarks, "remarks", "备注", 200);
        v.Check(key is not null && KeyPattern().IsMatch(key), "idempotencyKey", "请求标识须为8到64位字母、数字、- 或 _");
    }

    /// <summary>
    /// Stores the record (reported to the scanner's report sites) and the temperature reading, recomputes the colour and
    /// keeps it on the record, in one transaction. <paramref name="resolvePerson"/> runs inside it (assisted registration
    /// saves the new person there). A concurrent retry that lost the race on the unique key gets the winner's record.
    /// </summary>
    public async Task<ScanRecordView> RecordAsync(ScannerProfile me, ScanKind kind, Func<CancellationToken, Task<long>> resolvePerson,
        decimal temperature, string? remarks, string key, CancellationToken ct)
    {
        // A stopped site records nothing, even from a session that was still open when it stopped.
        if (me.Site!.Status != Organisations.SiteStatus.Active) throw new ApiException(CheckpointErrors.SiteStopped);
        var now = time.GetUtcNow();
        var reportSites = await scanners.ReportSitesAsync(me, ct);
        var actor = ScannerDirectory.Actor(me.AccountId);
        var record = new ScanRecord
        {
            ScannerAccountId = me.AccountId, SiteId = me.SiteId, Kind = kind, Temperature = temperature,
            Remarks = ScannerDirectory.Blank(remarks), IdempotencyKey = key, ScannedAt = now,
        };
        try
        {
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                record.PersonId = await resolvePerson(ct);
                record.Sites = reportSites.Select(s => new ScanRecordSite { SiteId = s.Id, PersonId = record.PersonId, ScannedAt = now }).ToList();
                db.Add(record);
                audit.Record(actor, kind == ScanKind.Scan ? "checkpoint.scan" : "checkpoint.assisted_registration", "person",
                    record.PersonId.ToString(CultureInfo.InvariantCulture), after: new { temperature, sites = reportSites.Select(s => s.Id).ToList(), key });
                var status = await facts.RecordTemperatureAsync(record.PersonId, temperature, actor, ct);
                record.Color = status.Color;
                record.ReasonCodes = status.ReasonCodes;
                record.ReasonTexts = status.ReasonTexts;
                record.TurnBack = IsTurnBack(status.ReasonCodes);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await records.ByKeyAsync(me.AccountId, key, ct) is { } first) return first;
            throw;
        }
        await notices.FlushAsync(ct);
        return await records.ViewAsync(record.Id, replayed: false, ct);
    }

    private async Task<(long PersonId, string MaskedName)> VerifyAsync(string payload, CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(payload, ct);
        if (!result.Valid)
            throw new ApiException(CheckpointErrors.CodeInvalid, extensions: new Dictionary<string, object?> { ["reason"] = result.ReasonCode });
        if (!result.Claims!.Type.IsPersonHealthCode()) throw new ApiException(CheckpointErrors.NotHealthCode);
        return (checked((long)result.Claims.SubjectId), result.MaskedName ?? "");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex KeyPattern();
}
