using System.Security.Cryptography;

// Three endpoints with the work MiniCode's hot paths cannot avoid and nothing else, on the same Kestrel defaults and
// the same key type (P-256, IEEE P1363 signatures): the ceiling each of show-code and verify is measured against.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
var signed = new byte[23]; // the MC1 payload's signed part
RandomNumberGenerator.Fill(signed);
var signature = key.SignData(signed, HashAlgorithmName.SHA256);

app.MapGet("/json", () => TypedResults.Ok(new { name = "MiniCode", status = "ok" }));

// Like show-code: sign 23 fresh bytes, answer an MC1-sized text in JSON.
app.MapGet("/sign", () =>
{
    Span<byte> payload = stackalloc byte[87];
    RandomNumberGenerator.Fill(payload[..23]);
    key.SignData(payload[..23], payload[23..], HashAlgorithmName.SHA256);
    var text = "MC1:" + Convert.ToBase64String(payload).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    return TypedResults.Ok(new { payload = text, color = "green", expiresAt = DateTimeOffset.UtcNow.AddMinutes(1) });
});

// Like verify: read a JSON body, verify one signature, answer a verdict in JSON.
app.MapPost("/verify", (VerifyRequest body) =>
    TypedResults.Ok(new { valid = key.VerifyData(signed, signature, HashAlgorithmName.SHA256) && body.Payload.Length > 0, color = "green" }));

app.Run();

internal sealed record VerifyRequest(string Payload);
