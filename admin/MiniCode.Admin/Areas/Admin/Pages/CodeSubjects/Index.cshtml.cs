using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeSubjects;

/// <summary>
/// 码对象主体管理: the subjects of one kind (persons, enterprises, venues, licences) within the jurisdiction, by name or
/// number, region and status, a page at a time; people's names and documents, and phones, masked.
/// </summary>
[RequirePermission(Permissions.CodeSubjects)]
public sealed class IndexModel(IOptions<AdminOptions> options) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    // "p", not "page": the route value "page" is the Razor page's own name.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public SubjectKindInfo Selected { get; private set; } = SubjectKinds.All[0];
    public SubjectPage Result { get; private set; } = new([], 0);
    public int PageCount => Math.Max(1, (Result.Total + options.Value.PageSize - 1) / options.Value.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Query, Region, Status) = (Blank(Query), Blank(Region), Blank(Status));
        var kind = SubjectKinds.Find(Kind);
        var validator = new InputValidator().Check(Kind is null || kind is not null, "kind", "码分类无效")
            .Check(Status is null || SubjectKinds.IsStatus(Status), "status", "状态无效")
            .Check(Region is null || RegionCodes.IsValid(Region), "region", "地区编码应为6位数字")
            .Optional(Query, "q", "名称或编号", 100);
        if (Region is not null && RegionCodes.IsValid(Region)) validator.Check(MayTarget(Region), "region", $"只能查询本辖区（{Jurisdiction}）内的码对象主体");
        // Bad input shows its error over the whole jurisdiction's list of the kind, never a wider one.
        var valid = Accept(validator);
        Selected = kind ?? SubjectKinds.All[0];
        Kind = Selected.Key;
        var filter = new SubjectFilter(Selected, valid ? Query : null, valid ? Status : null);
        var directory = new SubjectDirectory(valid ? Within.Narrowed(Region) : Within, Db, Calendar);
        Result = await directory.ListAsync(filter, PageNumber, options.Value.PageSize, ct);
    }

    public string LinkFor(int page, string? kind = null) => "/admin/codesubjects?" + string.Join('&',
        new[] { ("kind", kind ?? Kind), ("q", kind is null ? Query : null), ("region", kind is null ? Region : null), ("status", kind is null ? Status : null),
                ("p", page.ToString(CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
