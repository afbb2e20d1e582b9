using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Posters;

public static class PostersErrors
{
    public static readonly ErrorCode NotFound = new("posters.not_found", 404, "张贴码不存在");
    public static readonly ErrorCode TooMany = new("posters.too_many", 409, "张贴码数量已达上限");
    // Reasons a scanned poster is refused at check-in.
    public static readonly ErrorCode Malformed = new("posters.malformed", 400, "无法识别的张贴码");
    public static readonly ErrorCode NotAPoster = new("posters.not_a_poster", 400, "这不是场所张贴码，请扫描场所张贴的二维码");
    public static readonly ErrorCode Forged = new("posters.forged", 400, "张贴码校验失败，可能是伪造的二维码");
    public static readonly ErrorCode Expired = new("posters.expired", 410, "张贴码已过期，请联系场所负责人更新");
    public static readonly ErrorCode Rotated = new("posters.rotated", 410, "张贴码已更换，请扫描场所张贴的最新二维码");
    public static readonly ErrorCode Revoked = new("posters.revoked", 410, "张贴码已被停用");
    public static readonly ErrorCode Deleted = new("posters.deleted", 410, "张贴码已被删除");
    public static readonly ErrorCode PersonNotAllowed = new("check_ins.person_not_allowed", 403, "只能为本人或本人添加的亲友登记");

    /// <summary>Resolving a scanned poster code (<c>PosterResolver</c>).</summary>
    public static readonly IReadOnlyList<ErrorCode> Scan = [Malformed, NotAPoster, Forged, NotFound, Deleted, Revoked, Rotated, Expired];
}
