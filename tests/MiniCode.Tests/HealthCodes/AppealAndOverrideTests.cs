using Microsoft.Extensions.DependencyInjection;
using System.Net;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Infrastructure.Errors;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>纠错 and manual overrides: the citizen appeals over HTTP; staff act through the services the admin calls.</summary>
public sealed class AppealAndOverrideTests : IClassFixture<HealthCodesFactory>
{
    private readonly HealthCodesFactory _factory;
    public AppealAndOverrideTests(HealthCodesFactory factory) => _factory = factory;

    private async Task<TestUser> RedCitizenAsync()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        await _factory.ImportCsvAsync("risk-list", $"document_number,kind,starts_on,ends_on\n{citizen.IdNumber},suspected,2026-11-20,\n");
        Assert.Equal("red", await citizen.ColorAsync());
        return citizen;
    }

    [Fact]
    public async Task Appeal_then_override_with_a_second_approver_changes_the_colour_with_full_trail()
    {
        var citizen = await RedCitizenAsync();
        var png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        var filed = await HttpAssert.Ok(await citizen.Client.PostJson("/api/me/appeals", new { text = "我未去过相关场所，请核实", attachmentName = "证明.png", attachmentBase64 = png }), HttpStatusCode.Created);
        Assert.Equal("red", filed.GetProperty("colorAtFiling").GetString());
        Assert.True(filed.GetProperty("hasAttachment").GetBoolean());
        var appealId = filed.GetProperty("id").GetInt64();

        var requested = await _factory.WithServiceAsync<OverrideService, OverrideView>(s => s.RequestAsync("staff:1",
            new OverrideRequest(citizen.PersonId!.Value, HealthColor.Green, "override.data_error", "经流调核实为数据错误", appealId, null), CancellationToken.None));
        Assert.Equal("red", await citizen.ColorAsync()); // a request alone changes nothing

        var self = await Assert.ThrowsAsync<ApiException>(() => _factory.WithServiceAsync<OverrideService, OverrideView>(s => s.ApproveAsync(requested.Id, "staff:1", CancellationToken.None)));
        Assert.Equal("overrides.second_approver_required", self.Error.Code);
        Assert.Equal("red", await citizen.ColorAsync());

        await _factory.WithServiceAsync<OverrideService, OverrideView>(s => s.ApproveAsync(requested.Id, "staff:2", CancellationToken.None));
        var code = await citizen.CodeAsync();
        Assert.Equal("green", code.GetProperty("color").GetString());
        Assert.Equal("override.data_error", code.GetProperty("reasons")[0].GetProperty("code").GetString());

        await _factory.WithServiceAsync<AppealService, AppealView>(s => s.ResolveAsync(appealId, "staff:2", true, "已更正为绿码", CancellationToken.None));
        var mine = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/appeals"));
        Assert.Equal("resolved", mine[0].GetProperty("status").GetString());

        var history = (await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/health-report"))).GetProperty("history");
        Assert.Equal(("override", "green"), (history[0].GetProperty("cause").GetString(), history[0].GetProperty("newColor").GetString()));
        var audits = await _factory.QueryAsync(db => db.Set<AuditEntry>().Where(a => a.TargetType == "color_override" && a.TargetId == requested.Id.ToString()).Select(a => a.Action + "@" + a.Actor).ToListAsync());
        Assert.Equal(["override.request@staff:1", "override.approve@staff:2"], audits.Order().Reverse().ToList());
        var kinds = await _factory.QueryAsync(db => db.Set<Notice>().Where(n => n.PersonId == citizen.PersonId).Select(n => n.Kind).ToListAsync());
        Assert.Contains("override", kinds);
        Assert.Contains("appeal_resolved", kinds);
        var recorded = _factory.Services.GetRequiredService<RecordingNoticeChannel>().Sent.Where(n => n.PersonId == citizen.PersonId).Select(n => n.Kind).ToList();
        Assert.Contains("override", recorded);
    }

    [Fact]
    public async Task Override_needs_a_rule_reason_and_a_pending_request()
    {
        var citizen = await RedCitizenAsync();
        var unknown = await Assert.ThrowsAsync<ApiException>(() => _factory.WithServiceAsync<OverrideService, OverrideView>(s => s.RequestAsync("staff:1",
            new OverrideRequest(citizen.PersonId!.Value, HealthColor.Green, "because", "看着没问题", null, null), CancellationToken.None)));
        Assert.Equal("overrides.reason_unknown", unknown.Error.Code);
        var o = await _factory.WithServiceAsync<OverrideService, OverrideView>(s => s.RequestAsync("staff:1",
            new OverrideRequest(citizen.PersonId!.Value, HealthColor.Green, "override.data_error", "核实", null, null), CancellationToken.None));
        await _factory.WithServiceAsync<OverrideService, OverrideView>(s => s.RejectAsync(o.Id, "staff:3", CancellationToken.None));
        var late = await Assert.ThrowsAsync<ApiException>(() => _factory.WithServiceAsync<OverrideService, OverrideView>(s => s.ApproveAsync(o.Id, "staff:2", CancellationToken.None)));
        Assert.Equal("overrides.not_pending", late.Error.Code);
        Assert.Equal("red", await citizen.ColorAsync());
    }

    [Fact]
    public async Task Appeal_input_is_validated()
    {
        var citizen = await _factory.CitizenAsync();
        await HttpAssert.Problem(await citizen.Client.PostJson("/api/me/appeals", new { text = "" }), HttpStatusCode.BadRequest, "request.validation_failed");
        var exe = Convert.ToBase64String("MZ\x90\0 not an image"u8.ToArray());
        await HttpAssert.Problem(await citizen.Client.PostJson("/api/me/appeals", new { text = "请核实", attachmentBase64 = exe }), HttpStatusCode.BadRequest, "request.validation_failed");
        Assert.Equal(0, (await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/appeals"))).GetArrayLength());
    }

    [Fact]
    public async Task Inbox_lists_counts_and_marks_read_only_own_notices()
    {
        var citizen = await RedCitizenAsync();
        var other = await _factory.CitizenAsync("李四");
        var inbox = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/notices"));
        var id = inbox.GetProperty("items")[0].GetProperty("id").GetInt64();
        Assert.Equal(1, (await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/notices/unread-count"))).GetProperty("count").GetInt32());
        await HttpAssert.Problem(await other.Client.PostAsync($"/api/me/notices/{id}/read", null), HttpStatusCode.NotFound, "notices.not_found");
        Assert.Equal(0, (await HttpAssert.Ok(await other.Client.GetAsync("/api/me/notices"))).GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await citizen.Client.PostAsync($"/api/me/notices/{id}/read", null)).StatusCode);
        Assert.Equal(0, (await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/notices/unread-count"))).GetProperty("count").GetInt32());
        Assert.True((await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/notices"))).GetProperty("items")[0].GetProperty("read").GetBoolean());
    }
}
