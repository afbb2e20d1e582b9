using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Feedback;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Feedback;

/// <summary>纠错反馈 in the admin: the reply reaches the citizen, the CSV export is safe from formula injection, the change is audited.</summary>
public sealed class FeedbackAdminTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new();

    public void Dispose() => _factory.Dispose();

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
