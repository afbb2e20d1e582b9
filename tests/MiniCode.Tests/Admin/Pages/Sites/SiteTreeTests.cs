using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.Audit;
using MiniCode.Tests.Checkpoints;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Sites;

/// <summary>场所管理 shows the 下级站点 below their site; admin pages show times in the business zone without offset.</summary>
public sealed class SiteTreeTests : IDisposable
{
    private readonly CheckpointsFactory _factory = new();

    [Fact]
    public async Task Sub_sites_are_listed_below_their_site_with_parent_and_count()
    {
        var (_, topId) = await _factory.SiteAsync("树形总站");
        var senior = await _factory.SeniorAsync(topId);
        var childId = (await HttpAssert.Ok(await senior.Client.PostJson("/api/checkpoint/sites",
            new { name = "树形一级站点", regionCode = "220102" }))).GetProperty("id").GetInt64();
        await HttpAssert.Ok(await senior.Client.PostJson("/api/checkpoint/sites", new { name = "树形二级站点", regionCode = "220102", parentId = childId }));

        var admin = await AdminClient.LoggedInAsync(_factory);
        // Cells compared without the layout's line breaks, and the indent (an ideographic space) decoded.
        var page = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(
            await admin.GetPageAsync("/admin/sites?keyword=树形"), @">\s+<", "><"));
        var top = page.IndexOf("树形总站</td>", StringComparison.Ordinal);
        var child = page.IndexOf("└ 树形一级站点</td><td>树形总站</td><td class=\"num\">1</td>", StringComparison.Ordinal);
        var grandchild = page.IndexOf("　└ 树形二级站点</td><td>树形一级站点</td><td class=\"num\">0</td>", StringComparison.Ordinal);
        Assert.True(top >= 0 && child > top && grandchild > child, page);
    }

    [Fact]
    public async Task The_audit_page_shows_times_in_the_business_zone_without_offset()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        DateTimeOffset at;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record("system:test", "calendar.check", "calendar", "zone-row");
            var db = scope.ServiceProvider.GetRequiredService<MiniCode.Data.MiniCodeDbContext>();
            await db.SaveChangesAsync();
            at = await db.Set<AuditEntry>().Where(a => a.Action == "calendar.check").Select(a => a.At).SingleAsync();
        }
        var page = await admin.GetPageAsync("/admin/audit");
        var shanghai = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Contains(shanghai.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), page);
        Assert.DoesNotContain(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), page);
        Assert.DoesNotContain(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), page);
    }

    public void Dispose() => _factory.Dispose();
}
