using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MiniCode.Features.Licences;
using MiniCode.Platform.Licences;

namespace MiniCode.Platform.Simulator;

/// <summary>
/// What the simulated e-licence gateway holds: by default every holder has a licence of every catalogue under the name
/// they ask with (a deterministic number); records set up through <c>POST /simulator/licences/simulator/records</c>
/// override that (another name → HOLDER_MISMATCH, <c>absent</c> → NOT_FOUND, own number and validity); an outage
/// (<c>POST /simulator/licences/outage?calls=N</c>) answers HTTP 503 with Retry-After to the next N calls.
/// </summary>
public sealed class LicenceIssuerSimulatorState
{
    public sealed record Record(string? HolderName, bool Absent, string? LicenceNumber, DateOnly? ValidFrom, DateOnly? ValidTo);

    public ConcurrentDictionary<(string Catalogue, string IdDigest), Record> Records { get; } = new();
    public Outage Outage { get; } = new();
    private readonly ConcurrentQueue<string> _bodies = new();

    /// <summary>The request bodies received, newest last (tests check what travels on the wire).</summary>
    public IReadOnlyList<string> Bodies => _bodies.ToList();

    public void Received(string body)
    {
        _bodies.Enqueue(body);
        while (_bodies.Count > 200) _bodies.TryDequeue(out _);
    }
}

internal static class LicenceIssuerSimulator
{
    public const string IdentityCatalogue = "resident_id_credential";
    public const int RetryAfterSeconds = 30;

    public sealed record RecordRequest(string? CatalogueCode, string? IdNumber, string? HolderName, bool Absent, string? LicenceNumber,
        DateOnly? ValidFrom, DateOnly? ValidTo);

    public static void Map(IEndpointRouteBuilder sim)
    {
        var g = sim.MapGroup("/licences");
        g.MapPost("/" + LicenceGatewayClient.AuthorisePath, Authorise);
        g.MapPost("/outage", (int? calls, LicenceIssuerSimulatorState s) => { s.Outage.Start(calls ?? 1); return Results.NoContent(); });
        g.MapPost("/simulator/records", (RecordRequest r, LicenceIssuerSimulatorState s) =>
        {
            if (string.IsNullOrEmpty(r.CatalogueCode) || string.IsNullOrEmpty(r.IdNumber)) return Results.BadRequest();
            s.Records[(r.CatalogueCode, LicenceGatewaySignature.IdNumberDigest(r.IdNumber))] =
                new(r.HolderName, r.Absent, r.LicenceNumber, r.ValidFrom, r.ValidTo);
            return Results.NoContent();
        });
        g.MapGet("/simulator/requests", (LicenceIssuerSimulatorState s) => Results.Json(s.Bodies));
    }

    private static async Task<IResult> Authorise(HttpRequest request, LicenceIssuerSimulatorState s, IOptions<LicenceOptions> options, TimeProvider time)
    {
        var o = options.Value.Issuer;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(request.HttpContext.RequestAborted);
        s.Received(body);
        if (s.Outage.Take())
        {
            request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { code = "SERVICE_BUSY", message = "系统繁忙" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (request.Headers[LicenceGatewaySignature.AppKeyHeader] != o.AppKey || !LicenceGatewaySignature.Holds(request, body, o.AppSecret))
            return Answer("BAD_SIGNATURE", "签名校验失败");
        long.TryParse(request.Headers[LicenceGatewaySignature.TimestampHeader], out var timestamp);
        if (Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - timestamp) > o.MaxClockSkewSeconds) return Answer("STALE_TIMESTAMP", "时间戳已过期");
        LicenceGatewayClient.AuthoriseBody? ask;
        try { ask = JsonSerializer.Deserialize<LicenceGatewayClient.AuthoriseBody>(body, LicenceGatewayClient.Json); }
        catch (JsonException) { ask = null; }
        if (ask is not { CatalogueCode.Length: > 0, HolderName.Length: > 0, IdNumberSha256.Length: 64 }) return Answer("INVALID_PARAMETER", "参数错误");

        var record = s.Records.GetValueOrDefault((ask.CatalogueCode, ask.IdNumberSha256));
        if (record is { Absent: true }) return Answer("NOT_FOUND", "未查询到证照");
        var name = record?.HolderName ?? ask.HolderName;
        // The gateway never says whose the licence is when the name does not match.
        if (name != ask.HolderName) return Answer("HOLDER_MISMATCH", "持证人信息不一致");
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(ask.CatalogueCode + ":" + ask.IdNumberSha256));
        var licence = new LicenceGatewayClient.LicenceNode(
            record?.LicenceNumber ?? "SIM" + Convert.ToHexString(digest)[..21],
            name,
            ask.CatalogueCode == IdentityCatalogue ? "公安部（模拟签发）" : "模拟签发机构",
            (record?.ValidFrom ?? new DateOnly(2020, 1, 1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            (record?.ValidTo ?? new DateOnly(2040, 1, 1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ask.CatalogueCode == IdentityCatalogue ? "sim-face-" + Convert.ToHexStringLower(digest)[..24] : null);
        return Results.Json(new LicenceGatewayClient.AuthoriseAnswer("OK", "成功", licence), LicenceGatewayClient.Json);
    }

    private static IResult Answer(string code, string message) =>
        Results.Json(new LicenceGatewayClient.AuthoriseAnswer(code, message, null), LicenceGatewayClient.Json);
}
