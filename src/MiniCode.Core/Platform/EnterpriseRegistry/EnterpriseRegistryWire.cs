using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MiniCode.Platform.EnterpriseRegistry;

/// <summary>
/// The wire of the enterprise registry's verification service (企业身份核验, as provincial 市场监管 data-sharing platforms
/// offer it), one call:
/// <code>
/// POST {Endpoint}v1/verifications            Content-Type: application/json
/// X-App-Id: {AppId}   X-Timestamp: {unix seconds}   X-Nonce: {32 hex}
/// X-Signature: hex(HMAC-SHA256(AppSecret, "POST\n/v1/verifications\n{timestamp}\n{nonce}\n{hex(SHA-256(body))}"))
/// {"credit_code":"91350100M000100Y43","enterprise_name":"…","role":"legal_representative"|"staff",
///  "person_name":"…","person_id_number":"…"}
/// </code>
/// Answers HTTP 200 <c>{"code":0,"message":"ok","request_id":"…","result":{"verdict":"match"|"mismatch"|"not_found",
/// "enterprise_name":"…","region_code":"350100","status":"active"}}</c>; a refused call is HTTP 200 with a non-zero
/// <c>code</c> (40001 bad signature, 40002 stale timestamp (±300 s), 40003 bad parameters); an overloaded or
/// unavailable registry answers HTTP 503 (or 429) with <c>Retry-After</c> seconds. "staff" is proven by the person's
/// social-insurance record at the enterprise (参保单位), "legal_representative" by the registered 法定代表人.
/// </summary>
public static class EnterpriseRegistryWire
{
    public const string Path = "/v1/verifications";
    public const int TimestampToleranceSeconds = 300;
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed record VerifyRequest(string CreditCode, string EnterpriseName, string Role, string PersonName, string PersonIdNumber);
    public sealed record VerifyResult(string Verdict, string? EnterpriseName, string? RegionCode, string? Status);
    public sealed record VerifyResponse(int Code, string Message, string? RequestId, VerifyResult? Result);

    public const string RoleLegalRepresentative = "legal_representative", RoleStaff = "staff";

    public static string Signature(string appSecret, string timestamp, string nonce, byte[] body)
    {
        var text = $"POST\n{Path}\n{timestamp}\n{nonce}\n{Convert.ToHexStringLower(SHA256.HashData(body))}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(text)));
    }

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
