using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Faq;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Faq;

public sealed class FaqApiTests : IClassFixture<FaqApiTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public MiniCodeFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            _ = Factory.Server;
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            var codes = new FaqCategory { Name = "健康码", SortOrder = 1 };
            var trips = new FaqCategory { Name = "出行", SortOrder = 2 };
            db.AddRange(
                new FaqQuestion { Category = codes, Question = "健康码显示黄码怎么办？", Answer = "黄码人员请按要求进行核酸检测。", SortOrder = 1, IsHot = true },
                new FaqQuestion { Category = codes, Question = "如何为家人申领健康码？", Answer = "在首页添加家人。", SortOrder = 2 },
                new FaqQuestion { Category = trips, Question = "跨省出行需要什么证明？", Answer = "请出示绿码和48小时核酸阴性证明。", SortOrder = 1, IsHot = true },
                new ConsultationPhone { RegionCode = "220000", Name = "吉林省热线", Phone = "12345" },
                new ConsultationPhone { RegionCode = "220100", Name = "长春市热线", Phone = "0431-12345" },
                new ConsultationPhone { RegionCode = "110000", Name = "北京市热线", Phone = "010-12345" });
            await db.SaveChangesAsync();
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly HttpClient _client;
    private readonly MiniCodeFactory _factory;

    public FaqApiTests(Fixture fixture) => (_client, _factory) = (fixture.Factory.CreateClient(), fixture.Factory);

    [Fact]
    public async Task Home_lists_categories_in_order_hot_questions_and_the_regions_phones()
    {
        var body = await HttpAssert.Ok(await _client.GetAsync("/api/faq?region=220104"));
        var categories = body.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["健康码", "出行"], categories);
        Assert.Equal(2, body.GetProperty("hot").GetArrayLength());
        var phones = body.GetProperty("phones").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["吉林省热线", "长春市热线"], phones);
    }

    [Fact]
    public async Task Search_matches_chinese_without_spaces_and_ranks_the_best_match_first()
    {
        var yellow = await HttpAssert.Ok(await _client.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString("黄码了怎么处理")));
        Assert.True(yellow.GetProperty("answered").GetBoolean());
        Assert.Equal("健康码显示黄码怎么办？", yellow.GetProperty("hits")[0].GetProperty("question").GetProperty("question").GetString());

        var trip = (await HttpAssert.Ok(await _client.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString("出省要核酸证明吗")))).GetProperty("hits");
        Assert.Equal("跨省出行需要什么证明？", trip[0].GetProperty("question").GetProperty("question").GetString());

        var scores = trip.EnumerateArray().Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task A_search_that_matches_nothing_answers_the_closest_and_hot_questions_and_the_hotlines_and_is_kept_for_staff()
    {
        var none = await HttpAssert.Ok(await _client.GetAsync("/api/faq/search?region=220104&q=" + Uri.EscapeDataString("天气预报")));
        Assert.False(none.GetProperty("answered").GetBoolean());
        Assert.Equal(0, none.GetProperty("hits").GetArrayLength());
        Assert.Equal(2, none.GetProperty("hot").GetArrayLength());
        Assert.Equal(["吉林省热线", "长春市热线"], none.GetProperty("phones").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        // Written differently from every question (no two characters in a row match), yet close to one: offered as closest.
        var close = await HttpAssert.Ok(await _client.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString("家里人领码")));
        Assert.False(close.GetProperty("answered").GetBoolean());
        Assert.Equal("如何为家人申领健康码？", close.GetProperty("closest")[0].GetProperty("question").GetProperty("question").GetString());

        await _client.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString("天气预报"));
        await using var scope = _factory.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<FaqUnansweredQuestion>().AsNoTracking().ToListAsync();
        Assert.Equal(2, kept.Single(q => q.Text == "天气预报").Count);
        Assert.Equal("220104", kept.Single(q => q.Text == "天气预报").RegionCode);
        Assert.Contains(kept, q => q.Text == "家里人领码");
        Assert.DoesNotContain(kept, q => q.Text == "黄码了怎么处理");
    }

    [Fact]
    public async Task Search_without_text_or_with_too_long_text_is_a_validation_problem()
    {
        await HttpAssert.Problem(await _client.GetAsync("/api/faq/search?q="), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await _client.GetAsync("/api/faq/search?q=" + new string('码', 51)), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await _client.GetAsync("/api/faq?region=22"), HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public void Grams_are_character_bigrams_plus_latin_words()
    {
        Assert.Equal(["健康", "康码", "app"], FaqSearch.Grams("健康码 APP"));
        Assert.Equal(["码"], FaqSearch.Grams("码"));
    }
}
