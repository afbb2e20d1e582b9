using System.Net;
using MiniCode.Tests.Households;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>福建 004 信息申报 2: who already applied through 福建八闽健康码 (authority import <c>applications</c>) needs no declaration.</summary>
public sealed class PriorApplicationTests(HealthCodesFactory factory) : IClassFixture<HealthCodesFactory>
{
    private Task<System.Text.Json.JsonElement> ImportAsync(string idNumber) =>
        factory.ImportCsvAsync("applications", $"document_type,document_number,applied_on\nResidentId,{idNumber},2026-03-01\n");

    [Fact]
    public async Task A_citizen_who_applied_in_the_provincial_system_sees_the_code_without_declaring_and_others_still_must()
    {
        var applied = await factory.CitizenAsync("林八闽");
        var other = await factory.CitizenAsync("林未报");
        await HttpAssert.Problem(await applied.Client.GetAsync("/api/me/code"), HttpStatusCode.Conflict, "codes.declaration_required");

        var summary = await ImportAsync(applied.IdNumber!);
        Assert.Equal(1, summary.GetProperty("acceptedRows").GetInt64());
        Assert.Equal("applications", summary.GetProperty("kind").GetString());
        Assert.Equal("green", await applied.ColorAsync());
        Assert.Equal(HttpStatusCode.Created, (await applied.Client.PostJson("/api/me/offline-cards", new { })).StatusCode);
        await HttpAssert.Problem(await other.Client.GetAsync("/api/me/code"), HttpStatusCode.Conflict, "codes.declaration_required");

        var again = await ImportAsync(applied.IdNumber!); // the same file twice keeps one row
        Assert.Equal(1, again.GetProperty("acceptedRows").GetInt64());
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<MiniCode.Features.HealthCodes.Imports.PriorApplication>().CountAsync()));
    }

    [Fact]
    public async Task A_relative_who_applied_before_is_added_without_a_declaration()
    {
        var holder = await factory.CitizenAsync("林户主");
        var number = TestUsers.NextIdNumber(new DateOnly(1995, 4, 2));
        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("林亲友", new DateOnly(1995, 4, 2), number: number, declaration: false)),
            HttpStatusCode.BadRequest, "request.validation_failed");
        await ImportAsync(number);
        var added = await HttpAssert.Ok(await holder.PostRelativeAsync(HouseholdsKit.Relative("林亲友", new DateOnly(1995, 4, 2), number: number, declaration: false)),
            HttpStatusCode.Created);
        var code = await HttpAssert.Ok(await holder.Client.GetAsync($"/api/me/relatives/{added.GetProperty("id").GetInt64()}/code"));
        Assert.Equal("green", code.GetProperty("color").GetString());
    }
}
