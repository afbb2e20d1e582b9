using System.Security.Cryptography;
using System.Text.Json;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.Sms;
using MiniCode.Platform.TencentCloud;
using MiniCode.Platform.WeChat;

namespace MiniCode.Tests.Platform;

/// <summary>The platforms' published test vectors (see PlatformVectors).</summary>
public sealed class PlatformVectorTests
{
    private static readonly JsonElement V = JsonDocument.Parse(PlatformVectors.Json).RootElement;

    [Fact]
    public void WeChat_rawdata_signature()
    {
        var v = V.GetProperty("wechat_rawdata_signature");
        Assert.True(WeChatCrypto.VerifyRawData(v.GetProperty("rawData").GetString()!, v.GetProperty("session_key").GetString()!, v.GetProperty("signature").GetString()!));
        Assert.False(WeChatCrypto.VerifyRawData(v.GetProperty("rawData").GetString() + " ", v.GetProperty("session_key").GetString()!, v.GetProperty("signature").GetString()!));
    }

    [Fact]
    public void WeChat_encrypted_data_decrypts_to_the_published_plaintext()
    {
        var v = V.GetProperty("wechat_encrypted_data");
        var plain = WeChatCrypto.DecryptData(v.GetProperty("encryptedData").GetString()!, v.GetProperty("session_key").GetString()!, v.GetProperty("iv").GetString()!);
        Assert.Equal(v.GetProperty("plaintext").GetString(), plain);
        Assert.Equal(v.GetProperty("appid").GetString(), JsonDocument.Parse(plain).RootElement.GetProperty("watermark").GetProperty("appid").GetString());
    }

    [Fact]
    public void Aliyun_rpc_hmac_sha1_signature()
    {
        var v = V.GetProperty("aliyun_rpc_signature_sendsms");
        var parameters = v.GetProperty("params").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!));
        Assert.Equal(v.GetProperty("signature").GetString(), AliyunRpcSigner.Signature("GET", parameters, v.GetProperty("access_key_secret").GetString()!));
    }

    [Fact]
    public void Tencent_tc3_hmac_sha256_signature()
    {
        var v = V.GetProperty("tencent_tc3_signature");
        var payload = v.GetProperty("payload").GetString()!;
        Assert.Equal(v.GetProperty("payload_sha256").GetString(), Tc3Signer.Sha256Hex(payload));
        Assert.Equal(v.GetProperty("signature").GetString(), Tc3Signer.Signature(v.GetProperty("secret_key").GetString()!, v.GetProperty("service").GetString()!,
            v.GetProperty("host").GetString()!, v.GetProperty("timestamp").GetInt64(), v.GetProperty("content_type").GetString()!, payload));
    }

    [Fact]
    public void Alipay_sign_content_sorts_non_empty_params_and_skips_sign()
    {
        var content = AlipaySignature.SignContent(new Dictionary<string, string?> { ["method"] = "m", ["app_id"] = "1", ["sign"] = "x", ["empty"] = "", ["biz_content"] = "{\"a\":1}" });
        Assert.Equal("app_id=1&biz_content={\"a\":1}&method=m", content);
    }

    [Fact]
    public void Alipay_response_signature_covers_the_raw_node_text()
    {
        using var key = RSA.Create(2048);
        const string node = "{\"code\":\"10000\",\"msg\":\"Success\",\"qr_code_url\":\"https://x/y.jpg\",\"note\":\"a}\\\"b\"}";
        var body = "{\"alipay_open_app_qrcode_create_response\":  " + node + ",\"sign\":\"" + AlipaySignature.Sign(node, key) + "\"}";
        var raw = AlipaySignature.RawNode(body, "alipay_open_app_qrcode_create_response");
        Assert.Equal(node, raw);
        Assert.True(AlipaySignature.Verify(raw!, JsonDocument.Parse(body).RootElement.GetProperty("sign").GetString(), key));
        Assert.False(AlipaySignature.Verify(raw!.Replace("10000", "10001"), JsonDocument.Parse(body).RootElement.GetProperty("sign").GetString(), key));
    }

    [Fact]
    public void Alipay_phone_response_round_trips_and_rejects_a_bad_signature()
    {
        using var key = RSA.Create(2048);
        var aes = RandomNumberGenerator.GetBytes(16);
        var (response, sign) = AlipaySignature.EncryptPhoneResponse("{\"code\":\"10000\",\"mobile\":\"13800000000\"}", key, aes);
        Assert.Equal("{\"code\":\"10000\",\"mobile\":\"13800000000\"}", AlipaySignature.DecryptPhoneResponse(response, sign, key, aes));
        using var other = RSA.Create(2048);
        Assert.Null(AlipaySignature.DecryptPhoneResponse(response, sign, other, aes));
    }
}
