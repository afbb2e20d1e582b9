using System.Net;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>健康申报: required before the first code, validated, modifiable once at any time, then every 24 h.</summary>
public sealed class DeclarationTests : IClassFixture<HealthCodesFactory>
{
    private readonly HealthCodesFactory _factory;
    public DeclarationTests(HealthCodesFactory factory) => _factory = factory;

    [Fact]
    public async Task Code_requires_a_declaration_first()
    {
        var citizen = await _factory.CitizenAsync();
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/code"), HttpStatusCode.Conflict, "codes.declaration_required");
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/declaration"), HttpStatusCode.Conflict, "codes.declaration_required");
        await citizen.DeclareAsync();
        Assert.Equal("green", await citizen.ColorAsync());
        var declaration = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/declaration"));
        Assert.Equal("110105", declaration.GetProperty("regionCode").GetString());
        Assert.Equal(0, declaration.GetProperty("symptoms").GetArrayLength());
    }

    [Fact]
    public async Task Real_name_is_required()
    {
        var anonymous = await _factory.AnonymousCitizenAsync();
        await HttpAssert.Problem(await anonymous.Client.PostJson("/api/me/declaration", HealthCodeKit.Declaration()), HttpStatusCode.Forbidden, "auth.real_name_required");
        await HttpAssert.Problem(await anonymous.Client.GetAsync("/api/me/code"), HttpStatusCode.Forbidden, "auth.real_name_required");
        await HttpAssert.Problem(await _factory.CreateClient().GetAsync("/api/me/code"), HttpStatusCode.Unauthorized, "auth.unauthorized");
    }

    [Fact]
    public async Task Invalid_declarations_are_400_and_write_nothing()
    {
        var citizen = await _factory.CitizenAsync();
        var body = await HttpAssert.Problem(await citizen.Client.PostJson("/api/me/declaration",
            new { symptoms = (string[]?)null, temperature = 51.0, regionCode = "11A105", address = "" }), HttpStatusCode.BadRequest, "request.validation_failed");
        var errors = body.GetProperty("errors");
        foreach (var field in new[] { "symptoms", "temperature", "regionCode", "address" }) Assert.True(errors.TryGetProperty(field, out _), field);
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/declaration"), HttpStatusCode.Conflict, "codes.declaration_required");
    }

    [Fact]
    public async Task A_holder_declares_for_a_relative_through_the_service()
    {
        var holder = await _factory.CitizenAsync("家长");
        var relative = await _factory.CitizenAsync("孩子", new DateOnly(2018, 3, 3));
        var view = await _factory.WithServiceAsync<MiniCode.Features.HealthCodes.Declarations.DeclarationService, MiniCode.Features.HealthCodes.Declarations.DeclarationView>(s =>
            s.SubmitAsync(relative.PersonId!.Value, new([], 36.6m, "110105", "同住", null), $"holder:{holder.AccountId}", CancellationToken.None));
        Assert.Null(view.NextChangeAllowedAt);
        Assert.Equal("green", await relative.ColorAsync());
        await HttpAssert.Problem(await holder.Client.GetAsync("/api/me/code"), HttpStatusCode.Conflict, "codes.declaration_required");
    }

    [Fact]
    public async Task Declared_symptoms_turn_the_code_yellow()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync("110105", 36.6m, "咳嗽", "乏力");
        var code = await citizen.CodeAsync();
        Assert.Equal("yellow", code.GetProperty("color").GetString());
        Assert.Contains(code.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "declaration.symptoms");
        Assert.False(string.IsNullOrEmpty(code.GetProperty("guidance").GetString()));
    }
}

/// <summary>The modification rule with the test clock; a host of its own because it moves time.</summary>
public sealed class DeclarationModificationTests : IDisposable
{
    private readonly HealthCodesFactory _factory = new();

    [Fact]
    public async Task Modify_once_any_time_then_only_24_hours_after_the_previous_change()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync("110105", 36.5m);
        await citizen.DeclareAsync("110105", 36.5m, "咳嗽"); // the free modification, immediately
        var changedAt = _factory.Clock.GetUtcNow();
        Assert.Equal("yellow", await citizen.ColorAsync());

        _factory.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        var tooSoon = await HttpAssert.Problem(await citizen.Client.PostJson("/api/me/declaration", HealthCodeKit.Declaration()), HttpStatusCode.Conflict, "declaration.too_soon");
        // The time is for people: China time, minutes, no "Z".
        var shanghai = TimeZoneInfo.ConvertTime(changedAt.AddHours(24), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Equal("下次可修改时间：" + shanghai.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), tooSoon.GetProperty("detail").GetString());
        Assert.Equal("yellow", await citizen.ColorAsync());

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await citizen.DeclareAsync("110105", 36.5m);
        Assert.Equal("green", await citizen.ColorAsync());
        await HttpAssert.Problem(await citizen.Client.PostJson("/api/me/declaration", HealthCodeKit.Declaration()), HttpStatusCode.Conflict, "declaration.too_soon");

        var history = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/health-report"));
        var changes = history.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("newColor").GetString(), h.GetProperty("cause").GetString())).ToList();
        Assert.Equal([("green", "declaration"), ("yellow", "declaration"), ("green", "declaration")], changes.AsEnumerable().Reverse().ToList());
    }

    public void Dispose() => _factory.Dispose();
}
