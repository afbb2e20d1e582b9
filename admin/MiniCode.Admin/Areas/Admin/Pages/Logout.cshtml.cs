using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages;

[AnySignedInStaff("every staff member may end their own session")]
public sealed class LogoutModel(MiniCodeDbContext db) : AdminPageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Current.GetAsync() is { } staff)
        {
            // A new stamp invalidates every cookie issued so far, so a copied cookie dies with the logout.
            await db.Set<StaffMember>().Where(s => s.Id == staff.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.SecurityStamp, StaffLogin.NewSecurityStamp()), ct);
            await Audit.RecordAsync("staff.logout", "staff", staff.Id, ct: ct);
        }
        await HttpContext.SignOutAsync(AdminAuth.Scheme);
        return Redirect("/admin/login");
    }
}
