using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace MiniCode.Tests.Platform;

/// <summary>
/// Points the platform clients at the in-process simulator: base URLs on the test server's host, and every
/// IHttpClientFactory client's primary handler replaced by the TestServer's handler. Production client code is unchanged.
/// </summary>
public static class SimulatorRouting
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["WeChat:AppId"] = "wx-test-app",
        ["WeChat:AppSecret"] = "wx-test-secret",
        ["WeChat:BaseUrl"] = "http://localhost/simulator/wechat/",
        ["Alipay:AppId"] = "2021000000000000",
        ["Alipay:GatewayUrl"] = "http://localhost/simulator/alipay/gateway.do",
        ["Sms:Tencent:Endpoint"] = "http://localhost/simulator/sms/tencent/",
        ["Sms:Tencent:SecretId"] = "AKIDtest",
        ["Sms:Tencent:SecretKey"] = "tencent-test-key",
        ["Sms:Tencent:SdkAppId"] = "1400000000",
        ["Sms:Tencent:SignName"] = "健康码测试",
        ["Sms:Tencent:TemplateId"] = "100001",
        ["Sms:Aliyun:Endpoint"] = "http://localhost/simulator/sms/aliyun/",
        ["Sms:Aliyun:AccessKeyId"] = "aliyun-test-id",
        ["Sms:Aliyun:AccessKeySecret"] = "aliyun-test-secret",
        ["Sms:Aliyun:SignName"] = "健康码测试",
        ["Sms:Aliyun:TemplateCode"] = "SMS_000001",
        ["Identity:Face:TencentCloud:Endpoint"] = "http://localhost/simulator/tencent/faceid/",
        ["Identity:Face:TencentCloud:SecretId"] = "AKIDfacetest",
        ["Identity:Face:TencentCloud:SecretKey"] = "faceid-test-key",
        ["Identity:Face:TencentCloud:RuleId"] = "1",
        ["Identity:Face:Alipay:ReturnUrl"] = "alipays://platformapi/startapp?appId=2021000000000000",
        ["MiniCode:Licences:Issuer:BaseUrl"] = "http://localhost/simulator/licences/",
        ["MiniCode:Licences:Issuer:AppKey"] = "licence-test-app",
        ["MiniCode:Licences:Issuer:AppSecret"] = "licence-test-secret",
        ["MiniCode:Enterprises:Registry:Endpoint"] = "http://localhost/simulator/enterprise/",
        ["MiniCode:Enterprises:Registry:AppId"] = "enterprise-test-app",
        ["MiniCode:Enterprises:Registry:AppSecret"] = "enterprise-test-secret",
    };

    public static void Route(IServiceCollection services, Func<TestServer> server) =>
        services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b =>
        {
            // A host on Kestrel (the browser tests) has no TestServer: its clients keep their sockets and reach what
            // they call (the simulator included) at its real loopback address.
            if (TestServerOf(server) is { } test) b.PrimaryHandler = test.CreateHandler();
        }));

    private static TestServer? TestServerOf(Func<TestServer> server)
    {
        try { return server(); }
        catch (NotSupportedException) { return null; }
    }
}
