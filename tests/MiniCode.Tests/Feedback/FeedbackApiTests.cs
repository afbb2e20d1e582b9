using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Feedback;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Feedback;

public sealed class FeedbackApiTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new MiniCodeFactory().With("Feedback:PerAccountPerDay", "2");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_citizen_sends_feedback_the_phone_is_stored_encrypted_and_only_their_own_is_listed()
    {
        var citizen = await _factory.CitizenAsync();
        var other = await _factory.CitizenAsync("李四");
        var receipt = await HttpAssert.Ok(await citizen.Client.PostAsJsonAsync("/api/feedback",
            new { category = "codeColour", content = "我的码颜色不对", contactPhone = "13800138000", regionCode = "220104" }));
        Assert.Equal("Pending", receipt.GetProperty("status").GetString());
        await HttpAssert.Ok(await other.Client.PostAsJsonAsync("/api/feedback", new { category = "other", content = "别人的反馈" }));

        var mine = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/feedback"));
        Assert.Single(mine.EnumerateArray());
        Assert.Equal("我的码颜色不对", mine[0].GetProperty("content").GetString());

        await using var scope = _factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<FeedbackEntry>().SingleAsync(f => f.AccountId == citizen.AccountId);
        Assert.DoesNotContain("13800138000", stored.ContactCipher);
        Assert.Equal("138****8000", stored.ContactMasked);
    }

    [Fact]
    public async Task Feedback_needs_a_login_and_valid_input()
    {
        var anonymous = _factory.CreateClient();
        await HttpAssert.Problem(await anonymous.PostAsJsonAsync("/api/feedback", new { category = "other", content = "x" }), HttpStatusCode.Unauthorized, "auth.unauthorized");
        var citizen = await _factory.CitizenAsync();
        var problem = await HttpAssert.Problem(await citizen.Client.PostAsJsonAsync("/api/feedback", new { content = "", contactPhone = "123" }),
            HttpStatusCode.BadRequest, "request.validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("category", out _));
        Assert.True(errors.TryGetProperty("content", out _));
        Assert.True(errors.TryGetProperty("contactPhone", out _));
        await HttpAssert.Problem(await citizen.Client.PostAsJsonAsync("/api/feedback", new { category = "other", content = new string('长', 1001) }),
            HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task The_daily_limit_per_account_answers_429_until_a_day_has_passed()
    {
        var citizen = await _factory.CitizenAsync();
        for (var i = 0; i < 2; i++)
            await HttpAssert.Ok(await citizen.Client.PostAsJsonAsync("/api/feedback", new { category = "other", content = "反馈" + i }));
        await HttpAssert.Problem(await citizen.Client.PostAsJsonAsync("/api/feedback", new { category = "other", content = "第三条" }),
            (HttpStatusCode)429, "feedback.too_many");
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        await HttpAssert.Ok(await citizen.Client.PostAsJsonAsync("/api/feedback", new { category = "other", content = "第二天" }));
    }
}
