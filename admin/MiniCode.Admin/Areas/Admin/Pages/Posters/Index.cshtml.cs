using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Organisations;
using MiniCode.Features.Posters;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Posters;

/// <summary>Poster codes within the staff member's jurisdiction: search by venue name, address or code (P123), region, deleted ones.</summary>
[RequirePermission(Permissions.Posters)]
public sealed class IndexModel(PosterAdminService posters, IOptions<AdminOptions> options) : PosterPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeDeleted { get; set; }
    // "p", not "page": the route value "page" is the Razor page's own name and would not bind as a number.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public AdminPosterPage Result { get; private set; } = new([], 0, 1, 20);
    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        var validator = new InputValidator().Check(Region is null || RegionCodes.IsValid(Region), "region", "地区编码应为6位数字");
        if (validator.IsValid && Region is not null)
            validator.Check(MayTarget(Region), "region", $"只能查询本辖区（{Jurisdiction}）内的张贴码");
        // An invalid or out-of-jurisdiction region falls back to the whole jurisdiction, never wider.
        var scope = Accept(validator) && Region is not null ? Region : Jurisdiction;
        Result = await posters.SearchAsync(Query, scope, IncludeDeleted, PageNumber, options.Value.PageSize, ct);
    }

    public string LinkFor(int page) => "/admin/posters?" + string.Join('&',
        new[] { ("q", Query), ("region", Region), ("includeDeleted", IncludeDeleted ? "true" : null), ("p", page.ToString(CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}
