using MiniCode.Data;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.WeChat;

namespace MiniCode.Features.Posters;

/// <summary>
/// The mini-program code variants of a poster: WeChat's 小程序码 (getwxacodeunlimit) and Alipay's mini-program QR
/// (alipay.open.app.qrcode.create), both opening <see cref="PosterOptions.MiniProgramPage"/> with the generation's scene.
/// Each is fetched once per generation and kept on its row (platform quotas; every node sees the cached result).
/// </summary>
public sealed class PosterPlatformCodes(MiniCodeDbContext db, IWeChatMiniProgramCodeClient wechat, IAlipayQrCodeClient alipay, IOptions<PosterOptions> options)
{
    public async Task<(byte[] Image, string MediaType)> WeChatAsync(Poster poster, PosterGeneration current, CancellationToken ct)
    {
        var image = current.WeChatCode;
        if (image is null)
        {
            var o = options.Value;
            image = await wechat.GetUnlimitedCodeAsync(new WxaCodeRequest(PosterScene.Format(poster.Id, current.SceneToken), o.MiniProgramPage, o.WeChatCodeWidth, o.WeChatEnvVersion), ct);
            await db.Set<PosterGeneration>().Where(g => g.Id == current.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.WeChatCode, image), ct);
        }
        return (image, image is [0xFF, 0xD8, ..] ? "image/jpeg" : "image/png");
    }

    public async Task<AlipayCodeView> AlipayAsync(Poster poster, PosterGeneration current, CancellationToken ct)
    {
        var scene = PosterScene.Format(poster.Id, current.SceneToken);
        var url = current.AlipayQrCodeUrl;
        if (url is null)
        {
            url = await alipay.CreateQrCodeAsync(options.Value.MiniProgramPage, "scene=" + scene, poster.VenueName + " 张贴码", ct);
            await db.Set<PosterGeneration>().Where(g => g.Id == current.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.AlipayQrCodeUrl, url), ct);
        }
        return new AlipayCodeView(url, scene);
    }
}
