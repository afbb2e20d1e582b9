using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using MiniCode.Features.Identity;
using MiniCode.Features.Identity.Face;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.TencentCloud;

namespace MiniCode.Platform.Simulator;

/// <summary>
/// What the simulated face providers remember: WeChat user_id_keys and verify_results, Alipay certify_ids, FaceID
/// BizTokens, and an outage switch (<c>POST /simulator/face/outage?calls=N</c>: the next N face calls on any wire answer
/// the provider's busy error).
/// </summary>
public sealed class FaceSimulatorState
{
    public sealed record Claim(string Name, string IdCard, DateTimeOffset At);
    public sealed record WeChatResult(string OpenId, string Name, string IdCard, int IdentifyRet, string? UserIdKey, DateTimeOffset FinishedAt);
    public sealed class Certification(Claim claim)
    {
        public Claim Claim { get; } = claim;
        /// <summary>"T" / "F" once the face step ended; null before.</summary>
        public string? Passed { get; set; }
        public int? ErrCode { get; set; }
    }

    public ConcurrentDictionary<string, Claim> UserIdKeys { get; } = new();
    public ConcurrentDictionary<string, WeChatResult> VerifyResults { get; } = new();
    public ConcurrentDictionary<string, Certification> Certifications { get; } = new();
    public Outage Outage { get; } = new();

    public static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>
/// The three face wires: WeChat <c>/cityservice/face/identify/*</c>, the Alipay gateway's <c>alipay.user.certify.open.*</c>
/// (and the GET certify page), Tencent FaceID at <c>/simulator/tencent/faceid</c>; plus what the mini program's face
/// step would do (<c>/simulator/…/simulator/…</c>): pass by default, a failed face on request.
/// </summary>
internal static class FaceSimulator
{
    public const string AlipayInitialize = "alipay.user.certify.open.initialize", AlipayQuery = "alipay.user.certify.open.query";
    private static readonly JsonSerializerOptions Pascal = new() { PropertyNamingPolicy = null };
    /// <summary>FaceID keeps a BizToken's result this long.</summary>
    private static readonly TimeSpan BizTokenLifetime = TimeSpan.FromHours(2);

    public static void Map(IEndpointRouteBuilder sim)
    {
        sim.MapPost("/face/outage", (int? calls, FaceSimulatorState s) => { s.Outage.Start(calls ?? 1); return Results.NoContent(); });

        var wechat = sim.MapGroup("/wechat");
        wechat.MapPost("/cityservice/face/identify/getuseridkey", GetUserIdKey);
        wechat.MapPost("/cityservice/face/identify/getinfo", GetInfo);
        // wx.startFacialRecognitionVerify: the face of openid was taken for name + ID number (or a user_id_key).
        wechat.MapPost("/simulator/face-verify", (WeChatFaceStep step, FaceSimulatorState s, TimeProvider time) =>
        {
            var claim = step.user_id_key is { } key && s.UserIdKeys.TryGetValue(key, out var c) ? c : new FaceSimulatorState.Claim(step.name ?? "", step.id_card_number ?? "", time.GetUtcNow());
            var verifyResult = FaceSimulatorState.NewId("sim-vr-");
            s.VerifyResults[verifyResult] = new(step.openid ?? "", claim.Name, claim.IdCard, step.identify_ret ?? 0, step.user_id_key, time.GetUtcNow());
            return Results.Json(new { verifyResult });
        });

        // my.startAPVerify opens the signed certify URL: the face step is done (passed unless set otherwise below).
        sim.MapGet("/alipay/gateway.do", CertifyPage);
        sim.MapPost("/alipay/simulator/certify-outcome", (string certify_id, string passed, FaceSimulatorState s) =>
            s.Certifications.TryGetValue(certify_id, out var c) ? SetPassed(c, passed) : Results.NotFound());

        sim.MapPost("/tencent/faceid", FaceId);
        sim.MapPost("/tencent/simulator/detect-complete", (string biz_token, int? err_code, FaceSimulatorState s) =>
        {
            if (!s.Certifications.TryGetValue(biz_token, out var c)) return Results.NotFound();
            c.ErrCode = err_code ?? 0;
            return Results.NoContent();
        });
    }

