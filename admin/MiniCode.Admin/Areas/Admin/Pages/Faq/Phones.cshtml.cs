using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Faq;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Faq;

[RequirePermission(Permissions.Faq)]
[PlatformWide("FAQ categories, questions and hotline numbers are published to the mini program of every region")]
public sealed class PhonesModel(MiniCodeDbContext db) : AdminPageModel
{
    public IReadOnlyList<ConsultationPhone> Phones { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Phones = await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? regionCode, string? name, string? phone, CancellationToken ct)
    {
        phone = phone?.Trim();
        var validator = new InputValidator().Check(RegionCodes.IsValid(regionCode), "regionCode", "地区编码应为6位数字")
            .Required(name?.Trim(), "name", "名称", 100).Required(phone, "phone", "电话", 30)
            .Check(phone is null || phone.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '+'), "phone", "电话只能包含数字和 -");
        if (!Accept(validator))
        {
            Phones = await LoadAsync(ct);
            return Page();
        }
        var entry = new ConsultationPhone { RegionCode = regionCode!, Name = name!.Trim(), Phone = phone!, SortOrder = Phones.Count };
        db.Add(entry);
        await Audit.RecordCreatedAsync("faq.phone_create", "consultation_phone", entry, e => e.Id, new { entry.RegionCode, entry.Name, entry.Phone }, ct);
        Flash("咨询电话已添加");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var entry = await db.Set<ConsultationPhone>().FindAsync([id], ct);
        if (entry is null) return NotFound();
        db.Remove(entry);
        await Audit.RecordAsync("faq.phone_delete", "consultation_phone", id, new { entry.RegionCode, entry.Name, entry.Phone }, ct: ct);
        Flash("咨询电话已删除");
        return RedirectToPage();
    }

    private Task<List<ConsultationPhone>> LoadAsync(CancellationToken ct) =>
        db.Set<ConsultationPhone>().AsNoTracking().OrderBy(p => p.RegionCode).ThenBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
}
