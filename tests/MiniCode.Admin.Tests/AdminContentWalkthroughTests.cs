using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniCode.Data;
using MiniCode.Features.Feedback;
using MiniCode.Features.Staff;
using static Microsoft.Playwright.Assertions;

namespace MiniCode.Admin.Tests;

/// <summary>The content areas: FAQ, feedback, announcements and service links, forms, code styles, statistics.</summary>
public sealed class AdminContentWalkthroughTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    private async Task<IPage> AdminPageAsync()
    {
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
        return page;
    }

    [Fact]
    public async Task Faq_categories_questions_hot_flag_order_and_phones()
    {
        var page = await AdminPageAsync();
        await page.GotoAsync("/admin/faq");
        await page.FillAsync("input[name=name]", "健康码申领");
        await page.ClickAsync("text=添加分类");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已添加");
        foreach (var (q, a) in new[] { ("健康码颜色不对怎么办？", "请在小程序提交纠错反馈。"), ("如何为家人申领健康码？", "在首页选择“家人码”添加。") })
        {
            await page.GotoAsync("/admin/faq/edit");
            await page.FillAsync("input[name=Question]", q);
            await page.FillAsync("textarea[name=Answer]", a);
            await page.ClickAsync("form.card button[type=submit]");
            await Expect(page.Locator(".flash")).ToContainTextAsync("已保存");
        }
        var rows = page.Locator("section:has(h2:text-is('问题')) tbody tr");
        await Expect(rows.First).ToContainTextAsync("健康码颜色不对");
        await rows.Nth(1).Locator("button[title=上移]").ClickAsync();
        await Expect(rows.First).ToContainTextAsync("如何为家人申领");
        await rows.First.Locator("text=设为热门").ClickAsync();
        await Expect(rows.First.Locator(".badge.hot")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "10-faq");

        await page.GotoAsync("/admin/faq/phones");
        await page.FillAsync("input[name=regionCode]", "220100");
        await page.FillAsync("input[name=name]", "长春市疫情防控热线");
        await page.FillAsync("input[name=phone]", "0431-12345");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator("table")).ToContainTextAsync("0431-12345");
        await browser.ScreenshotAsync(page, "11-faq-phones");
    }

    [Fact]
    public async Task Feedback_list_reply_resolve_and_export_csv()
    {
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            db.Add(new FeedbackEntry
            {
                AccountId = 1, Category = FeedbackCategory.CodeColour, Content = "我一直在长春，健康码却显示黄码，请核实。",
                ContactMasked = "138****0000", RegionCode = "220104", Status = FeedbackStatus.Pending, CreatedAt = browser.Factory.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        var page = await AdminPageAsync();
        await page.GotoAsync("/admin/feedback");
        await Expect(page.Locator("table")).ToContainTextAsync("显示黄码");
        await browser.ScreenshotAsync(page, "20-feedback");
        await page.ClickAsync("table >> text=查看"); // the menu has 数据查看 too
        await page.SelectOptionAsync("select[name=Status]", "Resolved");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator(".errors")).ToContainTextAsync("办结时请填写回复");
        await page.FillAsync("textarea[name=Reply]", "已核实并更正为绿码。");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已更新");
        await browser.ScreenshotAsync(page, "21-feedback-detail");

        await page.GotoAsync("/admin/feedback");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=导出 CSV"));
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path!);
        Assert.StartsWith("编号,提交时间,类型", csv.TrimStart('\uFEFF'));
        Assert.Contains("已核实并更正为绿码。", csv);
        Assert.Contains("已办结", csv);
    }

    [Fact]
    public async Task Announcements_and_service_links()
    {
        var page = await AdminPageAsync();
        await page.GotoAsync("/admin/announcements/edit");
        await page.FillAsync("input[name=Title]", "关于调整核酸检测点开放时间的通知");
        await page.FillAsync("input[name=RegionCode]", "220000");
        await page.FillAsync("textarea[name=Body]", "自即日起，各检测点开放时间调整为 8:00-20:00。");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator("table")).ToContainTextAsync("发布中");
        await browser.ScreenshotAsync(page, "30-announcements");

        await page.GotoAsync("/admin/announcements/links");
        await page.FillAsync("input[name=regionCode]", "220000");
        await page.SelectOptionAsync("select[name=kind]", "TestingSites");
        await page.FillAsync("input[name=title]", "核酸检测点地图");
        await page.FillAsync("input[name=target]", "https://example.gov.cn/hesuan");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator("table")).ToContainTextAsync("核酸检测点地图");
        await browser.ScreenshotAsync(page, "31-service-links");

        var api = await page.APIRequest.GetAsync("/api/home/announcements?region=220104");
        Assert.Equal(200, api.Status);
        Assert.Contains("核酸检测点开放时间", await api.TextAsync());
    }

    [Fact]
    public async Task Forms_with_fields_and_code_styles_and_statistics()
    {
        var page = await AdminPageAsync();
        await page.GotoAsync("/admin/forms");
        await page.FillAsync("input[name=title]", "返长人员信息登记");
        await page.FillAsync("input[name=regionCode]", "220100");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("请添加字段");
        await page.FillAsync("input[name=key]", "origin");
        await page.FillAsync("input[name=label]", "出发地");
        await page.CheckAsync("input[name=required]");
        await page.ClickAsync("form.card button[type=submit]");
        await page.FillAsync("input[name=key]", "transport");
        await page.FillAsync("input[name=label]", "交通方式");
        await page.SelectOptionAsync("select[name=type]", "SingleChoice");
        await page.FillAsync("textarea[name=options]", "自驾\n火车\n飞机");
        await page.ClickAsync("form.card:has(h2:text('添加字段')) button[type=submit]");
        await Expect(page.Locator("table")).ToContainTextAsync("自驾、火车、飞机");
        await browser.ScreenshotAsync(page, "40-forms");

        await page.GotoAsync("/admin/codestyles");
        await page.SelectOptionAsync("select[name=category]", "personal");
        await page.SelectOptionAsync("select[name=color]", "green");
        await page.FillAsync("input[name=background]", "#f0fff4");
        await page.FillAsync("input[name=icon]", "leaf");
        await page.ClickAsync("form.card button[type=submit]");
        // The same category and colour again: the new style replaces the one just set.
        await page.SelectOptionAsync("select[name=category]", "personal");
        await page.SelectOptionAsync("select[name=color]", "green");
        await page.FillAsync("input[name=icon]", "shield");
        await page.ClickAsync("form.card button[type=submit]");
        await Expect(page.Locator("table").First).ToContainTextAsync("shield");
        await Expect(page.Locator("table").Last).ToContainTextAsync("leaf");
        await browser.ScreenshotAsync(page, "50-code-styles");

        await page.GotoAsync("/admin/statistics");
        await Expect(page.Locator("svg.chart").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "60-statistics");
    }
}
