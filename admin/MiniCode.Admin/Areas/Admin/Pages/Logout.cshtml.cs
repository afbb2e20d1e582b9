using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Audit;

namespace MiniCode.Admin.Areas.Admin.Pages;

public sealed class LogoutModel(CurrentStaff current, AuditLog audit, MiniCodeDbContext db) : AdminPageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await current.GetAsync() is { } staff)
        {
            audit.Record(current.Actor, "staff.logout", "staff", staff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
        }
        await HttpContext.SignOutAsync(AdminAuth.Scheme);
        return Redirect("/admin/login");
    }
}
