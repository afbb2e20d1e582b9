using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MiniCode.Admin.Security;
using MiniCode.Features.Content;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Staff;

namespace MiniCode.Admin;

public static class AdminSetup
{
    /// <summary>Staff accounts, admin content features, the admin cookie scheme, permission policies and Razor Pages.</summary>
    public static WebApplicationBuilder AddMiniCodeAdmin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The stylesheet lives in this library's wwwroot. A published app has it under wwwroot/_content; a build run
        // (any environment, including tests) reads it through the static-web-assets manifest, a no-op when absent.
        builder.WebHost.UseStaticWebAssets();
        services.AddAdminContent(builder.Configuration);
        services.AddScoped<CurrentStaff>();
        services.AddScoped<Auditing.AuditTrail>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddAuthentication().AddCookie(AdminAuth.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(AdminAuth.Scheme)
            .Configure<IOptions<AdminOptions>, TimeProvider>((o, admin, time) => AdminAuth.Configure(o, admin.Value, time));
        services.AddAuthorizationBuilder().AddPolicy(AdminAuth.StaffPolicy, p => p.AddAuthenticationSchemes(AdminAuth.Scheme).RequireAuthenticatedUser());
        // Chinese text is written as is, not as &#x...; entities (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeAreaFolder("Admin", "/", AdminAuth.StaffPolicy);
            o.Conventions.AllowAnonymousToAreaPage("Admin", "/Login");
        });
        // The health-data upload takes files as large as the authority's import API (MiniCode:HealthCodes:Imports:MaxUploadBytes),
        // not the host's small default body limit.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<ImportOptions>>((o, imports) =>
            o.Conventions.AddAreaPageApplicationModelConvention("Admin", "/Imports/Index", page =>
            {
                var size = new RequestSizeLimitAttribute(imports.Value.MaxUploadBytes);
                page.EndpointMetadata.Add(size);
                page.Filters.Add(size);
                page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = imports.Value.MaxUploadBytes });
            }));
        return builder;
    }

    /// <summary>The admin pages under <c>/admin</c> and their stylesheet.</summary>
    public static WebApplication MapMiniCodeAdmin(this WebApplication app)
    {
        // Static files as middleware, not MapStaticAssets: its catch-all "{**path:file}" endpoint would turn the API's
        // unknown-route 404s into 405s and hide real 405s.
        app.UseStaticFiles();
        app.MapRazorPages();
        return app;
    }
}
