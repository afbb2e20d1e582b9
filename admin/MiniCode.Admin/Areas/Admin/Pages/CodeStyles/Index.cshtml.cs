using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.CodeStyles;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeStyles;

[RequirePermission(Permissions.CodeStyles)]
[PlatformWide("one active style per code category and colour serves every region")]
public sealed class IndexModel(MiniCodeDbContext db, CodeStyleProvider provider) : AdminPageModel
{
    /// <summary>Every 码分类, built-in and third-party, from the code engine.</summary>
    public IReadOnlyList<(string Code, string Label)> Categories { get; private set; } = [];

    public IReadOnlyList<CodeStyle> Styles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? category, string? color, string? background, string? foreground, string? icon, CancellationToken ct)
    {
        await LoadAsync(ct);
        icon = string.IsNullOrWhiteSpace(icon) ? null : icon.Trim();
        color = string.IsNullOrEmpty(color) ? null : color;
        var validator = new InputValidator().Check(Categories.Any(t => t.Code == category), "category", "码分类无效")
            .Check(color is null || CodeStyleProvider.Colors.Any(c => c.Code == color), "color", "码颜色无效")
            .Check(background is not null && CodeStyleProvider.ColourPattern().IsMatch(background), "background", "背景色应为 #RRGGBB")
            .Check(foreground is not null && CodeStyleProvider.ColourPattern().IsMatch(foreground), "foreground", "前景色应为 #RRGGBB")
            .Optional(icon, "icon", "图标", 200);
        if (!Accept(validator)) return Page();
        await provider.ActivateAsync(Current.Actor, category!, color, background!.ToUpperInvariant(), foreground!.ToUpperInvariant(), icon, ct);
        Flash($"{Label(category!, color)}的新样式已生效");
        return RedirectToPage();
    }

    public string Label(string category, string? color) =>
        (Categories.FirstOrDefault(t => t.Code == category).Label ?? category) + " · " + (color is null ? "所有颜色" : CodeStyleProvider.Colors.FirstOrDefault(c => c.Code == color).Label ?? color);

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = (await db.Set<CodeCategory>().AsNoTracking().OrderByDescending(c => c.BuiltIn).ThenBy(c => c.CreatedAt).ThenBy(c => c.Code)
            .Select(c => new { c.Code, c.Name }).ToListAsync(ct)).Select(c => (c.Code, c.Name)).ToList();
        Styles = await db.Set<CodeStyle>().AsNoTracking().OrderBy(s => s.Category).ThenBy(s => s.Color).ThenByDescending(s => s.Id).Take(300).ToListAsync(ct);
    }
}
