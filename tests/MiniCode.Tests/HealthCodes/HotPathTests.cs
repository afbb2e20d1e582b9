using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>
/// The hot paths of show-code and verify (<see cref="HotPath"/>): the plain case is answered by the lean handler, with
/// the answer the full pipeline gives; every other request is handed on and answered by the full pipeline. Checked
/// against a second node on the same database with the hot paths off, request by request.
/// </summary>
public sealed class HotPathTests : IDisposable
{
    private readonly HealthCodesFactory _hot = new();
    private readonly HealthCodesFactory _full = new();

    public HotPathTests()
    {
        _full.AsSecondNodeOf(_hot).With("MiniCode:HotPaths:Enabled", "false");
    }

    private HotPathCounters Counters => _hot.Services.GetRequiredService<HotPathCounters>();

    [Fact]
    public async Task Show_code_and_verify_are_answered_by_the_hot_path_as_the_full_pipeline_answers_them()
    {
        var citizen = await _hot.CitizenAsync("王小明");
        await citizen.DeclareAsync();
        var scanner = await _hot.ScannerAsync();
        var payload = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
        _ = _full.Services;
        var before = Counters.Answered;

        var hotCode = await Send(_hot, Show(citizen.Token));
        Assert.Equal(HttpStatusCode.OK, hotCode.Status);
        Assert.Equal("no-store", hotCode.CacheControl);
        Assert.Equal(await Send(_full, Show(citizen.Token)), hotCode);

        foreach (var verify in new Func<HttpRequestMessage>[] { () => VerifyAsApplication(payload), () => VerifyAsScanner(scanner.Token, payload) })
        {
            var hot = await Send(_hot, verify());
            Assert.Equal(HttpStatusCode.OK, hot.Status);
            Assert.Contains("\"valid\":true", hot.Body, StringComparison.Ordinal);
            Assert.Equal(await Send(_full, verify()), hot);
        }
        Assert.Equal(before + 3, Counters.Answered);
        Assert.Equal(0, Counters.Declined);
    }

