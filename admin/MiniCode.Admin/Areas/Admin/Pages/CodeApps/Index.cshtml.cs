using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeApps;

/// <summary>
/// 码应用管理 (码权限, 一码通 §2.2.5): the applications within the jurisdiction; register one (its key is shown once, on the
/// answer page), switch 生成权限 and 扫码权限 on and off, rotate a key. Changes are audited by <see cref="ApplicationService"/>.
/// </summary>
[RequirePermission(Permissions.CodeApps)]
public sealed class IndexModel(ApplicationService applications, ICodeCategoryCatalog catalog) : RegionalPageModel
{
    public IReadOnlyList<CodeApplication> Applications { get; private set; } = [];
    public IReadOnlyList<CodeCategoryInfo> Categories { get; private set; } = [];
    /// <summary>The key just made, shown on this answer only.</summary>
    public (string Name, string Key)? NewKey { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? owner, string? regionCode, bool generateEnabled, string[]? generateCategories,
        bool verifyEnabled, string[]? verifyCategories, bool seesMaskedName, bool seesPortrait, int? perMinute, CancellationToken ct)
    {
        var input = new ApplicationInput(name, owner, regionCode?.Trim(), true, generateEnabled, generateCategories ?? [], verifyEnabled, verifyCategories ?? [],
            seesMaskedName, seesPortrait, perMinute);
        var validator = CheckInside(await applications.ValidateAsync(input, null, ct), input.RegionCode, "regionCode");
        if (Accept(validator))
        {
            var (app, key) = await applications.CreateAsync(Current.Actor, input, ct);
            NewKey = (app.Name, key);
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>One switch of one application: enabled, generate or verify.</summary>
    public async Task<IActionResult> OnPostSwitchAsync(long id, string? what, bool on, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } app) return NotFound();
        var input = ApplicationInput.Of(app);
        input = what switch
        {
            "enabled" => input with { Enabled = on },
            "generate" => input with { GenerateEnabled = on },
            "verify" => input with { VerifyEnabled = on },
            _ => input,
        };
        await applications.UpdateAsync(Current.Actor, app, input, ct);
        Flash($"{app.Name}：已{(on ? "开启" : "关闭")}{SwitchLabel(what)}");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRotateAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } app) return NotFound();
        NewKey = (app.Name, await applications.RotateKeyAsync(Current.Actor, app, ct));
        await LoadAsync(ct);
        return Page();
    }

    public static string SwitchLabel(string? what) => what switch { "enabled" => "应用", "generate" => "生成权限", "verify" => "扫码权限", _ => "" };

    public string CategoryNames(string codes) =>
        string.Join("、", CodeApplication.Split(codes).Select(c => Categories.FirstOrDefault(k => k.Code == c)?.Name ?? c));

    private Task<CodeApplication?> FindAsync(long id, CancellationToken ct) => Within.CodeApplications.FirstOrDefaultAsync(a => a.Id == id, ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await catalog.ListAsync(ct);
        Applications = await Within.CodeApplications.AsNoTracking().OrderBy(a => a.Name).Take(500).ToListAsync(ct);
    }
}
