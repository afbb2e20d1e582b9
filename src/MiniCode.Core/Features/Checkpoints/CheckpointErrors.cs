using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Checkpoints;

public static class CheckpointErrors
{
    public static readonly ErrorCode CredentialsInvalid = new("checkpoint.credentials_invalid", 401, "手机号或密码错误");
    public static readonly ErrorCode AccountLocked = new("checkpoint.account_locked", 429, "密码错误次数过多，账号已临时锁定，请稍后再试");
    public static readonly ErrorCode AccountDisabled = new("checkpoint.account_disabled", 403, "扫码员账号已停用");
    public static readonly ErrorCode SiteStopped = new("checkpoint.site_stopped", 403, "所属站点已停用");
    public static readonly ErrorCode ProfileMissing = new("checkpoint.profile_missing", 403, "该账号不是码上行动扫码员");
    public static readonly ErrorCode PasswordWrong = new("checkpoint.password_wrong", 400, "当前密码错误");
    public static readonly ErrorCode RoleForbidden = new("checkpoint.role_forbidden", 403, "当前角色无权执行此操作");
    public static readonly ErrorCode SiteNotManaged = new("checkpoint.site_not_managed", 403, "不是您管理的站点");
    public static readonly ErrorCode SiteNotVisible = new("checkpoint.site_not_visible", 403, "无权查看该机构或站点的记录");
    public static readonly ErrorCode ScannerNotFound = new("checkpoint.scanner_not_found", 404, "扫码员不存在或不在您的条线内");
    public static readonly ErrorCode RecordNotFound = new("checkpoint.record_not_found", 404, "排查记录不存在");
    public static readonly ErrorCode PhoneTaken = new("checkpoint.phone_taken", 409, "该手机号已是扫码员账号");
    public static readonly ErrorCode IdNumberTaken = new("checkpoint.id_number_taken", 409, "该身份证号已是扫码员");
    public static readonly ErrorCode CannotTargetSelf = new("checkpoint.cannot_target_self", 400, "不能对本人执行此操作");
    public static readonly ErrorCode ReplacementInvalid = new("checkpoint.replacement_invalid", 400, "替换人员须为本站点启用中的普通扫码员");
    public static readonly ErrorCode CodeInvalid = new("checkpoint.code_invalid", 422, "健康码无效，请被检查人员刷新后重新出示");
    public static readonly ErrorCode NotHealthCode = new("checkpoint.not_health_code", 422, "这不是个人健康码");
    public static readonly ErrorCode AssistedDailyLimit = new("checkpoint.assisted_daily_limit", 429, "今日辅助登记人数已达上限，请明天再试");
}