    [Fact]
    public async Task Callers_and_bodies_the_hot_path_does_not_admit_get_the_full_pipelines_answers()
    {
        var citizen = await _hot.CitizenAsync();
        await citizen.DeclareAsync();
        var undeclared = await _hot.CitizenAsync("李雷");
        var anonymous = await _hot.AnonymousCitizenAsync();
        var scanner = await _hot.ScannerAsync();
        var loggedOut = await _hot.CitizenAsync("韩梅梅");
        Assert.Equal(HttpStatusCode.NoContent, (await loggedOut.Client.PostAsync("/api/auth/logout", null)).StatusCode);
        _ = _full.Services;
        var payload = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;

        (Func<HttpRequestMessage> Request, HttpStatusCode Status, Way Way)[] cases =
        [
            (() => new HttpRequestMessage(HttpMethod.Get, "/api/me/code"), HttpStatusCode.Unauthorized, Way.HandedOn),
            (() => Show("not-a-session"), HttpStatusCode.Unauthorized, Way.HandedOn),
            (() => Show(loggedOut.Token), HttpStatusCode.Unauthorized, Way.HandedOn),
            (() => Show(scanner.Token), HttpStatusCode.Forbidden, Way.HandedOn),
            (() => Show(anonymous.Token), HttpStatusCode.Forbidden, Way.HandedOn),
            // Admitted, then refused by the service itself: the same exception handler answers.
            (() => Show(undeclared.Token), HttpStatusCode.Conflict, Way.Answered),
            (() => VerifyWith(r => r.Headers.Add("X-Api-Key", HealthCodesFactory.AuthorityKey), Json(payload)), HttpStatusCode.Forbidden, Way.HandedOn),
            (() => VerifyWith(r => r.Headers.Add("X-Api-Key", "unknown-key-0123456789"), Json(payload)), HttpStatusCode.Unauthorized, Way.HandedOn),
            (() => VerifyWith(r => { r.Headers.Add("X-Api-Key", HealthCodesFactory.PartnerKey); Bearer(r, scanner.Token); }, Json(payload)), HttpStatusCode.OK, Way.HandedOn),
            (() => VerifyWith(r => Bearer(r, citizen.Token), Json(payload)), HttpStatusCode.Forbidden, Way.HandedOn),
            (() => VerifyWith(r => r.Headers.Add("X-Api-Key", HealthCodesFactory.PartnerKey), new StringContent(payload, Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, Way.RefusedByRouting),
            (() => VerifyWith(r => r.Headers.Add("X-Api-Key", HealthCodesFactory.PartnerKey), Raw("{\"payload\":")), HttpStatusCode.BadRequest, Way.HandedOn),
            (() => VerifyWith(r => r.Headers.Add("X-Api-Key", HealthCodesFactory.PartnerKey), Raw("{\"payload\":1}")), HttpStatusCode.BadRequest, Way.HandedOn),
            (() => VerifyWith(r => r.Headers.Add("X-Api-Key", HealthCodesFactory.PartnerKey), Raw("{}")), HttpStatusCode.BadRequest, Way.HandedOn),
            (() => VerifyWith(r => r.Headers.Add("X-Api-Key", HealthCodesFactory.PartnerKey), Json(new string('x', 1001))), HttpStatusCode.BadRequest, Way.HandedOn),
        ];
        var answered = Counters.Answered;
        var declined = Counters.Declined;
        foreach (var (request, status, way) in cases)
        {
            var hot = await Send(_hot, request());
            Assert.Equal(status, hot.Status);
            Assert.Equal(await Send(_full, request()), hot);
            if (way == Way.HandedOn) declined++;
            if (way == Way.Answered) answered++;
            Assert.Equal((answered, declined), (Counters.Answered, Counters.Declined));
        }
    }

    [Fact]
    public async Task A_verifier_is_counted_once_per_verification_and_a_handed_on_body_not_at_all()
    {
        using var hot = new HealthCodesFactory();
        hot.With("MiniCode:HealthCodes:VerifyPerMinute", "3");
        var citizen = await hot.CitizenAsync();
        await citizen.DeclareAsync();
        var payload = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
        var partner = hot.Partner();
        var counters = hot.Services.GetRequiredService<HotPathCounters>();
        var (answered, declined) = (counters.Answered, counters.Declined);

        await HttpAssert.Problem(await partner.PostAsync("/api/codes/verify", Raw("{\"payload\":")), HttpStatusCode.BadRequest, "request.malformed_body");
        for (var i = 0; i < 3; i++) await partner.VerifyAsync(payload);
        var refused = await partner.PostAsJsonAsync("/api/codes/verify", new { payload });
        await HttpAssert.Problem(refused, HttpStatusCode.TooManyRequests, "common.rate_limited");
        Assert.NotNull(refused.Headers.RetryAfter);
        // The malformed body was handed on; the 429 was thrown by the hot path itself, which answered it.
        Assert.Equal((answered + 4, declined + 1), (counters.Answered, counters.Declined));
    }

    /// <summary>How a request is answered: by the hot path, handed on by it, or by routing before any endpoint (a 415).</summary>
    private enum Way { Answered, HandedOn, RefusedByRouting }

    /// <summary>Status, content type, cache header, WWW-Authenticate and the body without what differs per request.</summary>
    private sealed record Answer(HttpStatusCode Status, string? ContentType, string? CacheControl, string? Challenge, string Body);

    private static async Task<Answer> Send(HealthCodesFactory node, HttpRequestMessage request)
    {
        var response = await node.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (JsonNode.Parse(text) is JsonObject body)
        {
            // The signature is fresh and the instants are each node's clock; the rest must be the same.
            foreach (var differs in new[] { "requestId", "traceId", "payload", "issuedAt", "expiresAt" }) body.Remove(differs);
            text = body.ToJsonString();
        }
        return new(response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Headers.CacheControl?.ToString(),
            response.Headers.WwwAuthenticate.ToString(), text);
    }

    private static HttpRequestMessage Show(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/code");
        Bearer(request, token);
        return request;
    }

    private static HttpRequestMessage VerifyAsApplication(string payload) =>
        VerifyWith(r => r.Headers.Add("X-Api-Key", HealthCodesFactory.PartnerKey), Json(payload));

    private static HttpRequestMessage VerifyAsScanner(string token, string payload) => VerifyWith(r => Bearer(r, token), Json(payload));

    private static HttpRequestMessage VerifyWith(Action<HttpRequestMessage> credentials, HttpContent body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/codes/verify") { Content = body };
        credentials(request);
        return request;
    }

    private static void Bearer(HttpRequestMessage request, string token) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

    private static HttpContent Json(string payload) => JsonContent.Create(new { payload });

    private static HttpContent Raw(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    public void Dispose()
    {
        _full.Dispose();
        _hot.Dispose();
    }
}
