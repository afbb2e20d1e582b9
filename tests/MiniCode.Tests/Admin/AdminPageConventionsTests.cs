using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniCode.Admin;
using MiniCode.Admin.Auditing;
using MiniCode.Admin.Navigation;
using MiniCode.Admin.Regional;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Faq;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.Organisations;
using MiniCode.Features.Posters;
using MiniCode.Features.Staff;

namespace MiniCode.Tests.Admin;

/// <summary>
/// The rules every admin page follows, checked over the compiled admin (pages, their helpers and their views, including
/// async state machines and lambdas): a forgotten permission, jurisdiction or audit helper fails here, not in production.
/// </summary>
public sealed class AdminPageConventionsTests
{
    private static readonly Assembly AdminAssembly = typeof(RegionalPageModel).Assembly;
    private const string PagesNamespace = "MiniCode.Admin.Areas.Admin.Pages";

    /// <summary>Services that act on regional rows by id: a page calling them must have found the row within its jurisdiction first.</summary>
    private static readonly Type[] RegionalServices =
        [typeof(PosterAdminService), typeof(CodeStatisticsService), typeof(AppealService), typeof(OverrideService), typeof(ScannerDirectory)];

    /// <summary>Tables with a region that no admin page scopes, and why.</summary>
    private static readonly Dictionary<Type, string> RegionTablesNotScoped = new()
    {
        [typeof(ConsultationPhone)] = "hotline numbers are published to every region (FAQ, platform-wide)",
        [typeof(FaqUnansweredQuestion)] = "what the platform-wide FAQ could not answer; one list for the FAQ editors",
        [typeof(CodeStatisticsDaily)] = "read through CodeStatisticsService with the jurisdiction's region prefix",
        [typeof(CodeUsageDaily)] = "raw counters, rolled up by a job; no page reads them",
        [typeof(HighRiskRegion)] = "imported by the health authority for the whole platform",
        [typeof(HealthDeclaration)] = "a citizen's own declaration; no page reads it",
    };

