using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Forms;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Forms;

public sealed class FormsApiTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<long> SeedFormAsync(bool active = true)
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var form = new CustomForm
        {
            RegionCode = "220100", Title = "返长登记", Active = active, CreatedAt = _factory.Clock.GetUtcNow(),
            Fields =
            [
                new FormField { Key = "origin", Label = "出发地", Type = FormFieldType.Text, Required = true, SortOrder = 1 },
                new FormField { Key = "arrival", Label = "到达日期", Type = FormFieldType.Date, Required = true, SortOrder = 2 },
                new FormField { Key = "transport", Label = "交通方式", Type = FormFieldType.SingleChoice, Options = "自驾\n火车", Required = false, SortOrder = 3 },
                new FormField { Key = "symptoms", Label = "症状", Type = FormFieldType.MultiChoice, Options = "发热\n咳嗽\n无", Required = false, SortOrder = 4 },
                new FormField { Key = "temperature", Label = "体温", Type = FormFieldType.Number, Required = false, SortOrder = 5 },
                new FormField { Key = "phone", Label = "联系电话", Type = FormFieldType.Phone, Required = false, SortOrder = 6 },
            ],
        };
        db.Add(form);
        await db.SaveChangesAsync();
        return form.Id;
    }

    [Fact]
    public async Task The_mini_program_lists_fetches_and_submits_a_form_of_its_region()
    {
        var id = await SeedFormAsync();
        var client = _factory.CreateClient();
        var list = await HttpAssert.Ok(await client.GetAsync("/api/forms?region=220104"));
        Assert.Equal(id, list[0].GetProperty("id").GetInt64());
        Assert.Empty((await HttpAssert.Ok(await client.GetAsync("/api/forms?region=110105"))).EnumerateArray());
        var form = await HttpAssert.Ok(await client.GetAsync($"/api/forms/{id}"));
        Assert.Equal(["origin", "arrival", "transport", "symptoms", "temperature", "phone"], form.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("key").GetString()));

        var citizen = await _factory.CitizenAsync();
        var receipt = await HttpAssert.Ok(await citizen.Client.PostAsJsonAsync($"/api/forms/{id}/submissions", new
        {
            origin = "北京", arrival = "2026-11-20", transport = "火车", symptoms = new[] { "无" }, temperature = 36.5, phone = "13800138000",
        }));
        Assert.True(receipt.GetProperty("id").GetInt64() > 0);
    }

    [Fact]
    public async Task Staff_see_and_export_the_answers_by_submission_day()
    {
        var id = await SeedFormAsync();
        var citizen = await _factory.CitizenAsync();
        await HttpAssert.Ok(await citizen.Client.PostAsJsonAsync($"/api/forms/{id}/submissions", new
        {
            origin = "北京", arrival = "2026-11-20", transport = "火车", symptoms = new[] { "发热", "咳嗽" }, temperature = 37.9, phone = "13800138000",
        }));
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        _factory.Clock.Advance(TimeSpan.FromDays(2));
        await HttpAssert.Ok(await citizen.Client.PostAsJsonAsync($"/api/forms/{id}/submissions", new { origin = "=HYPERLINK(\"x\")", arrival = "2026-11-22" }));

        var admin = await Admin.AdminClient.LoggedInAsync(_factory);
        var page = await admin.GetPageAsync($"/admin/forms/submissions?id={id}");
        Assert.Contains("共 2 条", page);
        Assert.Contains("发热、咳嗽", page);
        var oneDay = await admin.GetPageAsync($"/admin/forms/submissions?id={id}&from={firstDay:yyyy-MM-dd}&to={firstDay:yyyy-MM-dd}");
        Assert.Contains("共 1 条", oneDay);

        var export = await admin.Http.GetAsync($"/admin/forms/submissions?handler=Export&id={id}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("提交时间,出发地,到达日期,交通方式,症状,体温,联系电话", lines[0]);
        Assert.EndsWith(",北京,2026-11-20,火车,发热、咳嗽,37.9,13800138000", lines[1]);
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",2026-11-22", lines[2]); // a formula is never run by a spreadsheet
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync("/admin/forms/submissions?id=999999")).StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<MiniCode.Features.Audit.AuditEntry>()
            .AnyAsync(a => a.Action == "form.export" && a.TargetId == id.ToString()));
    }

    [Fact]
    public async Task Answers_are_validated_against_the_form()
    {
        var id = await SeedFormAsync();
        var citizen = await _factory.CitizenAsync();
        var problem = await HttpAssert.Problem(await citizen.Client.PostAsJsonAsync($"/api/forms/{id}/submissions", new
        {
            arrival = "20.11.2026", transport = "飞机", symptoms = new[] { "发热", "发热" }, temperature = "高", phone = "123", extra = "x",
        }), HttpStatusCode.BadRequest, "request.validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var key in new[] { "origin", "arrival", "transport", "symptoms", "temperature", "phone", "extra" })
            Assert.True(errors.TryGetProperty(key, out _), "expected an error for " + key);

        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<FormSubmission>().CountAsync());
    }

    [Fact]
    public async Task Unknown_or_inactive_forms_are_not_found_and_submitting_needs_a_login()
    {
        var inactive = await SeedFormAsync(active: false);
        var client = _factory.CreateClient();
        await HttpAssert.Problem(await client.GetAsync($"/api/forms/{inactive}"), HttpStatusCode.NotFound, "form.not_found");
        await HttpAssert.Problem(await client.GetAsync("/api/forms/99999"), HttpStatusCode.NotFound, "form.not_found");
        await HttpAssert.Problem(await client.PostAsJsonAsync($"/api/forms/{inactive}/submissions", new { origin = "x" }), HttpStatusCode.Unauthorized, "auth.unauthorized");
        var citizen = await _factory.CitizenAsync();
        await HttpAssert.Problem(await citizen.Client.PostAsJsonAsync($"/api/forms/{inactive}/submissions", new { origin = "x" }), HttpStatusCode.NotFound, "form.not_found");
    }
}
