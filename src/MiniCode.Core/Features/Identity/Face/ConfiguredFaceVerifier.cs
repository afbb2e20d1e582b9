using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Platform.Simulator;

namespace MiniCode.Features.Identity.Face;

/// <summary>
/// The default <see cref="IFaceVerifier"/>: the provider of <c>Identity:Face:Provider</c>. With WeChat or Alipay the
/// caller's platform decides: the mini program of the session's login, else the configured one first when the account
/// has both; an account on neither platform
/// gets 409 <c>identity.face_platform_required</c>. Unset: the simulator with <c>MiniCode:Parts:Simulator</c>, else none.
/// </summary>
public sealed class ConfiguredFaceVerifier(IServiceProvider services, IOptions<IdentityOptions> options, IOptions<HostPartsOptions> parts) : IFaceVerifier
{
    public Task<FaceStart> StartAsync(FaceCaller caller, FaceSubject subject, string outerOrderNo, CancellationToken ct = default) =>
        For(caller).StartAsync(caller, subject, outerOrderNo, ct);

    public Task<FaceResult> CheckAsync(FaceCaller caller, FaceSubject subject, string reference, CancellationToken ct = default) =>
        For(caller).CheckAsync(caller, subject, reference, ct);

    private IFaceVerifier For(FaceCaller caller) => options.Value.Face.Provider switch
    {
        FaceProvider.Simulator => new SimulatorFaceVerifier(),
        FaceProvider.TencentCloud => services.GetRequiredService<TencentFaceVerifier>(),
        FaceProvider.WeChat or FaceProvider.Alipay when caller is { LoginMethod: "wechat", WeChatOpenId: not null } => services.GetRequiredService<WeChatFaceVerifier>(),
        FaceProvider.WeChat or FaceProvider.Alipay when caller is { LoginMethod: "alipay", AlipayUserId: not null } => services.GetRequiredService<AlipayFaceVerifier>(),
        FaceProvider.WeChat when caller.WeChatOpenId is not null => services.GetRequiredService<WeChatFaceVerifier>(),
        FaceProvider.Alipay when caller.AlipayUserId is not null => services.GetRequiredService<AlipayFaceVerifier>(),
        FaceProvider.WeChat or FaceProvider.Alipay when caller.WeChatOpenId is not null => services.GetRequiredService<WeChatFaceVerifier>(),
        FaceProvider.WeChat or FaceProvider.Alipay when caller.AlipayUserId is not null => services.GetRequiredService<AlipayFaceVerifier>(),
        FaceProvider.WeChat or FaceProvider.Alipay => throw new ApiException(IdentityErrors.FacePlatformRequired),
        null when parts.Value.Simulator => new SimulatorFaceVerifier(),
        _ => new UnconfiguredFaceVerifier(),
    };
}