    public static TheoryData<Type> Pages() => new(AdminAssembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract).OrderBy(t => t.FullName));

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_page_requires_a_permission_or_says_who_may_open_it(Type page)
    {
        var markers = new[] { typeof(RequirePermissionAttribute), typeof(AllowAnonymousAttribute), typeof(AnySignedInStaffAttribute) }
            .Where(a => page.IsDefined(a, inherit: false)).ToList();
        Assert.True(markers.Count == 1, $"{page.FullName} needs exactly one of [RequirePermission], [AllowAnonymous] or [AnySignedInStaff], has {markers.Count}");
        if (page.GetCustomAttribute<AnySignedInStaffAttribute>() is { } any) Assert.False(string.IsNullOrWhiteSpace(any.Reason));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Pages_that_touch_the_database_or_regional_services_are_scoped_or_declared_platform_wide(Type page)
    {
        var regional = page.IsSubclassOf(typeof(RegionalPageModel));
        var platformWide = page.GetCustomAttribute<PlatformWideAttribute>();
        Assert.False(regional && platformWide is not null, $"{page.FullName} is regional and platform-wide at once");
        if (platformWide is not null) Assert.False(string.IsNullOrWhiteSpace(platformWide.Reason), $"{page.FullName}: say why it is platform-wide");
        var touches = page.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
            .Where(t => t == typeof(MiniCodeDbContext) || RegionalServices.Contains(t)).ToList();
        Assert.True(touches.Count == 0 || regional || platformWide is not null,
            $"{page.FullName} takes {string.Join(", ", touches.Select(t => t.Name))}: derive from RegionalPageModel or mark it [PlatformWide(\"why\")]");
    }

    [Fact]
    public void Regional_tables_are_read_only_through_the_jurisdiction_scope()
    {
        var regional = RegionalEntities();
        var leaks = AdminCode()
            .Where(t => PageOf(t)?.IsDefined(typeof(PlatformWideAttribute), inherit: false) != true)
            .SelectMany(t => MethodCalls.Of(t).Where(call => ReadsTable(call, regional)).Select(call => $"{t.FullName} calls {Describe(call)}"))
            .Distinct().ToList();
        Assert.True(leaks.Count == 0, "read regional tables through RegionalPageModel.Within instead:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public void No_page_applies_the_jurisdiction_or_writes_the_audit_log_by_hand()
    {
        var forbidden = new Dictionary<MethodInfo, string>
        {
            [typeof(CurrentStaff).GetMethod(nameof(CurrentStaff.JurisdictionAsync))!] = "use RegionalPageModel.Within / Jurisdiction",
            [typeof(RegionCodes).GetMethod(nameof(RegionCodes.WithinRegion))!] = "use RegionalPageModel.Within",
            [typeof(AuditLog).GetMethod(nameof(AuditLog.Record))!] = "use AdminPageModel.Audit (AuditTrail)",
        };
        var misuse = AdminCode()
            .SelectMany(t => MethodCalls.Of(t).Select(call => call is MethodInfo { IsGenericMethod: true } m ? m.GetGenericMethodDefinition() : call)
                .OfType<MethodInfo>().Where(forbidden.ContainsKey).Select(call => $"{t.FullName} calls {Describe(call)}: {forbidden[call]}"))
            .Distinct().ToList();
        Assert.True(misuse.Count == 0, string.Join('\n', misuse));
        Assert.DoesNotContain(AdminAssembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel))),
            t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(AuditLog) || p.ParameterType == typeof(AuditTrail))));
    }

    [Fact]
    public void Every_table_with_a_region_is_scoped_or_said_to_be_platform_wide()
    {
        var regional = RegionalEntities();
        var withRegion = typeof(MiniCodeDbContext).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)))
            .Select(i => i.GetGenericArguments()[0]).Where(e => e.GetProperty("RegionCode") is not null).Distinct().ToList();
        var unaccounted = withRegion.Where(e => !regional.Contains(e) && !RegionTablesNotScoped.ContainsKey(e)).Select(e => e.FullName).ToList();
        Assert.True(unaccounted.Count == 0, "add to JurisdictionScope, or to RegionTablesNotScoped with a reason: " + string.Join(", ", unaccounted));
        Assert.Contains(typeof(Site), regional); // the scope is found at all
    }

    [Fact]
    public void The_menu_has_one_entry_per_area_permission_and_each_opens_a_page_requiring_it()
    {
        Assert.Equal(Permissions.Areas.Select(p => p.Code).Order(), AdminMenu.Items.Select(i => i.Permission).Order());
        foreach (var item in AdminMenu.Items)
        {
            var page = AdminAssembly.GetType($"{PagesNamespace}.{item.Area}.IndexModel");
            Assert.True(page is not null, $"menu entry {item.Title}: no page {item.Page}");
            Assert.Equal(AdminAuth.PermissionPrefix + item.Permission, page.GetCustomAttribute<RequirePermissionAttribute>()?.Policy);
            Assert.Equal(Permissions.LabelOf(item.Permission), item.Title);
        }
    }

    /// <summary>The entity types <see cref="JurisdictionScope"/> hands out (and those inside its composite rows, such as <see cref="ScanVisit"/>).</summary>
    private static HashSet<Type> RegionalEntities()
    {
        var rows = typeof(JurisdictionScope).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IQueryable<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0]);
        return rows.SelectMany(r => r.Namespace == typeof(ScanVisit).Namespace ? r.GetProperties().Select(p => p.PropertyType) : [r]).ToHashSet();
    }

    /// <summary>The pages, their helpers and the compiled views: everything but the admin's shared base classes.</summary>
    private static IEnumerable<Type> AdminCode() => AdminAssembly.GetTypes()
        .Where(t => !t.IsNested && (t.Namespace?.StartsWith(PagesNamespace, StringComparison.Ordinal) == true
            || t.Namespace?.StartsWith("AspNetCoreGeneratedDocument", StringComparison.Ordinal) == true));

    private static Type? PageOf(Type t) => t.IsSubclassOf(typeof(PageModel)) ? t : null;

    /// <summary>DbContext.Set/Find/FindAsync of a regional entity: a read that bypasses the scope.</summary>
    private static bool ReadsTable(MethodBase call, HashSet<Type> regional) =>
        call is MethodInfo { IsGenericMethod: true } m && typeof(DbContext).IsAssignableFrom(m.DeclaringType)
        && m.Name is nameof(DbContext.Set) or nameof(DbContext.Find) or nameof(DbContext.FindAsync)
        && regional.Contains(m.GetGenericArguments()[0]);

    private static string Describe(MethodBase call) =>
        $"{call.DeclaringType?.Name}.{call.Name}{(call is MethodInfo { IsGenericMethod: true } m ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "")}";
}
