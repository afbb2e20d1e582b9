using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Faq;
using MiniCode.Features.Feedback;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Faq;

/// <summary>The admin side of the FAQ: what staff write is what the mini program reads, and it is audited.</summary>
public sealed class FaqAdminTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Questions_written_in_the_admin_are_served_hot_flag_and_delete_included()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/faq", new() { ["name"] = "出行" }, "/admin/faq?handler=AddCategory")).StatusCode);
        long categoryId;
        await using (var scope = _factory.Services.CreateAsyncScope())
            categoryId = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<FaqCategory>().Select(c => c.Id).SingleAsync();
        var saved = await admin.PostFormAsync("/admin/faq/edit", new()
        {
            ["CategoryId"] = categoryId.ToString(), ["Question"] = "乘坐火车需要查验健康码吗？", ["Answer"] = "需要出示绿码。", ["IsHot"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var api = _factory.CreateClient();
        var home = await HttpAssert.Ok(await api.GetAsync("/api/faq"));
        var hot = Assert.Single(home.GetProperty("hot").EnumerateArray());
        var questionId = hot.GetProperty("id").GetInt64();
        var search = await HttpAssert.Ok(await api.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString("坐火车查健康码")));
        Assert.Equal(questionId, search.GetProperty("hits")[0].GetProperty("question").GetProperty("id").GetInt64());

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/faq", new() { ["id"] = questionId.ToString() }, "/admin/faq?handler=Delete")).StatusCode);
        Assert.Empty((await HttpAssert.Ok(await api.GetAsync("/api/faq"))).GetProperty("hot").EnumerateArray());
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var actions = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<AuditEntry>()
                .Where(e => e.TargetType.StartsWith("faq")).Select(e => e.Action).ToListAsync();
            Assert.Equal(["faq.category_create", "faq.question_create", "faq.question_delete"], actions);
        }
    }

    [Fact]
    public async Task Categories_are_renamed_and_deleted_only_when_empty()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        await admin.PostFormAsync("/admin/faq", new() { ["name"] = "出行" }, "/admin/faq?handler=AddCategory");
        await admin.PostFormAsync("/admin/faq", new() { ["name"] = "核酸" }, "/admin/faq?handler=AddCategory");
        long travel, tests;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var ids = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<FaqCategory>().OrderBy(c => c.SortOrder).Select(c => c.Id).ToListAsync();
            (travel, tests) = (ids[0], ids[1]);
        }
        await admin.PostFormAsync("/admin/faq/edit", new() { ["CategoryId"] = travel.ToString(), ["Question"] = "乘坐火车需要查验健康码吗？", ["Answer"] = "需要。" });

        var taken = await admin.PostFormAsync("/admin/faq", new() { ["id"] = tests.ToString(), ["name"] = "出行" }, "/admin/faq?handler=RenameCategory");
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("分类已存在", await taken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/faq", new() { ["id"] = travel.ToString(), ["name"] = "交通出行" }, "/admin/faq?handler=RenameCategory")).StatusCode);
        var categories = await HttpAssert.Ok(await _factory.CreateClient().GetAsync("/api/faq"));
        Assert.Contains("交通出行", categories.GetRawText());

        var refused = await admin.PostFormAsync("/admin/faq", new() { ["id"] = travel.ToString() }, "/admin/faq?handler=DeleteCategory");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("还有 1 个问题", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/faq", new() { ["id"] = tests.ToString() }, "/admin/faq?handler=DeleteCategory")).StatusCode);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            Assert.Equal(["交通出行"], await db.Set<FaqCategory>().Select(c => c.Name).ToListAsync());
            Assert.Equal(["faq.category_create", "faq.category_create", "faq.question_create", "faq.category_rename", "faq.category_delete"],
                await db.Set<AuditEntry>().Where(e => e.TargetType.StartsWith("faq")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        }
    }

    [Fact]
    public async Task Staff_see_the_unanswered_searches_most_asked_first_and_dismiss_them()
    {
        var api = _factory.CreateClient();
        foreach (var q in new[] { "疫苗第三针在哪打", "疫苗第三针在哪打", "天气预报" })
            await api.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString(q));
        var admin = await AdminClient.LoggedInAsync(_factory);
        var page = await admin.GetPageAsync("/admin/faq/unanswered");
        Assert.True(page.IndexOf("疫苗第三针在哪打", StringComparison.Ordinal) < page.IndexOf("天气预报", StringComparison.Ordinal));
        long id;
        await using (var scope = _factory.Services.CreateAsyncScope())
            id = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<FaqUnansweredQuestion>().Where(q => q.Text == "天气预报").Select(q => q.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/faq/unanswered", new() { ["id"] = id.ToString() }, "/admin/faq/unanswered?handler=Dismiss")).StatusCode);
        Assert.DoesNotContain("天气预报", await admin.GetPageAsync("/admin/faq/unanswered"));
    }
}