    internal sealed record WeChatFaceStep(string? openid, string? name, string? id_card_number, string? user_id_key, int? identify_ret);
    internal sealed record UserIdKeyRequest(string? name, string? id_card_number);
    internal sealed record GetInfoRequest(string? verify_result);

    private static IResult WeChatError(int errcode, string errmsg) => Results.Json(new { errcode, errmsg = errmsg + ", rid: sim" });

    private static IResult GetUserIdKey(string? access_token, UserIdKeyRequest body, SimulatorState tokens, FaceSimulatorState s, TimeProvider time)
    {
        if (!tokens.IsValidToken(access_token)) return WeChatError(40001, "invalid credential, access_token is invalid or not latest");
        if (s.Outage.Take()) return WeChatError(-1, "system error");
        if (string.IsNullOrEmpty(body.name) || string.IsNullOrEmpty(body.id_card_number)) return WeChatError(40097, "invalid args");
        var key = FaceSimulatorState.NewId("sim-uik-");
        s.UserIdKeys[key] = new(body.name, body.id_card_number, time.GetUtcNow());
        return Results.Json(new { errcode = 0, errmsg = "ok", user_id_key = key, expires_in = 3600 });
    }

    private static IResult GetInfo(string? access_token, GetInfoRequest body, SimulatorState tokens, FaceSimulatorState s)
    {
        if (!tokens.IsValidToken(access_token)) return WeChatError(40001, "invalid credential, access_token is invalid or not latest");
        if (s.Outage.Take()) return WeChatError(-1, "system error");
        if (body.verify_result is not { } vr || !s.VerifyResults.TryGetValue(vr, out var r)) return WeChatError(84001, "invalid verify_result");
        var finish = r.FinishedAt.ToUnixTimeSeconds();
        return Results.Json(new
        {
            errcode = 0, errmsg = "ok", identify_ret = r.IdentifyRet, identify_time = finish, validate_data = "", openid = r.OpenId,
            user_id_key = r.UserIdKey ?? "", finish_time = finish, id_card_number_md5 = FaceProviderRules.Md5Hex(r.IdCard), name_utf8_md5 = FaceProviderRules.Md5Hex(r.Name),
        });
    }

