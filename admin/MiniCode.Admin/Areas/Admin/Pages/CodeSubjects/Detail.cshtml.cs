using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Audit;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.Enterprises;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Identity;
using MiniCode.Features.Posters;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeSubjects;

/// <summary>
/// One code subject: name, region, status, the codes issued for it and the audit entries about it; and the correction
/// (with <see cref="Permissions.CodeSubjectsEdit"/>) of what its kind lets staff change, done by the feature that owns
/// the subject, with a reason, audited. A subject outside the jurisdiction is missing (404), and so is a move out of it refused.
/// </summary>
[RequirePermission(Permissions.CodeSubjects)]
public sealed class DetailModel(RealNameService people, EnterpriseService enterprises, PosterAdminService posters) : RegionalPageModel
{
    public const string CorrectAction = "code_subject.correct";

    public sealed record CodeRow(string Category, string Code, DateTimeOffset? At);
    public sealed record AuditRow(DateTimeOffset At, string Actor, string Action, string? Before, string? After);

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public SubjectKindInfo Info { get; private set; } = SubjectKinds.All[0];
    public SubjectRow Subject { get; private set; } = null!;
    public IReadOnlyList<CodeRow> Codes { get; private set; } = [];
    public IReadOnlyList<AuditRow> AuditEntries { get; private set; } = [];
    public bool MayCorrect => Current.Has(Permissions.CodeSubjectsEdit) && Info.Corrects != Correctable.Nothing && Subject.Status != SubjectKinds.Ended;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCorrectAsync(string? name, string? regionCode, string? status, string? reason, CancellationToken ct)
    {
        if (!Current.Has(Permissions.CodeSubjectsEdit)) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        var correction = CorrectionOf(name, regionCode, status, reason, out var validator);
        if (!Accept(validator)) return Page();
        AuditedChange? change;
        try
        {
            change = Info.Kind switch
            {
                SubjectKind.Person => await people.CorrectRegionAsync(Id, correction, ct),
                SubjectKind.Enterprise => await enterprises.CorrectAsync(Id, correction, ct),
                _ => await posters.CorrectAsync(Id, correction, Current.Actor, ct),
            };
        }
        catch (ApiException ex)
        {
            Refused(ex);
            return Page();
        }
        if (change is null) return NotFound();
        await Audit.RecordAsync(CorrectAction, Info.AuditType, Id, change.Before, change.After, ct);
        Flash($"已更正“{Subject.Name}”");
        return RedirectToPage(new { kind = Info.Key, Id });
    }

    /// <summary>
    /// The fields that differ from the subject as it is, those the kind corrects; one its kind does not correct is left
    /// to the owning service to refuse with its reason. The page checks what only it knows: the status words, that the
    /// new region lies within the jurisdiction, and that something changes at all.
    /// </summary>
    private SubjectCorrection CorrectionOf(string? name, string? regionCode, string? status, string? reason, out InputValidator validator)
    {
        (name, regionCode, status) = (name?.Trim(), regionCode?.Trim(), status?.Trim());
        validator = new InputValidator()
            .Check(Info.Corrects != Correctable.Nothing, "", "电子证照是签发机构的记录，不能在此更正；持证人可解除绑定")
            .Check(string.IsNullOrEmpty(status) || status is SubjectKinds.Active or SubjectKinds.Stopped, "status", "状态无效，应为正常或停用");
        validator = CheckInside(validator, regionCode, "regionCode", "更正后的地区");
        var newName = string.IsNullOrEmpty(name) || name == RawName() ? null : name;
        var newRegion = string.IsNullOrEmpty(regionCode) || regionCode == Subject.Region ? null : regionCode;
        bool? stopped = status switch { SubjectKinds.Stopped => true, SubjectKinds.Active => false, _ => null };
        if (stopped is { } s && s == (Subject.Status == SubjectKinds.Stopped)) stopped = null;
        if (validator.IsValid && Info.Corrects != Correctable.Nothing)
            validator.Check(newName is not null || newRegion is not null || stopped is not null, "", "没有需要更正的内容");
        return new SubjectCorrection(newName, newRegion, stopped, reason);
    }

    /// <summary>The name as stored, to tell a change from the form sending it back (a person's is shown masked and never sent).</summary>
    private string? RawName() => Info.Corrects.HasFlag(Correctable.Name) ? Subject.Name : null;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (SubjectKinds.Find(Kind) is not { } info) return false;
        Info = info;
        if (await new SubjectDirectory(Within, Db, Calendar).FindAsync(info, Id, ct) is not { } subject) return false;
        Subject = subject;
        var category = await Db.Set<CodeCategory>().AsNoTracking().Where(c => c.Code == info.Category).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? info.Category;
        var codes = (await Db.Set<CodeNumber>().AsNoTracking().Where(n => n.Category == info.Category && n.SubjectId == Id).ToListAsync(ct))
            .Select(n => new CodeRow(category, n.Number, n.AssignedAt)).ToList();
        codes.AddRange(await IssuedCodesAsync(category, ct));
        Codes = codes;
        var target = Id.ToString(CultureInfo.InvariantCulture);
        var entries = await Db.Set<AuditEntry>().AsNoTracking().Where(e => e.TargetType == info.AuditType && e.TargetId == target)
            .OrderByDescending(e => e.Id).Take(50).ToListAsync(ct);
        var actors = await ActorNamesAsync(entries.Select(e => e.Actor), ct);
        AuditEntries = entries.Select(e => new AuditRow(e.At, actors.GetValueOrDefault(e.Actor, e.Actor), e.Action, e.Before, e.After)).ToList();
        return true;
    }

    /// <summary>The codes the subject's feature issues beyond its number: an enterprise's per bound staff member, a poster's generations.</summary>
    private async Task<IReadOnlyList<CodeRow>> IssuedCodesAsync(string category, CancellationToken ct)
    {
        switch (Info.Kind)
        {
            case SubjectKind.Enterprise:
                var bound = await Within.EnterpriseBindings.CountAsync(b => b.EnterpriseId == Id && b.RemovedAt == null, ct);
                return [new CodeRow(category, $"在绑员工 {bound} 人，各持一个企业码", null)];
            case SubjectKind.Poster:
                return (await Db.Set<PosterGeneration>().AsNoTracking().Where(g => g.PosterId == Id).OrderByDescending(g => g.Number)
                        .Select(g => new { g.Number, g.IssuedAt, g.ValidUntil }).ToListAsync(ct))
                    .Select(g => new CodeRow(category, $"P{Id} 第 {g.Number} 代{(g.ValidUntil is null ? "（当前）" : "")}", g.IssuedAt)).ToList();
            default:
                return [];
        }
    }
}
