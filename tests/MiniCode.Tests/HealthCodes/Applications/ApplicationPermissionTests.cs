using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Tests.Cluster;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes.Applications;

/// <summary>扫码权限 and 生成权限 of registered applications over HTTP: switches, categories, what a verifier sees, keys, limits, counting.</summary>
public sealed class ApplicationPermissionTests
{
    [Fact]
    public async Task An_application_sees_the_masked_name_only_when_granted_and_its_calls_are_counted_under_it()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        await citizen.DeclareAsync();
        var payload = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
        var (id, app, _) = await factory.RegisterAsync(ApplicationKit.Venue("门禁系统") with { SeesMaskedName = false });

        var answer = await app.VerifyAsync(payload);
        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal("green", answer.GetProperty("color").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("maskedName").ValueKind);
        Assert.Equal("张*", (await factory.Partner().VerifyAsync(payload)).GetProperty("maskedName").GetString());

        var counted = factory.Services.GetRequiredService<CodeUsageCounters>().Drain();
        Assert.Equal(1, counted.Where(c => c.Key.Application == $"app:{id}" && c.Key.Metric == "verified.valid").Sum(c => c.Value));
    }

    [Fact]
    public async Task Verification_switched_off_answers_403_on_the_next_request_and_a_category_outside_the_grant_403_too()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        await citizen.DeclareAsync();
        var payload = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
        var (id, app, _) = await factory.RegisterAsync(ApplicationKit.Venue("闸机系统"));
        Assert.True((await app.VerifyAsync(payload)).GetProperty("valid").GetBoolean()); // cached now

        await factory.UpdateAsync(id, i => i with { VerifyEnabled = false });
        await HttpAssert.Problem(await app.PostAsJsonAsync("/api/codes/verify", new { payload }), HttpStatusCode.Forbidden, "codes.verify_not_permitted");

        await factory.UpdateAsync(id, i => i with { VerifyEnabled = true, VerifyCategories = [CodeCategories.Poster] });
        await HttpAssert.Problem(await app.PostAsJsonAsync("/api/codes/verify", new { payload }), HttpStatusCode.Forbidden, "codes.category_not_permitted");
        var counted = factory.Services.GetRequiredService<CodeUsageCounters>().Drain().Where(c => c.Key.Application == $"app:{id}").ToList();
        Assert.Contains(counted, c => c.Key.Metric == "refused.verify_off");
        Assert.Contains(counted, c => c.Key.Metric == "verified.not_permitted");
    }

    [Fact]
    public async Task A_rotated_key_replaces_the_old_one_at_once_and_a_disabled_application_is_unknown()
    {
        using var factory = new HealthCodesFactory();
        var (id, app, oldKey) = await factory.RegisterAsync(ApplicationKit.Venue("旧系统"));
        await HttpAssert.Ok(await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }));
        Assert.StartsWith("mca_", oldKey, StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.Set<CodeApplication>().SingleAsync(a => a.Id == id));
        Assert.NotEqual(oldKey, stored.KeyHash);
        Assert.Equal(ApplicationDirectory.Hash(oldKey), stored.KeyHash); // only the hash is kept

        var newKey = await factory.RotateAsync(id);
        await HttpAssert.Problem(await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }), HttpStatusCode.Unauthorized, "auth.api_key_invalid");
        var rotated = factory.WithKey(newKey);
        await HttpAssert.Ok(await rotated.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }));

        await factory.UpdateAsync(id, i => i with { Enabled = false });
        await HttpAssert.Problem(await rotated.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }), HttpStatusCode.Unauthorized, "auth.api_key_invalid");
    }

    [Fact]
    public async Task Each_application_has_its_own_limit_per_minute()
    {
        using var factory = new HealthCodesFactory();
        var (_, app, _) = await factory.RegisterAsync(ApplicationKit.Venue("小流量系统") with { PerMinute = 2 });
        await HttpAssert.Ok(await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }));
        await HttpAssert.Ok(await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }));
        await HttpAssert.Problem(await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }), HttpStatusCode.TooManyRequests, "codes.application_rate_limited");
        await HttpAssert.Ok(await factory.Partner().PostAsJsonAsync("/api/codes/verify", new { payload = "x" })); // another application is not limited by it
    }

    [Fact]
    public async Task A_venue_system_generates_poster_codes_for_its_own_venues_only()
    {
        using var factory = new HealthCodesFactory();
        var (id, app, _) = await factory.RegisterAsync(ApplicationKit.Venue("场所码系统"));
        var (_, other, _) = await factory.RegisterAsync(ApplicationKit.Venue("另一个系统"));

        var first = await HttpAssert.Ok(await app.PostAsJsonAsync("/api/codes", ApplicationKit.VenueRequest("V-001")));
        Assert.True(first.GetProperty("created").GetBoolean());
        Assert.Equal("poster", first.GetProperty("category").GetString());
        var payload = first.GetProperty("payload").GetString()!;
        var verified = await factory.Partner().VerifyAsync(payload);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("poster", verified.GetProperty("type").GetString());

        var again = await HttpAssert.Ok(await app.PostAsJsonAsync("/api/codes", ApplicationKit.VenueRequest("V-001", withSubject: false)));
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.Equal(first.GetProperty("subjectId").GetInt64(), again.GetProperty("subjectId").GetInt64());
        Assert.Equal(payload, again.GetProperty("payload").GetString());
        // The same reference of another application is another subject: nobody reaches another's venues.
        var others = await HttpAssert.Ok(await other.PostAsJsonAsync("/api/codes", ApplicationKit.VenueRequest("V-001")));
        Assert.NotEqual(first.GetProperty("subjectId").GetInt64(), others.GetProperty("subjectId").GetInt64());
        var owner = await factory.QueryAsync(db => db.Set<Features.Posters.Poster>().SingleAsync(p => p.Id == first.GetProperty("subjectId").GetInt64()));
        Assert.Equal((id, 0L), (owner.OwnerApplicationId!.Value, owner.OwnerAccountId));

        var missing = await HttpAssert.Problem(await app.PostAsJsonAsync("/api/codes", ApplicationKit.VenueRequest("V-002", withSubject: false)),
            HttpStatusCode.BadRequest, "request.validation_failed");
        Assert.True(missing.GetProperty("errors").TryGetProperty("subject", out _));
        await HttpAssert.Problem(await app.PostAsJsonAsync("/api/codes", ApplicationKit.VenueRequest("V-003", category: "personal")), HttpStatusCode.Forbidden,
            "codes.category_not_permitted");

        await factory.UpdateAsync(id, i => i with { GenerateEnabled = false });
        await HttpAssert.Problem(await app.PostAsJsonAsync("/api/codes", ApplicationKit.VenueRequest("V-001")), HttpStatusCode.Forbidden, "codes.generate_not_permitted");
        var counted = factory.Services.GetRequiredService<CodeUsageCounters>().Drain().Where(c => c.Key.Application == $"app:{id}").ToList();
        Assert.Equal(2, counted.Where(c => c.Key.Metric == "generated").Sum(c => c.Value));
        Assert.Contains(counted, c => c.Key.Metric == "refused.generate_off");
    }

    [Fact]
    public async Task A_scanner_session_may_verify_but_not_generate()
    {
        using var factory = new HealthCodesFactory();
        var scanner = await factory.ScannerAsync();
        await HttpAssert.Problem(await scanner.Client.PostAsJsonAsync("/api/codes", ApplicationKit.VenueRequest("V-1")), HttpStatusCode.Forbidden, "codes.applications_only");
        await HttpAssert.Ok(await scanner.Client.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }));
    }

    [Fact]
    public async Task A_warm_permission_check_sends_no_database_command()
    {
        using var factory = new HealthCodesFactory();
        var (id, app, _) = await factory.RegisterAsync(ApplicationKit.Venue("热路径系统"));
        await HttpAssert.Ok(await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }));
        var counter = factory.Services.GetRequiredService<DatabaseCommandCounter>();

        var before = counter.Count;
        await HttpAssert.Ok(await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" })); // malformed: the verifier reads nothing either
        await factory.UpdateAsync(id, i => i with { VerifyEnabled = false });
        await HttpAssert.Problem(await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }), HttpStatusCode.Forbidden, "codes.verify_not_permitted");
        var afterSwitch = counter.Count;
        await HttpAssert.Problem(await app.PostAsJsonAsync("/api/codes/verify", new { payload = "x" }), HttpStatusCode.Forbidden, "codes.verify_not_permitted");

        Assert.Equal(afterSwitch, counter.Count);
        Assert.True(afterSwitch > before); // the update and the one reload after its signal
    }

    [PostgresFact]
    public async Task Verification_switched_off_on_one_node_answers_403_on_the_other_within_a_second()
    {
        using var first = new HealthCodesFactory();
        using var second = new HealthCodesFactory();
        second.AsSecondNodeOf(first);
        await ClusterSignalsTests.ConnectedSignals(first);
        await ClusterSignalsTests.ConnectedSignals(second);
        var (id, _, key) = await first.RegisterAsync(ApplicationKit.Venue("跨节点系统"));
        var onSecond = second.WithKey(key);
        await HttpAssert.Ok(await onSecond.PostAsJsonAsync("/api/codes/verify", new { payload = "x" })); // cached on the second node

        await first.UpdateAsync(id, i => i with { VerifyEnabled = false });

        var until = DateTime.UtcNow.AddSeconds(1);
        while ((await onSecond.PostAsJsonAsync("/api/codes/verify", new { payload = "x" })).StatusCode != HttpStatusCode.Forbidden)
        {
            Assert.True(DateTime.UtcNow < until, "still allowed on the second node after 1 s");
            await Task.Delay(20);
        }
    }
}
