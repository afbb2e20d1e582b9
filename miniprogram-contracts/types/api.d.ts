// GENERATED from openapi.json by scripts/generate.mjs — do not edit; run scripts/update-contracts.sh.

/** RFC 9457 ProblemDetails；code 为错误码（见 x-error-codes），title 为中文提示。 */
export type ProblemDetails = {
  type: string;
  /** 中文提示，可直接展示给用户 */
  title: string;
  status: number;
  detail?: null | string;
  instance?: null | string;
  /** 稳定的错误码 */
  code: string;
  requestId?: string;
  /** 字段校验错误（request.validation_failed） */
  errors?: Record<string, Array<string>>;
};

/** Every error code the server can answer with (ProblemDetails `code`). */
export type ErrorCode =
  | "auth.account_disabled"
  | "auth.forbidden"
  | "auth.real_name_required"
  | "auth.session_expired"
  | "auth.session_invalid"
  | "auth.session_revoked"
  | "auth.unauthorized"
  | "common.conflict"
  | "common.internal_error"
  | "common.method_not_allowed"
  | "common.not_found"
  | "common.rate_limited"
  | "common.unavailable"
  | "jobs.scheduler_not_running"
  | "jobs.unknown"
  | "request.bad_request"
  | "request.body_too_large"
  | "request.malformed_body"
  | "request.unsupported_media_type"
  | "request.validation_failed";

/** Every endpoint of the mini-program API, keyed by 'METHOD /path'. */
export interface Endpoints {

}
