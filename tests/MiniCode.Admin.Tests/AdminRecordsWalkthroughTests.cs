using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniCode.Data;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Staff;
using MiniCode.Tests.Admin;
using MiniCode.Tests.Admin.Pages.Records;
using MiniCode.Tests.Checkpoints;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>排查信息管理 in the browser: columns chosen once stay chosen; the CSV export shows its progress, then downloads.</summary>
public sealed class AdminRecordsWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    private static readonly string[] Chosen = ["姓名", "体温", "备注"];

    [Fact]
    public async Task Staff_choose_columns_that_are_kept_and_export_them_with_visible_progress()
    {
        await ScanThreeCitizensAsync();
        var (user, password) = await AdminClient.StaffWithAsync(browser.Factory, Permissions.Records);
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, user, password);

        await page.GotoAsync("/admin/records");
        await Expect(page.Locator("table thead th")).ToHaveCountAsync(RecordsExportKit.AllHeaders.Length);
        await page.ClickAsync("details.column-picker summary");
        foreach (var box in await page.Locator("details.column-picker input[type=checkbox]").AllAsync()) await box.UncheckAsync();
        foreach (var header in Chosen) await page.Locator("details.column-picker label", new() { HasText = header }).Locator("input").CheckAsync();
        await Task.WhenAll(Expect(page).ToHaveURLAsync(new Regex("columnsSet=true"), new() { Timeout = 60_000 }),
            page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync());
        await Expect(page.Locator("table thead th")).ToHaveTextAsync(Chosen);
        await page.ClickAsync("details.column-picker summary");
        await Expect(page.Locator("details.column-picker input:checked")).ToHaveCountAsync(Chosen.Length);
        await browser.ScreenshotAsync(page, "95-records-columns");

        // The bare page (also what 重置 links to) and a reload keep the choice.
        await page.GotoAsync("/admin/records");
        await page.ReloadAsync();
        await Expect(page.Locator("table thead th")).ToHaveTextAsync(Chosen);
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(3);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=导出 CSV"));
        var progress = page.Locator("#export-progress");
        await Expect(progress).ToBeVisibleAsync();
        await Expect(progress.Locator(".export-status")).ToContainTextAsync("已导出 3 / 3 条");
        var bar = await page.EvalOnSelectorAsync<double[]>("#export-progress progress", "p => [p.value, p.max]");
        Assert.Equal(new[] { 3d, 3d }, bar);
        Assert.Equal("inspection-records.csv", download.SuggestedFilename);
        var records = RecordsExportKit.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
        Assert.Equal(Chosen, records[0]);
        Assert.Equal(3, records.Count - 1); // the multi-line remark is one record, as the progress counted it
        Assert.Contains(records, r => r[2].Contains("第二行", StringComparison.Ordinal));
        await browser.ScreenshotAsync(page, "96-records-export-progress");

        // A refused export (the role lost the permission meanwhile) is shown on the page, not swallowed.
        await SetPermissionsAsync(user, Permissions.Faq);
        await page.ClickAsync("text=导出 CSV");
        await Expect(page.Locator("#export-progress .export-error")).ToContainTextAsync("没有导出权限（HTTP 403）");
        await browser.ScreenshotAsync(page, "97-records-export-error");
        await SetPermissionsAsync(user, Permissions.Records);

        // Without JavaScript the same button is a plain download of the same columns.
        var plain = await browser.NewPageAsync(javaScriptEnabled: false);
        await browser.LoginAsync(plain, user, password);
        await plain.GotoAsync("/admin/records");
        var direct = await plain.RunAndWaitForDownloadAsync(() => plain.ClickAsync("text=导出 CSV"));
        var directRecords = RecordsExportKit.Parse(await File.ReadAllTextAsync((await direct.PathAsync())!));
        Assert.Equal(Chosen, directRecords[0]);
        Assert.Equal(4, directRecords.Count);

        // 恢复默认列 brings every column back.
        await page.GotoAsync("/admin/records");
        await page.ClickAsync("details.column-picker summary");
        await page.ClickAsync("text=恢复默认列");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已恢复默认列");
        await Expect(page.Locator("table thead th")).ToHaveCountAsync(RecordsExportKit.AllHeaders.Length);
    }

    [Fact]
    public async Task A_large_export_shows_its_progress_while_the_rows_arrive()
    {
        const int copies = 3000;
        var (_, siteId) = await browser.Factory.SiteAsync("进度测试卡口");
        var scanner = await browser.Factory.SeniorAsync(siteId);
        var citizen = await browser.Factory.CitizenAsync("郑八八");
        await citizen.DeclareAsync();
        await scanner.ScanOkAsync(citizen);
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            // Copies of the real record; every other one has a multi-line remark, which a line counter would count twice.
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            var first = await db.Set<ScanRecord>().AsNoTracking().SingleAsync(r => r.PersonId == citizen.PersonId);
            db.AddRange(Enumerable.Range(1, copies).Select(i => new ScanRecord
            {
                PersonId = first.PersonId, ScannerAccountId = first.ScannerAccountId, SiteId = first.SiteId, Kind = first.Kind, Color = first.Color,
                Temperature = first.Temperature, ReasonCodes = first.ReasonCodes, ReasonTexts = first.ReasonTexts, ScannedAt = first.ScannedAt.AddSeconds(i),
                IdempotencyKey = "bulk-" + i, Remarks = i % 2 == 0 ? $"第{i}条\n复查" : null,
            }));
            await db.SaveChangesAsync();
        }
        var total = copies + 1;
        var (user, password) = await AdminClient.StaffWithAsync(browser.Factory, Permissions.Records);
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, user, password);
        await page.GotoAsync("/admin/records?name=" + Uri.EscapeDataString("郑八八"));
        // Every text the progress shows, as it changes.
        await page.EvaluateAsync(@"() => {
            const status = document.querySelector('#export-progress .export-status');
            window.seen = [];
            new MutationObserver(() => window.seen.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
        }");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=导出 CSV"));
        await Expect(page.Locator("#export-progress .export-status")).ToContainTextAsync($"已导出 {total} / {total} 条");
        var counts = (await page.EvaluateAsync<string[]>("() => window.seen"))
            .Select(text => System.Text.RegularExpressions.Regex.Match(text, @"已导出 (\d+) / (\d+)"))
            .Where(m => m.Success).Select(m => (Done: int.Parse(m.Groups[1].Value), Of: int.Parse(m.Groups[2].Value))).ToList();
        Assert.All(counts, c => Assert.Equal(total, c.Of));
        Assert.Equal(counts.Select(c => c.Done).Order(), counts.Select(c => c.Done)); // never goes back
        Assert.Contains(counts, c => c.Done > 0 && c.Done < total); // seen part-way, not only at the end
        Assert.Equal(total, counts[^1].Done);
        var records = RecordsExportKit.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
        Assert.Equal(total, records.Count - 1);
    }

    private async Task ScanThreeCitizensAsync()
    {
        var (_, siteId) = await browser.Factory.SiteAsync("浏览器测试卡口");
        var scanner = await browser.Factory.SeniorAsync(siteId);
        foreach (var (name, remark) in new[] { ("钱五五", "正常通行"), ("孙六六", "第一行\n第二行，含\"引号\""), ("李七七", (string?)null) })
        {
            var citizen = await browser.Factory.CitizenAsync(name);
            await citizen.DeclareAsync();
            await HttpAssert.Ok(await scanner.ScanAsync(await citizen.PayloadAsync(), 36.6m, remarks: remark));
        }
    }

    private async Task SetPermissionsAsync(string username, string permission)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var staff = await db.Set<StaffMember>().Include(s => s.Role).SingleAsync(s => s.Username == username);
        staff.Role!.Permissions = permission;
        await db.SaveChangesAsync();
    }
}
