using System.Security.Claims;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;

namespace MiniCode.Features.HealthCodes.Reports;

public sealed record NucleicAcidView(DateTimeOffset SampledAt, string Result, string Institution);
public sealed record VaccinationView(int Dose, DateOnly VaccinatedOn, string Product, bool CompletesSeries);
/// <summary>A temperature as the history shows it: source <c>checkpoint</c> (on-site reading) or <c>declaration</c>.</summary>
public sealed record TemperatureView(decimal Celsius, TemperatureSource Source, DateTimeOffset MeasuredAt);
public sealed record ColorHistoryView(HealthColor? OldColor, HealthColor NewColor, string Cause, IReadOnlyList<string> ReasonCodes, DateTimeOffset At, TemperatureView? Temperature);

/// <summary>健康报告: masked identity, current colour with its history, nucleic-acid and vaccination records.</summary>
public sealed record HealthReport(string MaskedName, string MaskedDocument, HealthColor? Color, IReadOnlyList<ColorReason> Reasons,
    CodeBadges? Badges, IReadOnlyList<ColorHistoryView> History, IReadOnlyList<NucleicAcidView> NucleicAcid, IReadOnlyList<VaccinationView> Vaccinations);

/// <summary>
/// Reports and own-data queries by person id: the citizen's own (<c>/api/me/...</c>) or, through the households feature,
/// a relative's to their holder. Records are found by the person's document blind index.
/// </summary>
public sealed class HealthReportService(MiniCodeDbContext db, ColorEngine engine, TimeProvider time)
{
    public const int MaxRecords = 100;

    /// <summary>
    /// The full report, or with <paramref name="onlyRecordedBy"/> (a relative private to a holder) the colour and only the
    /// history those actors (the holder person's accounts) caused, without the person's results.
    /// </summary>
    public async Task<HealthReport> ReportAsync(long personId, CancellationToken ct, IReadOnlyCollection<string>? onlyRecordedBy = null)
    {
        var person = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == personId, ct);
        var status = await db.Set<HealthStatus>().AsNoTracking().FirstOrDefaultAsync(s => s.PersonId == personId, ct);
        var history = await db.Set<ColorChange>().AsNoTracking().Where(c => c.PersonId == personId && (onlyRecordedBy == null || onlyRecordedBy.Contains(c.Actor)))
            .OrderByDescending(c => c.At).Take(MaxRecords).ToListAsync(ct);
        var full = onlyRecordedBy is null;
        // Reasons come from what others recorded (declarations, lists, results): a private holder sees the colour only.
        var reasons = status is null || onlyRecordedBy is not null ? [] : status.ReasonCodes.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Zip(status.ReasonTexts.Split('；'), (c, t) => new ColorReason(c, t)).ToList();
        return new HealthReport(
            Infrastructure.Logging.SensitiveDataMasker.MaskName(person.Name), person.DocumentMasked, status?.Color, reasons,
            status is null || !full ? null : engine.BadgesAt(status.LatestNegativeSampleAt, status.Vaccination, time.GetUtcNow()),
            history.Select(c => new ColorHistoryView(c.OldColor, c.NewColor, c.Cause, c.ReasonCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), c.At,
                c is { TemperatureCelsius: { } celsius, TemperatureSource: { } source, TemperatureMeasuredAt: { } at } ? new TemperatureView(celsius, source, at) : null)).ToList(),
            full ? await NucleicAcidAsync(person.DocumentIndex, ct) : [], full ? await VaccinationsAsync(person.DocumentIndex, ct) : []);
    }

    public async Task<IReadOnlyList<NucleicAcidView>> NucleicAcidOfAsync(long personId, CancellationToken ct) =>
        await NucleicAcidAsync(await IndexOfAsync(personId, ct), ct);

    public async Task<IReadOnlyList<VaccinationView>> VaccinationsOfAsync(long personId, CancellationToken ct) =>
        await VaccinationsAsync(await IndexOfAsync(personId, ct), ct);

    private Task<string> IndexOfAsync(long personId, CancellationToken ct) =>
        db.Set<Person>().Where(p => p.Id == personId).Select(p => p.DocumentIndex).FirstAsync(ct);

    private async Task<IReadOnlyList<NucleicAcidView>> NucleicAcidAsync(string index, CancellationToken ct) =>
        (await db.Set<NucleicAcidResult>().AsNoTracking().Where(r => r.DocumentIndex == index).OrderByDescending(r => r.SampledAt).Take(MaxRecords).ToListAsync(ct))
            .Select(r => new NucleicAcidView(r.SampledAt, r.Negative ? "negative" : "positive", r.Institution)).ToList();

    private async Task<IReadOnlyList<VaccinationView>> VaccinationsAsync(string index, CancellationToken ct) =>
        (await db.Set<VaccinationRecord>().AsNoTracking().Where(r => r.DocumentIndex == index).OrderBy(r => r.Dose).ToListAsync(ct))
            .Select(v => new VaccinationView(v.Dose, v.VaccinatedOn, v.Product, v.CompletesSeries)).ToList();
}

/// <summary>健康报告 and own-data queries under <c>/api/me</c>.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder me)
    {
        me.MapGet("/health-report", Report);
        me.MapGet("/nucleic-acid-results", NucleicAcid);
        me.MapGet("/vaccinations", Vaccinations);
        return me;
    }

    /// <summary>我的健康报告</summary>
    /// <remarks>当前码色及原因、最近的核酸结果、疫苗接种、现场测温和风险名单状态的汇总。</remarks>
    internal static async Task<Ok<HealthReport>> Report(ClaimsPrincipal user, HealthReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.ReportAsync(user.PersonIdOrThrow(), ct));

    /// <summary>我的核酸检测结果</summary>
    /// <remarks>卫健部门导入的核酸检测结果，新的在前（采样时间、结果、机构）。</remarks>
    internal static async Task<Ok<IReadOnlyList<NucleicAcidView>>> NucleicAcid(ClaimsPrincipal user, HealthReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.NucleicAcidOfAsync(user.PersonIdOrThrow(), ct));

    /// <summary>我的疫苗接种记录</summary>
    /// <remarks>卫健部门导入的疫苗接种记录（剂次、日期、产品、是否完成全程）。</remarks>
    internal static async Task<Ok<IReadOnlyList<VaccinationView>>> Vaccinations(ClaimsPrincipal user, HealthReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.VaccinationsOfAsync(user.PersonIdOrThrow(), ct));
}
