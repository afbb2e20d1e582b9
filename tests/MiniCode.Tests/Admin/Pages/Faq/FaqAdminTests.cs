using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Faq;
using MiniCode.Features.Feedback;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Faq;

/// <summary>The admin side of the FAQ and feedback: what staff write is what the mini program reads, and it is audited.</summary>
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
        Assert.Equal(questionId, search[0].GetProperty("question").GetProperty("id").GetInt64());

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
    public async Task Feedback_is_replied_to_in_the_admin_and_exported_as_csv_without_formula_cells()
    {
        var citizen = await _factory.CitizenAsync();
        var receipt = await HttpAssert.Ok(await citizen.Client.PostJson("/api/feedback", new { category = "other", content = "=HYPERLINK(\"http://x\")" }));
        var id = receipt.GetProperty("id").GetInt64();
        var admin = await AdminClient.LoggedInAsync(_factory);
        var reply = await admin.PostFormAsync($"/admin/feedback/detail?id={id}", new() { ["id"] = id.ToString(), ["Status"] = "Resolved", ["Reply"] = "已处理" });
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);

        var mine = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/feedback"));
        Assert.Equal("已处理", mine[0].GetProperty("reply").GetString());
        Assert.Equal("Resolved", mine[0].GetProperty("status").GetString());

        var export = await admin.Http.GetAsync("/admin/feedback?handler=Export&status=Resolved");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", lines[1]);
        var pending = await (await admin.Http.GetAsync("/admin/feedback?handler=Export&status=Pending")).Content.ReadAsStringAsync();
        Assert.Empty(pending.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1));
        await using var scope = _factory.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<AuditEntry>().SingleAsync(e => e.Action == "feedback.update");
        Assert.Contains("Pending", entry.Before);
        Assert.Contains("已处理", entry.After);
    }
}
