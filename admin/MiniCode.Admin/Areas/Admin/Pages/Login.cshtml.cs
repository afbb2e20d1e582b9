using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Admin.Security;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages;

/// <summary>Per-IP request budget on top of the per-account lockout, so guessing across many accounts is slowed too.</summary>
[AllowAnonymous]
[EnableRateLimiting(FoundationSetup.RateLimits.PerClient)]
public sealed class LoginModel(StaffLogin login, TimeProvider time) : AdminPageModel
{
    [BindProperty] public string Username { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password) || Username.Length > 50 || Password.Length > 128)
        {
            ModelState.AddModelError("", "请输入账号和密码");
            return Page();
        }
        var result = await login.LoginAsync(Username, Password, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", ct);
        switch (result.Outcome)
        {
            case StaffLogin.Outcome.Success:
                await HttpContext.SignInAsync(AdminAuth.Scheme, AdminAuth.Principal(result.Staff!, time.GetUtcNow()));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/admin");
            case StaffLogin.Outcome.LockedOut:
                var until = Calendar.ToLocal(result.LockedUntil!.Value);
                ModelState.AddModelError("", $"密码错误次数过多，账号已锁定，请于 {until:HH:mm} 后再试");
                return Page();
            case StaffLogin.Outcome.Disabled:
                ModelState.AddModelError("", "账号已停用，请联系管理员");
                return Page();
            default:
                ModelState.AddModelError("", "账号或密码错误");
                return Page();
        }
    }
}
