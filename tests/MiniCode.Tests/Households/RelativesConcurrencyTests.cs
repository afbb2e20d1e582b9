using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Households.Relatives;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Households;

/// <summary>
/// The 13-relative limit under parallel adds, on the provider MINICODE_TEST_DB selects (run on SQLite and PostgreSQL):
/// the unique (holder, slot) index lets exactly one of the racing adds take the last slot.
/// </summary>
public sealed class RelativesConcurrencyTests : IDisposable
{
    private readonly HealthCodesFactory _factory = new();

    [Fact]
    public async Task Parallel_adds_at_twelve_relatives_never_yield_fourteen()
    {
        var holder = await _factory.CitizenAsync("林家长");
        for (var i = 0; i < 12; i++) await holder.AddRelativeAsync("林亲友" + (char)('甲' + i));

        var bodies = Enumerable.Range(0, 6).Select(i => HouseholdsKit.Relative("林并发" + (char)('子' + i), new DateOnly(1958, 2, 3))).ToList();
        var responses = await Task.WhenAll(bodies.Select(b => holder.PostRelativeAsync(b)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var count = await _factory.QueryAsync(db => db.Set<Relative>().CountAsync(r => r.HolderPersonId == holder.PersonId));
        Assert.Equal(13, count);
        var slots = await _factory.QueryAsync(db => db.Set<Relative>().Where(r => r.HolderPersonId == holder.PersonId).Select(r => r.Slot).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 13), slots.Order());
    }

    [Fact]
    public async Task The_database_refuses_a_second_relative_in_the_same_slot()
    {
        var holder = await _factory.CitizenAsync("林索引");
        var first = await holder.AddRelativeAsync("林一号");
        var second = await holder.AddRelativeAsync("林二号");
        await Assert.ThrowsAsync<DbUpdateException>(() => _factory.QueryAsync(async db =>
        {
            var row = await db.Set<Relative>().SingleAsync(r => r.Id == second);
            row.Slot = await db.Set<Relative>().Where(r => r.Id == first).Select(r => r.Slot).SingleAsync();
            return await db.SaveChangesAsync();
        }));
    }

    public void Dispose() => _factory.Dispose();
}
