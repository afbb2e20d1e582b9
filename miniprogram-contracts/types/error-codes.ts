// GENERATED from openapi.json by scripts/generate.mjs — do not edit; run scripts/update-contracts.sh.
import type { ErrorCode } from './api';

/** The error catalogue: HTTP status and the Chinese message shown to the user. */
export const ERROR_CODES: Readonly<Record<ErrorCode, { status: number; message: string }>> = {
  "auth.account_disabled": { status: 401, message: "账号已停用" },
  "auth.forbidden": { status: 403, message: "没有权限执行此操作" },
  "auth.real_name_required": { status: 403, message: "请先完成实名认证" },
  "auth.session_expired": { status: 401, message: "登录已过期，请重新登录" },
  "auth.session_invalid": { status: 401, message: "登录状态无效，请重新登录" },
  "auth.session_revoked": { status: 401, message: "您已退出登录，请重新登录" },
  "auth.unauthorized": { status: 401, message: "请先登录" },
  "common.conflict": { status: 409, message: "数据已被修改，请刷新后重试" },
  "common.internal_error": { status: 500, message: "系统繁忙，请稍后再试" },
  "common.method_not_allowed": { status: 405, message: "不支持该请求方法" },
  "common.not_found": { status: 404, message: "请求的资源不存在" },
  "common.rate_limited": { status: 429, message: "操作过于频繁，请稍后再试" },
  "common.unavailable": { status: 503, message: "服务暂不可用，请稍后再试" },
  "jobs.scheduler_not_running": { status: 503, message: "本节点未运行定时任务调度" },
  "jobs.unknown": { status: 404, message: "没有该定时任务" },
  "request.bad_request": { status: 400, message: "请求无效" },
  "request.body_too_large": { status: 413, message: "请求内容过大" },
  "request.malformed_body": { status: 400, message: "请求内容格式错误，无法解析" },
  "request.unsupported_media_type": { status: 415, message: "不支持的内容类型，请使用 application/json" },
  "request.validation_failed": { status: 400, message: "请求参数有误，请检查后重试" },
};
