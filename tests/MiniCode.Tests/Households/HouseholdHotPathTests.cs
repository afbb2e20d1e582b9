using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Tests.Cluster;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Households;

/// <summary>
/// The hot path behind the face check, relatives and offline cards: warm, showing one's own and relatives' codes and
/// verifying a live code and an offline card send no database command; a relative removed or a card revoked on one
/// node is refused on the other within a second, and a face check used up on one node is never used again on another
/// (PostgreSQL, two hosts).
/// </summary>
public sealed class HouseholdHotPathTests
{
    private const string FaceCheckRequired = "MiniCode:HealthCodes:FaceCheck:Required";

    private static Task<HttpResponseMessage> FaceCheckAsync(HttpClient client) => client.PostJson("/api/me/face-check", new { verificationToken = "sim:pass" });

    [Fact]
    public async Task Warm_own_and_relatives_codes_behind_the_face_check_and_verifying_a_code_and_an_offline_card_send_no_database_command()
    {
        using var factory = new HealthCodesFactory();
        factory.With(FaceCheckRequired, "true");
        var holder = await factory.CitizenAsync("王大明");
        await holder.DeclareAsync();
        await HttpAssert.Ok(await FaceCheckAsync(holder.Client));
        var adult = await holder.AddRelativeAsync("王小明", new DateOnly(1996, 3, 8));
        var child = (await HttpAssert.Ok(await holder.PostRelativeAsync(HouseholdsKit.Relative("王小小", new DateOnly(2020, 6, 1), faceToken: null, consent: "guardian")),
            HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var card = (await HttpAssert.Ok(await holder.Client.PostJson("/api/me/offline-cards", new { relativeId = adult }), HttpStatusCode.Created)).Str("payload");
        var partner = factory.Partner();

        async Task ShowAndVerifyAsync()
        {
            string? live = null;
            foreach (var path in new[] { "/api/me/code", $"/api/me/relatives/{adult}/code", $"/api/me/relatives/{child}/code" })
            {
                var code = await HttpAssert.Ok(await holder.Client.GetAsync(path));
                Assert.Equal("green", code.Str("color"));
                live ??= code.Str("payload");
            }
            Assert.True((await partner.VerifyAsync(live!)).GetProperty("valid").GetBoolean());
            var verified = await partner.VerifyAsync(card);
            Assert.True(verified.GetProperty("valid").GetBoolean());
            Assert.Equal("offline_card", verified.Str("type"));
        }

        await ShowAndVerifyAsync(); // warms every cache on the path
        var counter = factory.Services.GetRequiredService<DatabaseCommandCounter>();
        var before = counter.Count;
        for (var i = 0; i < 3; i++) await ShowAndVerifyAsync();

        Assert.Equal(before, counter.Count);
    }

    [PostgresFact]
    public async Task A_relative_removed_on_one_node_is_refused_and_their_card_revoked_on_the_other_within_a_second()
    {
        using var first = new HealthCodesFactory();
        using var second = new HealthCodesFactory();
        second.AsSecondNodeOf(first);
        await ClusterSignalsTests.ConnectedSignals(first);
        await ClusterSignalsTests.ConnectedSignals(second);
        // Another holder keeps the relative's person, so removing it revokes the card without anonymising anyone.
        var number = TestUsers.NextIdNumber(new DateOnly(1960, 3, 8));
        var holder = await first.CitizenAsync("何家长");
        var other = await first.CitizenAsync("何二子");
        var rid = (await HttpAssert.Ok(await holder.PostRelativeAsync(HouseholdsKit.Relative("何老人", new DateOnly(1960, 3, 8), number: number)),
            HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await HttpAssert.Ok(await other.PostRelativeAsync(HouseholdsKit.Relative("何老人", new DateOnly(1960, 3, 8), number: number, declaration: false)),
            HttpStatusCode.Created);
        var card = (await HttpAssert.Ok(await holder.Client.PostJson("/api/me/offline-cards", new { relativeId = rid }), HttpStatusCode.Created)).Str("payload");
        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = holder.Client.DefaultRequestHeaders.Authorization;
        var partnerOnSecond = second.Partner();
        await HttpAssert.Ok(await onSecond.GetAsync($"/api/me/relatives/{rid}/code")); // both cached on the second node
        Assert.True((await partnerOnSecond.VerifyAsync(card)).GetProperty("valid").GetBoolean());

        first.Clock.Advance(TimeSpan.FromHours(24));
        await HttpAssert.Ok(await holder.Client.DeleteAsync($"/api/me/relatives/{rid}"), HttpStatusCode.NoContent);

        await CodeHolderCacheTests.WithinAsync(async () => (await onSecond.GetAsync($"/api/me/relatives/{rid}/code")).StatusCode == HttpStatusCode.NotFound);
        await CodeHolderCacheTests.WithinAsync(async () => await partnerOnSecond.VerifyAsync(card) is var r && !r.GetProperty("valid").GetBoolean() && r.Str("reason") == "revoked");
    }

    [PostgresFact]
    public async Task A_face_check_used_up_on_one_node_is_not_used_again_on_the_other_and_a_new_one_counts_on_both()
    {
        using var first = new HealthCodesFactory();
        using var second = new HealthCodesFactory();
        foreach (var node in new[] { first, second })
            node.With(FaceCheckRequired, "true").With("MiniCode:HealthCodes:FaceCheck:Interval", "EveryShowing");
        second.AsSecondNodeOf(first);
        await ClusterSignalsTests.ConnectedSignals(first);
        await ClusterSignalsTests.ConnectedSignals(second);
        var citizen = await first.CitizenAsync();
        await citizen.DeclareAsync();
        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = citizen.Client.DefaultRequestHeaders.Authorization;

        await HttpAssert.Ok(await FaceCheckAsync(citizen.Client));
        await HttpAssert.Ok(await onSecond.GetAsync("/api/me/code")); // uses the check; the second node caches it
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/code"), HttpStatusCode.Forbidden, "codes.face_check_required");
        await HttpAssert.Problem(await onSecond.GetAsync("/api/me/code"), HttpStatusCode.Forbidden, "codes.face_check_required");

        await HttpAssert.Ok(await FaceCheckAsync(onSecond));
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/code")); // at once: a refusal is re-read
        await HttpAssert.Problem(await onSecond.GetAsync("/api/me/code"), HttpStatusCode.Forbidden, "codes.face_check_required");
    }
}
