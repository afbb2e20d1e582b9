using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.CodeStyles;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeStyles;

[RequirePermission(Permissions.CodeStyles)]
[PlatformWide("one active style per code type serves every region")]
public sealed class IndexModel(MiniCodeDbContext db, CodeStyleProvider provider, TimeProvider time) : AdminPageModel
{
    /// <summary>The code types the health-code feature draws (colours, offline card, poster code).</summary>
    public IReadOnlyList<(string Code, string Label)> KnownTypes { get; } =
        [("green", "绿码"), ("yellow", "黄码"), ("orange", "橙码"), ("red", "红码"), ("offline", "离线码"), ("poster", "张贴码")];

    public IReadOnlyList<CodeStyle> Styles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? codeType, string? background, string? foreground, string? icon, CancellationToken ct)
    {
        icon = string.IsNullOrWhiteSpace(icon) ? null : icon.Trim();
        var validator = new InputValidator().Check(KnownTypes.Any(t => t.Code == codeType), "codeType", "码类型无效")
            .Check(background is not null && CodeStyleProvider.ColourPattern().IsMatch(background), "background", "背景色应为 #RRGGBB")
            .Check(foreground is not null && CodeStyleProvider.ColourPattern().IsMatch(foreground), "foreground", "前景色应为 #RRGGBB")
            .Optional(icon, "icon", "图标", 200);
        if (!Accept(validator))
        {
            await LoadAsync(ct);
            return Page();
        }
        await provider.ActivateAsync(Current.Actor, codeType!, background!.ToUpperInvariant(), foreground!.ToUpperInvariant(), icon, ct);
        Flash($"{TypeLabel(codeType!)}的新样式已生效");
        return RedirectToPage();
    }

    public string TypeLabel(string code) => KnownTypes.FirstOrDefault(t => t.Code == code).Label ?? code;

    public string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct) =>
        Styles = await db.Set<CodeStyle>().AsNoTracking().OrderBy(s => s.CodeType).ThenByDescending(s => s.Id).Take(300).ToListAsync(ct);
}
