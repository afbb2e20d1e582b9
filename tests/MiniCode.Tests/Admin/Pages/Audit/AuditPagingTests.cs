using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.Audit;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Audit;

/// <summary>List pages page with "p": Razor Pages reserves the route value "page" for the page's own name.</summary>
public sealed class AuditPagingTests
{
    [Fact]
    public async Task Audit_log_pages_past_the_first()
    {
        using var factory = new MiniCodeFactory().With("Admin:PageSize", "5");
        var admin = await AdminClient.LoggedInAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            for (var i = 1; i <= 12; i++) audit.Record("system:test", "paging.check", "paging", $"row-{i:00}");
            await scope.ServiceProvider.GetRequiredService<MiniCode.Data.MiniCodeDbContext>().SaveChangesAsync();
        }

        var first = await admin.GetPageAsync("/admin/audit");
        Assert.Contains("row-12", first);
        Assert.DoesNotContain("row-07", first);
        var second = await admin.GetPageAsync("/admin/audit?p=2");
        Assert.Contains("row-07", second);
        Assert.DoesNotContain("row-12", second);
        var third = await admin.GetPageAsync("/admin/audit?p=3");
        Assert.Contains("row-01", third);
    }
}
