using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.Errands;
using MiniCode.Features.Identity;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Admin.Areas.Admin.Pages.Errands;

/// <summary>
/// 授权记录查询: authorisations for matters within the jurisdiction, masked. ID numbers are searched by blind index and
/// travel only in the POST body (never in a URL, so never in logs or history); a search by document is audited.
/// </summary>
[RequirePermission(Permissions.Errands)]
public sealed class AuthorisationsModel(RealNameService realNames) : RegionalPageModel
{
    public const int MaxRows = 100;

    [BindProperty] public string? GrantorIdNumber { get; set; }
    [BindProperty] public string? GranteeIdNumber { get; set; }
    [BindProperty] public string? State { get; set; }
    [BindProperty] public long? MatterId { get; set; }
    [BindProperty] public string? CodeNumber { get; set; }

    public IReadOnlyList<ErrandMatter> Matters { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(ErrandAuthorisation Authorisation, string State, string Label);

    public Task OnGetAsync(CancellationToken ct) => SearchAsync(null, null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var v = new InputValidator().Check(State is null or "" or AuthorisationStates.Pending or AuthorisationStates.Accepted or AuthorisationStates.Declined
            or AuthorisationStates.Expired, nameof(State), "状态无效");
        var grantor = IndexOf(GrantorIdNumber, nameof(GrantorIdNumber), "授权人", v);
        var grantee = IndexOf(GranteeIdNumber, nameof(GranteeIdNumber), "被授权人", v);
        v.Optional(CodeNumber, nameof(CodeNumber), "码编号", CodeEngineRules.MaxNumberLength);
        if (!Accept(v))
        {
            await SearchAsync(null, null, ct, matchNothing: true);
            return Page();
        }
        await SearchAsync(grantor, grantee, ct);
        if (grantor is not null || grantee is not null)
            await Audit.RecordAsync("errand.search_by_document", "errand_authorisation", null, after: new
            {
                Grantor = SensitiveDataMasker.MaskIdNumber(GrantorIdNumber?.Trim()), Grantee = SensitiveDataMasker.MaskIdNumber(GranteeIdNumber?.Trim()), Found = Rows.Count,
            }, ct: ct);
        // The numbers are not echoed back into the form.
        (GrantorIdNumber, GranteeIdNumber) = (null, null);
        return Page();
    }

    private string? IndexOf(string? number, string field, string who, InputValidator v)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        var check = new InputValidator();
        var doc = realNames.ParseResidentId(number, check);
        if (doc is null) { v.Add(field, who + "身份证号码无效"); return null; }
        return realNames.BlindIndexOf(doc);
    }

    private async Task SearchAsync(string? grantorIndex, string? granteeIndex, CancellationToken ct, bool matchNothing = false)
    {
        Matters = await Within.ErrandMatters.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(ct);
        if (matchNothing) return;
        var query = Within.ErrandAuthorisations.AsNoTracking().Include(a => a.Grantor).AsQueryable();
        if (grantorIndex is not null) query = query.Where(a => a.Grantor!.DocumentIndex == grantorIndex);
        if (granteeIndex is not null) query = query.Where(a => a.GranteeDocumentIndex == granteeIndex);
        if (MatterId is { } matter) query = query.Where(a => a.MatterId == matter);
        if (!string.IsNullOrWhiteSpace(CodeNumber))
        {
            var number = CodeNumber.Trim().ToUpperInvariant();
            query = query.Where(a => a.CodeNumber == number);
        }
        // The state depends on today's date, so it is applied to the newest rows here.
        var today = Calendar.Today();
        var rows = await query.OrderByDescending(a => a.Id).Take(MaxRows * 5).ToListAsync(ct);
        Rows = rows.Select(a => (a, AuthorisationStates.Of(a, today).State)).Where(x => string.IsNullOrEmpty(State) || x.State == State)
            .Take(MaxRows).Select(x => new Row(x.a, x.State, AuthorisationStates.Label(x.State))).ToList();
    }

    public static string Masked(string? name) => SensitiveDataMasker.MaskName(name);

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");

    public static string BadgeOf(string state) => state switch
    {
        AuthorisationStates.Accepted => "ok",
        AuthorisationStates.Pending => "hot",
        _ => "off",
    };
}
