using System.Globalization;
using System.Security.Cryptography;
using MiniCode.Features.HealthCodes.Signing;

namespace MiniCode.Features.Posters;

/// <summary>
/// The <c>scene</c> of WeChat (getwxacodeunlimit) and Alipay (query_param) poster codes: <c>P&lt;posterId&gt;.&lt;token&gt;</c>
/// with the poster id in decimal and a 16-character random base64url token (96 bits) of the generation, at most 32
/// characters. A mini-program code cannot carry the 120-character signed payload; the random token plays its part
/// (unguessable, replaced on rotation). Spec: miniprogram-contracts/qr-payload.md.
/// </summary>
public static class PosterScene
{
    public const int TokenLength = 16;
    public const int MaxLength = 32;

    public static string NewToken() => Base64Url.Encode(RandomNumberGenerator.GetBytes(12));

    public static string Format(long posterId, string token)
    {
        var scene = "P" + posterId.ToString(CultureInfo.InvariantCulture) + "." + token;
        return scene.Length <= MaxLength ? scene : throw new InvalidOperationException("Poster id too long for a mini-program scene.");
    }

    public static bool TryParse(string? text, out long posterId, out string token)
    {
        posterId = 0;
        token = "";
        if (text is null || text.Length > MaxLength || !text.StartsWith('P')) return false;
        var dot = text.IndexOf('.');
        if (dot < 2 || text.Length - dot - 1 != TokenLength) return false;
        var id = text.AsSpan(1, dot - 1);
        foreach (var c in id) if (!char.IsAsciiDigit(c)) return false;
        if (id[0] == '0' || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out posterId)) return false;
        token = text[(dot + 1)..];
        foreach (var c in token) if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        return true;
    }
}
