using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using MiniCode.Data;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Tests.Cluster;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>
/// Warm show-code and verify read no database (sessions and holders cached in process); every colour change is seen
/// at once on the node that wrote it and within a second on another node on the same PostgreSQL, and a red holder is
/// never shown green from a cache.
/// </summary>
public sealed class CodeHolderCacheTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Warm_show_code_and_verify_send_no_database_command()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        await citizen.DeclareAsync();
        var partner = factory.Partner();
        var payload = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
        Assert.True((await partner.VerifyAsync(payload)).GetProperty("valid").GetBoolean());
        var counter = factory.Services.GetRequiredService<DatabaseCommandCounter>();

        var before = counter.Count;
        for (var i = 0; i < 5; i++)
        {
            await citizen.CodeAsync();
            var verified = await partner.VerifyAsync(payload);
            Assert.True(verified.GetProperty("valid").GetBoolean());
            Assert.Equal("green", verified.GetProperty("color").GetString());
        }

        Assert.Equal(before, counter.Count);
    }

    [Fact]
    public async Task The_code_number_comes_with_the_cached_holder_however_many_numbers_exist()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        await citizen.DeclareAsync();
        // The first showing issues the number after the holder was cached without one; the issue drops that holder, so
        // it is not left number-less (which would ask the code engine, a database read, on every showing).
        var issued = (await citizen.CodeAsync()).GetProperty("codeNumber").GetString()!;
        Assert.Equal(issued, (await citizen.CodeAsync()).GetProperty("codeNumber").GetString());
        var numbers = factory.Services.GetRequiredService<ICodeNumbers>();
        var counter = factory.Services.GetRequiredService<DatabaseCommandCounter>();

        // Between showings, more subjects get numbers than the 100-entry number cache of old could keep (it missed at 1M).
        var venue = 0;
        for (var i = 0; i < 3; i++)
        {
            for (var end = venue + 120; venue < end;) await numbers.NumberOfAsync(CodeCategories.Poster, ++venue, "110105", default);
            var before = counter.Count;
            Assert.Equal(issued, (await citizen.CodeAsync()).GetProperty("codeNumber").GetString());
            Assert.Equal(before, counter.Count);
        }

        var stored = await factory.QueryAsync(db => db.Set<CodeNumber>()
            .Where(n => n.Category == CodeCategories.Personal && n.SubjectId == citizen.PersonId).Select(n => n.Number).SingleAsync());
        Assert.Equal(issued, stored);
    }

    [Fact]
    public async Task A_colour_change_is_shown_and_verified_at_once_though_the_holder_was_cached()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        await citizen.DeclareAsync();
        var partner = factory.Partner();
        var green = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
        await partner.VerifyAsync(green);
        factory.Clock.Advance(TimeSpan.FromSeconds(2)); // the payload counts whole seconds

        await factory.ImportCsvAsync("risk-list", $"document_number,kind,starts_on,ends_on\n{citizen.IdNumber},confirmed,2026-11-20,\n");

        var red = await citizen.CodeAsync();
        Assert.Equal("red", red.GetProperty("color").GetString());
        var old = await partner.VerifyAsync(green);
        Assert.False(old.GetProperty("valid").GetBoolean());
        Assert.Equal("revoked", old.GetProperty("reason").GetString());
        Assert.Equal("red", (await partner.VerifyAsync(red.GetProperty("payload").GetString()!)).GetProperty("color").GetString());
    }

    [Fact]
    public async Task A_declaration_just_submitted_is_not_refused_from_the_cache()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/code"), HttpStatusCode.Conflict, "codes.declaration_required");
        await citizen.DeclareAsync();
        Assert.Equal("green", await citizen.ColorAsync());
    }

    [PostgresFact]
    public async Task A_colour_change_on_one_node_is_shown_and_verified_on_the_other_within_a_second()
    {
        using var first = new HealthCodesFactory();
        using var second = new HealthCodesFactory();
        second.AsSecondNodeOf(first);
        await ClusterSignalsTests.ConnectedSignals(first);
        await ClusterSignalsTests.ConnectedSignals(second);
        var citizen = await first.CitizenAsync();
        await citizen.DeclareAsync();
        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = citizen.Client.DefaultRequestHeaders.Authorization;
        var partnerOnSecond = second.Partner();
        var green = (await HttpAssert.Ok(await onSecond.GetAsync("/api/me/code"))).GetProperty("payload").GetString()!;
        Assert.True((await partnerOnSecond.VerifyAsync(green)).GetProperty("valid").GetBoolean()); // both cached on the second node
        first.Clock.Advance(TimeSpan.FromSeconds(2)); // the payload counts whole seconds

        await first.ImportCsvAsync("risk-list", $"document_number,kind,starts_on,ends_on\n{citizen.IdNumber},confirmed,2026-11-20,\n");

        await WithinAsync(async () => (await HttpAssert.Ok(await onSecond.GetAsync("/api/me/code"))).GetProperty("color").GetString() == "red");
        await WithinAsync(async () => await partnerOnSecond.VerifyAsync(green) is var r
            && !r.GetProperty("valid").GetBoolean() && r.GetProperty("color").GetString() == "red");
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after one second (the cross-node bound).</summary>
    internal static async Task WithinAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"not within {Within.TotalSeconds} s");
            await Task.Delay(20);
        }
    }
}
