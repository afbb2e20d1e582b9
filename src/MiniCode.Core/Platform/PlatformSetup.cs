using MiniCode.Infrastructure.Hosting;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.Simulator;
using MiniCode.Platform.Sms;
using MiniCode.Platform.WeChat;

namespace MiniCode.Platform;

public static class PlatformSetup
{
    /// <summary>WeChat, Alipay and SMS clients (typed HttpClients, base URLs from configuration) and the simulator's services.</summary>
    public static IHostApplicationBuilder AddPlatform(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<WeChatOptions>();
        services.AddValidatedOptions<AlipayOptions>();
        services.AddValidatedOptions<SmsOptions>()
            .Validate<IHostEnvironment>((o, env) => env.AllowsDevelopmentDefaults() || o.Provider != SmsProvider.Log,
                "Sms:Provider must be Tencent or Aliyun outside Development and Testing (the Log sender only writes codes to the log and the simulator's outbox)");
        services.AddRequiredSetting("Sms:Provider", "the SMS provider, Tencent or Aliyun");
        services.AddRequiredSetting("WeChat:AppId", "the mini program's AppID");
        services.AddRequiredSetting("WeChat:AppSecret", "the mini program's AppSecret");
        services.AddRequiredSetting("Alipay:AppId", "the Alipay mini program's app_id");
        services.AddRequiredSetting(AlipayOptions.AppPrivateKeySetting, "the app's RSA2 private key (PKCS#8, base64 or PEM)");
        services.AddRequiredSetting(AlipayOptions.AlipayPublicKeySetting, "Alipay's RSA2 public key (base64 or PEM)");
        services.AddRequiredSetting(AlipayOptions.AesKeySetting, "the Alipay content-encryption AES key (base64, 16 bytes)");

        services.AddSingleton<WeChatAccessTokenCache>();
        services.AddHttpClient<WeChatApiClient>(WeChatApiClient.HttpClientName, (sp, c) =>
        {
            var o = sp.GetRequiredService<IOptions<WeChatOptions>>().Value;
            c.BaseAddress = PlatformHttp.BaseAddress(o.BaseUrl);
            c.Timeout = o.Timeout;
        });
        services.AddTransient<IWeChatLoginClient>(sp => sp.GetRequiredService<WeChatApiClient>());
        services.AddTransient<IWeChatMiniProgramCodeClient>(sp => sp.GetRequiredService<WeChatApiClient>());
        services.AddTransient<IWeChatSubscribeMessageClient>(sp => sp.GetRequiredService<WeChatApiClient>());
        services.AddTransient<IWeChatFaceClient>(sp => sp.GetRequiredService<WeChatApiClient>());

        services.AddSingleton<AlipayKeys>();
        services.AddHttpClient<AlipayGatewayClient>(AlipayGatewayClient.HttpClientName, (sp, c) =>
        {
            var o = sp.GetRequiredService<IOptions<AlipayOptions>>().Value;
            c.BaseAddress = new Uri(o.GatewayUrl);
            c.Timeout = o.Timeout;
        });
        services.AddTransient<IAlipayLoginClient>(sp => sp.GetRequiredService<AlipayGatewayClient>());
        services.AddTransient<IAlipayQrCodeClient>(sp => sp.GetRequiredService<AlipayGatewayClient>());
        services.AddTransient<IAlipayTemplateMessageClient>(sp => sp.GetRequiredService<AlipayGatewayClient>());
        services.AddTransient<IAlipayCertifyClient>(sp => sp.GetRequiredService<AlipayGatewayClient>());

        services.AddSingleton<SmsOutbox>();
        services.AddTransient<LogSmsSender>();
        services.AddHttpClient<TencentSmsSender>(TencentSmsSender.HttpClientName, (sp, c) =>
        {
            var o = sp.GetRequiredService<IOptions<SmsOptions>>().Value;
            c.BaseAddress = PlatformHttp.BaseAddress(o.Tencent.Endpoint);
            c.Timeout = o.Timeout;
        });
        services.AddHttpClient<AliyunSmsSender>(AliyunSmsSender.HttpClientName, (sp, c) =>
        {
            var o = sp.GetRequiredService<IOptions<SmsOptions>>().Value;
            c.BaseAddress = PlatformHttp.BaseAddress(o.Aliyun.Endpoint);
            c.Timeout = o.Timeout;
        });
        services.AddTransient<ISmsSender>(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.Provider switch
        {
            SmsProvider.Tencent => sp.GetRequiredService<TencentSmsSender>(),
            SmsProvider.Aliyun => sp.GetRequiredService<AliyunSmsSender>(),
            _ => sp.GetRequiredService<LogSmsSender>(),
        });

        services.AddSingleton<SimulatorState>();
        services.AddSingleton<FaceSimulatorState>();
        services.AddSingleton<LicenceIssuerSimulatorState>();
        services.AddSingleton<EnterpriseRegistryState>();
        services.AddSingleton<DataPartyState>();
        return builder;
    }

    /// <summary>The platform simulator under <c>/simulator</c>; Program maps it only when <c>MiniCode:Parts:Simulator</c> is on.</summary>
    public static IEndpointRouteBuilder MapPlatform(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/simulator").ExcludeFromDescription();
        WeChatSimulator.Map(sim);
        AlipaySimulator.Map(sim);
        SmsSimulator.Map(sim);
        FaceSimulator.Map(sim);
        LicenceIssuerSimulator.Map(sim);
        EnterpriseSimulator.Map(sim);
        DataPartySimulator.Map(sim);
        return app;
    }
}
