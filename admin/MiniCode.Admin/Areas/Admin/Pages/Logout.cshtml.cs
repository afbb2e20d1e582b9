using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;

namespace MiniCode.Admin.Areas.Admin.Pages;

[AnySignedInStaff("every staff member may end their own session")]
public sealed class LogoutModel : AdminPageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Current.GetAsync() is { } staff) await Audit.RecordAsync("staff.logout", "staff", staff.Id, ct: ct);
        await HttpContext.SignOutAsync(AdminAuth.Scheme);
        return Redirect("/admin/login");
    }
}
