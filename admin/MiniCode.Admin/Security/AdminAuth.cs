using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MiniCode.Data;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Admin.Security;

/// <summary>
/// The admin's own cookie scheme (separate from the mini program's bearer sessions). A cookie lives for the idle
/// timeout (sliding) and at most the absolute timeout; it dies when the staff member is disabled or their password is
/// reset (security stamp). Missing permission answers 403, not a redirect.
/// </summary>
public static class AdminAuth
{
    public const string Scheme = "AdminCookie";
    public const string StaffPolicy = "admin-staff";
    public const string PermissionPrefix = "perm:";
    public const string StampClaim = "minicode:staff_stamp";
    public const string IssuedClaim = "minicode:staff_issued";

    public static ClaimsPrincipal Principal(StaffMember staff, DateTimeOffset now) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, staff.Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, staff.Name),
        new Claim(StampClaim, staff.SecurityStamp),
        new Claim(IssuedClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
    ], Scheme));

    public static long? StaffId(this ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == Scheme && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    internal static void Configure(CookieAuthenticationOptions o, AdminOptions admin, TimeProvider time, IHostEnvironment environment)
    {
        o.Cookie.Name = "minicode.admin";
        o.Cookie.Path = "/admin";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        // Over plain HTTP only where nobody real signs in: the development machine and the test hosts.
        o.Cookie.SecurePolicy = environment.AllowsDevelopmentDefaults()
            ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        o.ExpireTimeSpan = TimeSpan.FromMinutes(admin.IdleTimeoutMinutes);
        o.SlidingExpiration = true;
        o.TimeProvider = time;
        o.LoginPath = "/admin/login";
        o.LogoutPath = "/admin/logout";
        o.AccessDeniedPath = "/admin/login";
        o.Events.OnRedirectToAccessDenied = async ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.WriteAsync("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>无权访问</title>" +
                "<link rel=\"stylesheet\" href=\"/_content/MiniCode.Admin/admin.css\"><main class=\"denied\"><h1>403 无权访问</h1>" +
                "<p>您的角色没有访问此页面的权限，请联系管理员。</p><p><a href=\"/admin\">返回首页</a></p></main></html>");
        };
        o.Events.OnValidatePrincipal = ValidateAsync;
    }

    /// <summary>Rejects the cookie past the absolute timeout, or when the account was disabled or its stamp changed.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<AdminOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var user = ctx.Principal!;
        var issued = long.TryParse(user.FindFirstValue(IssuedClaim), CultureInfo.InvariantCulture, out var s) ? DateTimeOffset.FromUnixTimeSeconds(s) : DateTimeOffset.MinValue;
        var current = await services.GetRequiredService<CurrentStaff>().GetAsync(user);
        if (current is null || now - issued > TimeSpan.FromHours(options.AbsoluteTimeoutHours))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(Scheme);
        }
    }
}

/// <summary>The signed-in staff member and their permissions, loaded once per request.</summary>
public sealed class CurrentStaff(MiniCodeDbContext db, IHttpContextAccessor http)
{
    private StaffMember? _staff;
    private IReadOnlySet<string> _permissions = new HashSet<string>();
    private (bool Loaded, string? Region) _jurisdiction;

    public StaffMember? Staff => _staff;
    public bool Has(string permission) => _staff is not null && _permissions.Contains(permission);

    /// <summary>The permissions of the signed-in staff member (empty before <see cref="GetAsync"/>).</summary>
    public IReadOnlySet<string> Permissions => _permissions;

    /// <summary>Audit actor of the current request.</summary>
    public string Actor => _staff is null ? "staff:unknown" : StaffLogin.ActorOf(_staff);

    /// <summary>
    /// The region the signed-in staff member may see: their organisation's region (and everything below it), or null
    /// for all regions (staff without an organisation, such as the super-admin). Pages never call this: they derive from
    /// <see cref="RegionalPageModel"/>, which resolves it once per request and hands out only scoped queries.
    /// </summary>
    public async Task<string?> JurisdictionAsync(CancellationToken ct = default)
    {
        if (_jurisdiction.Loaded) return _jurisdiction.Region;
        var staff = await GetAsync();
        var region = staff?.OrganisationId is { } orgId
            ? await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == orgId).Select(o => o.RegionCode).SingleOrDefaultAsync(ct)
            : null;
        _jurisdiction = (true, region);
        return region;
    }

    public async Task<StaffMember?> GetAsync(ClaimsPrincipal? user = null)
    {
        if (_staff is not null) return _staff;
        user ??= http.HttpContext?.User;
        if (user is null || !long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id)) return null;
        var staff = await db.Set<StaffMember>().AsNoTracking().Include(x => x.Role).SingleOrDefaultAsync(x => x.Id == id);
        if (staff is null || staff.Status != StaffStatus.Active || staff.SecurityStamp != user.FindFirstValue(AdminAuth.StampClaim)) return null;
        _staff = staff;
        _permissions = staff.Role?.PermissionSet() ?? new HashSet<string>();
        return staff;
    }
}

/// <summary>Marks a page as needing one permission; every handler of the page (GET and POST) is covered.</summary>
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(string permission) : base(AdminAuth.PermissionPrefix + permission) => AuthenticationSchemes = AdminAuth.Scheme;
}

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    /// <summary>A name always gives the same policy, so the authorization middleware may keep each endpoint's combined
    /// policy (a subclass is otherwise assumed not to allow it, and every API request rebuilt its policy).</summary>
    public override bool AllowsCachingPolicies => true;

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(AdminAuth.PermissionPrefix, StringComparison.Ordinal)) return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder(AdminAuth.Scheme).RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName[AdminAuth.PermissionPrefix.Length..])).Build();
    }
}

/// <summary>Runs in every authorization, the API's too: the staff member (and the database) is resolved only for a permission requirement.</summary>
internal sealed class PermissionHandler(Deferred<CurrentStaff> staff) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var current = staff.Value;
        if (await current.GetAsync(context.User) is not null && current.Has(requirement.Permission)) context.Succeed(requirement);
    }
}
