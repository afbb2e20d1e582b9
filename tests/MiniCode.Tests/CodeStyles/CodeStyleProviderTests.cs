using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.CodeStyles;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.CodeStyles;

public sealed class CodeStyleProviderTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Activating_a_style_retires_the_previous_one_of_that_code_type_only()
    {
        _ = _factory.Server;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var provider = scope.ServiceProvider.GetRequiredService<CodeStyleProvider>();
            Assert.Null(await provider.GetActiveAsync("green"));
            await provider.ActivateAsync("staff:1", "green", "#FFFFFF", "#00A854", "leaf", default);
            await provider.ActivateAsync("staff:1", "red", "#FFFFFF", "#F5222D", null, default);
            _factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await provider.ActivateAsync("staff:1", "green", "#F0FFF4", "#00A854", "shield", default);
        }
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var provider = scope.ServiceProvider.GetRequiredService<CodeStyleProvider>();
            Assert.Equal(new CodeStyleDto("green", "#F0FFF4", "#00A854", "shield"), await provider.GetActiveAsync("green"));
            Assert.Equal("#F5222D", (await provider.GetActiveAsync("red"))!.ForegroundColor);
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            var greens = await db.Set<CodeStyle>().Where(s => s.CodeType == "green").OrderBy(s => s.Id).ToListAsync();
            Assert.False(greens[0].Active);
            Assert.Equal(_factory.Clock.GetUtcNow(), greens[0].RetiredAt);
            Assert.True(greens[1].Active);
            var audit = await db.Set<AuditEntry>().Where(e => e.Action == "codestyle.activate" && e.TargetId == "green").OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(2, audit.Count);
            Assert.Contains("leaf", audit[1].Before);
            Assert.Contains("shield", audit[1].After);
        }
    }
}
