using System.Text.Json;
using MiniCode.Platform.Sms;
using MiniCode.Platform.TencentCloud;

namespace MiniCode.Platform.Simulator;

/// <summary>
/// Tencent Cloud SMS and Aliyun Dysms endpoints under <c>/simulator/sms</c> (signatures checked with the configured
/// secrets) and the outbox of delivered messages at <c>GET /simulator/sms/outbox?phone=</c>.
/// </summary>
internal static class SmsSimulator
{
    /// <summary>The providers answer in PascalCase.</summary>
    private static readonly JsonSerializerOptions Pascal = new() { PropertyNamingPolicy = null };
    /// <summary>Phones 1990000xxxx get the provider's rate-limit error; 1990001xxxx are answered after <see cref="SlowDelay"/>.</summary>
    private const string LimitedPrefix = "1990000", SlowPrefix = "1990001";
    private static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(5);

    public static void Map(IEndpointRouteBuilder sim)
    {
        var g = sim.MapGroup("/sms");
        g.MapGet("/outbox", (string? phone, SmsOutbox outbox) =>
            Results.Json(outbox.For(phone).Select(e => new { e.Phone, e.Text, e.Code, e.Provider, e.SentAt })));
        g.MapPost("/tencent", Tencent);
        g.MapGet("/aliyun", Aliyun);
    }

    private static async Task<IResult> Tencent(HttpRequest request, IOptions<SmsOptions> options, SmsOutbox outbox, TimeProvider time)
    {
        var t = options.Value.Tencent;
        var payload = await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
        if (!Tc3Signer.IsSigned(request, payload, t.SecretId, t.SecretKey, "sms") || request.Headers["X-TC-Action"] != "SendSms")
            return TencentError("AuthFailure.SignatureFailure", "The provided credentials could not be validated.");

        var body = JsonDocument.Parse(payload).RootElement;
        var phone = body.GetProperty("PhoneNumberSet")[0].GetString() ?? "";
        var bare = phone.StartsWith("+86", StringComparison.Ordinal) ? phone[3..] : phone;
        var parameters = body.GetProperty("TemplateParamSet").EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
        if (bare.StartsWith(SlowPrefix, StringComparison.Ordinal)) await Task.Delay(SlowDelay, request.HttpContext.RequestAborted);
        if (bare.StartsWith(LimitedPrefix, StringComparison.Ordinal))
            return TencentError("LimitExceeded.PhoneNumberDailyLimit", "单个手机号日下发短信条数超过设定的上限");
        var code = parameters.FirstOrDefault();
        outbox.Add(new SmsOutbox.Entry(bare, new SmsMessage(bare, "", code ?? "", int.Parse(parameters.ElementAtOrDefault(1) ?? "5", System.Globalization.CultureInfo.InvariantCulture)).Text, code, "tencent", time.GetUtcNow()));
        return Results.Json(new
        {
            Response = new
            {
                SendStatusSet = new[] { new { SerialNo = Guid.NewGuid().ToString("N"), PhoneNumber = phone, Fee = 1, SessionContext = "", Code = "Ok", Message = "send success", IsoCode = "CN" } },
                RequestId = Guid.NewGuid().ToString(),
            },
        }, Pascal);
    }

    private static IResult TencentError(string code, string message) =>
        Results.Json(new { Response = new { Error = new { Code = code, Message = message }, RequestId = Guid.NewGuid().ToString() } }, Pascal);

    private static async Task<IResult> Aliyun(HttpRequest request, IOptions<SmsOptions> options, SmsOutbox outbox, TimeProvider time)
    {
        var a = options.Value.Aliyun;
        var p = request.Query.ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        var expected = AliyunRpcSigner.Signature("GET", p, a.AccessKeySecret);
        if (p.GetValueOrDefault("Signature") != expected || p.GetValueOrDefault("AccessKeyId") != a.AccessKeyId)
            return Results.Json(new { Code = "SignatureDoesNotMatch", Message = "Specified signature is not matched with our calculation.", RequestId = Guid.NewGuid().ToString() }, Pascal);
        var phone = p.GetValueOrDefault("PhoneNumbers") ?? "";
        if (phone.StartsWith(SlowPrefix, StringComparison.Ordinal)) await Task.Delay(SlowDelay, request.HttpContext.RequestAborted);
        if (phone.StartsWith(LimitedPrefix, StringComparison.Ordinal))
            return Results.Json(new { Code = "isv.BUSINESS_LIMIT_CONTROL", Message = "触发天级流控Permits:10", RequestId = Guid.NewGuid().ToString() }, Pascal);
        var code = JsonDocument.Parse(p.GetValueOrDefault("TemplateParam") ?? "{}").RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        outbox.Add(new SmsOutbox.Entry(phone, $"【{p.GetValueOrDefault("SignName")}】您的验证码为{code}", code, "aliyun", time.GetUtcNow()));
        return Results.Json(new { Code = "OK", Message = "OK", BizId = Guid.NewGuid().ToString("N")[..20], RequestId = Guid.NewGuid().ToString() }, Pascal);
    }
}
