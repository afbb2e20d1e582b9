using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages;

[AnySignedInStaff("every staff member may end their own session")]
public sealed class LogoutModel(StaffLogin logins) : AdminPageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Current.GetAsync() is { } staff)
        {
            // A copied cookie dies with the logout.
            await logins.LogOutEverywhereAsync(staff.Id, ct);
            await Audit.RecordAsync("staff.logout", "staff", staff.Id, ct: ct);
        }
        await HttpContext.SignOutAsync(AdminAuth.Scheme);
        return Redirect("/admin/login");
    }
}