    /// <summary>initialize and query, called from the gateway after its signature check.</summary>
    public static IResult AlipayCertify(string method, Dictionary<string, string?> p, FaceSimulatorState s, TimeProvider time, RSA key)
    {
        if (s.Outage.Take()) return AlipaySimulator.Error("20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙", key);
        var biz = JsonDocument.Parse(p.GetValueOrDefault("biz_content") ?? "{}").RootElement;
        string? Field(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        IResult Invalid(string subMsg) => AlipaySimulator.Node(method, new { code = "40004", msg = "Business Failed", sub_code = "INVALID_PARAMETER", sub_msg = subMsg }, key);
        if (method == AlipayInitialize)
        {
            var identity = biz.TryGetProperty("identity_param", out var ip) ? ip : default;
            if (Field(biz, "biz_code") != "FACE" || string.IsNullOrEmpty(Field(biz, "outer_order_no"))) return Invalid("biz_code或outer_order_no不正确");
            if (Field(identity, "identity_type") != "CERT_INFO" || Field(identity, "cert_type") != "IDENTITY_CARD"
                || Field(identity, "cert_name") is not { Length: > 0 } name || Field(identity, "cert_no") is not { Length: > 0 } no)
                return Invalid("identity_param不正确");
            var certifyId = FaceSimulatorState.NewId("sim-cert-");
            s.Certifications[certifyId] = new(new(name, no, time.GetUtcNow()));
            return AlipaySimulator.Node(method, new { code = "10000", msg = "Success", certify_id = certifyId }, key);
        }
        if (Field(biz, "certify_id") is not { } id || !s.Certifications.TryGetValue(id, out var c))
            return AlipaySimulator.Node(method, new { code = "40004", msg = "Business Failed", sub_code = "CERTIFY_ID_INVALID", sub_msg = "认证单据不存在" }, key);
        return AlipaySimulator.Node(method, new { code = "10000", msg = "Success", passed = c.Passed ?? "F", material_info = "{}" }, key);
    }

    private static IResult CertifyPage(HttpRequest request, AlipayKeys keys)
    {
        var p = request.Query.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        using var appPublic = AlipayKeys.ImportPublic(keys.AppPublicKeyText());
        if (p.GetValueOrDefault("method") != "alipay.user.certify.open.certify"
            || !AlipaySignature.Verify(AlipaySignature.SignContent(p), p.GetValueOrDefault("sign"), appPublic))
            return Results.Text("<p>验签出错</p>", "text/html; charset=utf-8", statusCode: 400);
        var biz = JsonDocument.Parse(p.GetValueOrDefault("biz_content") ?? "{}").RootElement;
        var id = biz.TryGetProperty("certify_id", out var v) ? v.GetString() : null;
        var s = request.HttpContext.RequestServices.GetRequiredService<FaceSimulatorState>();
        if (id is null || !s.Certifications.TryGetValue(id, out var c)) return Results.Text("<p>认证单据不存在</p>", "text/html; charset=utf-8", statusCode: 404);
        c.Passed ??= "T";
        return Results.Text("<p>认证完成</p>", "text/html; charset=utf-8");
    }

    private static IResult SetPassed(FaceSimulatorState.Certification c, string passed)
    {
        c.Passed = passed == "T" ? "T" : "F";
        return Results.NoContent();
    }

    private static async Task<IResult> FaceId(HttpRequest request, IOptions<IdentityOptions> options, FaceSimulatorState s, TimeProvider time)
    {
        var o = options.Value.Face.TencentCloud;
        var payload = await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
        if (!Tc3Signer.IsSigned(request, payload, o.SecretId, o.SecretKey, "faceid") || request.Headers["X-TC-Version"] != "2018-03-01")
            return FaceIdError("AuthFailure.SignatureFailure", "The provided credentials could not be validated.");
        if (s.Outage.Take()) return FaceIdError("InternalError", "内部错误");
        var body = JsonDocument.Parse(payload).RootElement;
        string? Field(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (Field("RuleId") != o.RuleId) return FaceIdError("InvalidParameterValue.RuleIdNotExist", "RuleId不存在");
        switch (request.Headers["X-TC-Action"].ToString())
        {
            case "DetectAuth":
                if (Field("Name") is not { Length: > 0 } name || Field("IdCard") is not { Length: > 0 } idCard)
                    return FaceIdError("InvalidParameter", "Name和IdCard须同时传入");
                var token = FaceSimulatorState.NewId("SIM-BIZ-").ToUpperInvariant();
                s.Certifications[token] = new(new(name, idCard, time.GetUtcNow()));
                return FaceIdOk(new { Url = "https://sim.faceid.example/h5/?token=" + token, BizToken = token });
            case "GetDetectInfoEnhanced":
                if (Field("BizToken") is not { } biz || !s.Certifications.TryGetValue(biz, out var c))
                    return FaceIdError("InvalidParameterValue.BizTokenIllegal", "BizToken不合法");
                if (time.GetUtcNow() - c.Claim.At > BizTokenLifetime) return FaceIdError("InvalidParameterValue.BizTokenExpired", "BizToken已过期");
                return FaceIdOk(new
                {
                    Text = new
                    {
                        ErrCode = c.ErrCode, ErrMsg = c.ErrCode switch { null => "未完成核身", 0 => "成功", _ => "比对不通过" },
                        IdCard = c.Claim.IdCard, Name = c.Claim.Name, Comparemsg = c.ErrCode == 0 ? "成功" : null,
                    },
                    Encryption = (object?)null,
                });
            default:
                return FaceIdError("InvalidAction", "接口不存在");
        }
    }

    private static IResult FaceIdOk(object response)
    {
        var node = JsonSerializer.SerializeToNode(response, Pascal)!.AsObject();
        node["RequestId"] = Guid.NewGuid().ToString();
        return Results.Json(new { Response = node }, Pascal);
    }

    private static IResult FaceIdError(string code, string message) =>
        Results.Json(new { Response = new { Error = new { Code = code, Message = message }, RequestId = Guid.NewGuid().ToString() } }, Pascal);
}
