using MiniCode.Data;
using MiniCode.Features.Enterprises;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.DigitalSpace;

/// <summary>
/// 标签导入 by staff: a CSV (UTF-8, header row) with <c>tag_kind</c> (the kind's name), <c>document_type</c> (default
/// ResidentId) and <c>document_number</c> — a person's document, or an enterprise's credit code for an enterprise kind —
/// and <c>basis_reference</c>. Insert-only and within the jurisdiction: an unknown subject and one outside get the same
/// reason. Documents are looked up through the blind index only; rejected rows are kept with every number masked.
/// </summary>
public sealed class TagImports(MiniCodeDbContext db, TagAttachment attachment, PersonalDataProtector protector, BusinessCalendar calendar,
    IOptions<DigitalSpaceOptions> options, TimeProvider time)
{
    public const string UnknownSubjectReason = "未找到该证件号码（统一社会信用代码）的对象，或其不在本辖区";
    private const int MaxStoredRejections = 100_000;

    /// <param name="jurisdiction">The submitter's region (null = every region).</param>
    public async Task<TagImport> ImportAsync(string actor, string? jurisdiction, Stream csv, CancellationToken ct)
    {
        var import = new TagImport { SubmittedBy = actor, RegionCode = jurisdiction, StartedAt = time.GetUtcNow() };
        db.Add(import);
        await db.SaveChangesAsync(ct);
        var byName = await db.Set<TagKind>().AsNoTracking().Where(k => k.Status == TagKindStatus.Active).ToDictionaryAsync(k => k.Name, ct);
        await foreach (var row in CsvRowReader.ReadAsync(csv, ct))
        {
            import.TotalRows++;
            var reason = await RowAsync(import, row, byName, jurisdiction, ct);
            if (reason is null) import.AcceptedRows++;
            else if (++import.RejectedRows <= MaxStoredRejections)
                db.Add(new TagImportRejection { ImportId = import.Id, Line = row.Line, Reason = reason, Raw = HealthDataImporter.MaskedRaw(row) });
            if (import.TotalRows % 500 == 0) await db.SaveChangesAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        return import;
    }

    private async Task<string?> RowAsync(TagImport import, SourceRow row, Dictionary<string, TagKind> byName, string? jurisdiction, CancellationToken ct)
    {
        if (row.Fields.Count == 0) return "记录过长或格式错误";
        if (row.Fields.GetValueOrDefault("tag_kind")?.Trim() is not { Length: > 0 } name || !byName.TryGetValue(name, out var kind))
            return "tag_kind 不是启用的标签类型";
        var reference = row.Fields.GetValueOrDefault("basis_reference")?.Trim();
        if (reference is { Length: > 200 }) return "basis_reference 超过200个字符";
        var subject = kind.SubjectKind == TagSubjectKind.Person ? await PersonAsync(row, jurisdiction, ct) : await EnterpriseAsync(row, jurisdiction, ct);
        if (subject.Error is not null) return subject.Error;
        return await attachment.AttachAsync(kind, subject.Id, reference, $"import:{import.Id}", ct);
    }

    private async Task<(long Id, string? Error)> PersonAsync(SourceRow row, string? jurisdiction, CancellationToken ct)
    {
        var (key, error) = ImportRowParser.ParseDocument(row.Fields, calendar.Today());
        if (key is null) return (0, error);
        var index = protector.BlindIndex(key);
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.DocumentIndex == index && p.AnonymisedAt == null)
            .Select(p => new { p.Id, p.RegionCode }).FirstOrDefaultAsync(ct);
        return person is not null && RegionCodes.MayTarget(jurisdiction, person.RegionCode) ? (person.Id, null) : (0, UnknownSubjectReason);
    }

    private async Task<(long Id, string? Error)> EnterpriseAsync(SourceRow row, string? jurisdiction, CancellationToken ct)
    {
        var code = row.Fields.GetValueOrDefault("document_number")?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || code.Length != 18) return (0, "document_number 应为18位统一社会信用代码");
        var enterprise = await db.Set<Enterprise>().AsNoTracking().Where(e => e.CreditCode == code).Select(e => new { e.Id, e.RegionCode }).FirstOrDefaultAsync(ct);
        return enterprise is not null && RegionCodes.MayTarget(jurisdiction, enterprise.RegionCode) ? (enterprise.Id, null) : (0, UnknownSubjectReason);
    }

    /// <summary>Upload limit, for the page.</summary>
    public long MaxUploadBytes => options.Value.MaxUploadBytes;
}
