using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MiniCode.Admin.Security;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.DigitalSpace;
using MiniCode.Features.Staff;

namespace MiniCode.Admin;

public static class AdminSetup
{
    /// <summary>
    /// The admin cookie scheme, permission policies and Razor Pages. The features the pages work with (staff, content,
    /// checkpoints, health codes...) register their own services; Program lists them.
    /// </summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // The stylesheet lives in this library's wwwroot. A published app has it under wwwroot/_content; a build run
        // (any environment, including tests) reads it through the static-web-assets manifest, a no-op when absent.
        if (builder.Environment is IWebHostEnvironment web) StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        services.AddScoped<CurrentStaff>();
        services.AddScoped<Auditing.AuditTrail>();
        services.AddScoped<IdNumberSearch>();
        services.AddTransient<IAuthorizationHandler, PermissionHandler>();
        // Replaces the framework's default provider, which AddAuthorization registers with TryAdd (before or after us).
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>());
        services.AddAuthentication().AddCookie(AdminAuth.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(AdminAuth.Scheme)
            .Configure<IOptions<AdminOptions>, TimeProvider, IHostEnvironment>((o, admin, time, env) => AdminAuth.Configure(o, admin.Value, time, env));
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
        // and the tag upload as large as MiniCode:DigitalSpace:MaxUploadBytes, not the host's small default body limit.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<ImportOptions>, IOptions<DigitalSpaceOptions>>((o, imports, tags) =>
        {
            UploadLimit(o, "/Imports/Index", imports.Value.MaxUploadBytes);
            UploadLimit(o, "/DigitalSpace/Tags", tags.Value.MaxUploadBytes);
        });
        return builder;
    }

    private static void UploadLimit(RazorPagesOptions options, string page, long bytes) =>
        options.Conventions.AddAreaPageApplicationModelConvention("Admin", page, model =>
        {
            var size = new RequestSizeLimitAttribute(bytes);
            model.EndpointMetadata.Add(size);
            model.Filters.Add(size);
            model.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = bytes });
        });

    /// <summary>The admin pages under <c>/admin</c> (their stylesheet is served by the foundation's static files).</summary>
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        app.MapJobsDashboard();
        return app;
    }
}
