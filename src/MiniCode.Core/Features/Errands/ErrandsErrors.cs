using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Errands;

public static class ErrandsErrors
{
    public static readonly ErrorCode NotFound = new("errands.not_found", 404, "授权记录不存在");
    public static readonly ErrorCode Self = new("errands.self", 400, "不能授权给本人");
    public static readonly ErrorCode LimitReached = new("errands.limit_reached", 409, "未结束的授权数量已达上限");
    public static readonly ErrorCode AlreadyGranted = new("errands.already_granted", 409, "已为该被授权人授权同一事项，授权日期重叠");
    public static readonly ErrorCode NotPending = new("errands.not_pending", 409, "该授权已不是待确认状态");
    public static readonly ErrorCode RevokeNotAllowed = new("errands.revoke_not_allowed", 409, "授权日期已到或授权已结束，不能撤销");
    public static readonly ErrorCode CodeUnavailable = new("errands.code_unavailable", 409, "授权未生效或今天不在授权日期内，不能出示授权码");
}
