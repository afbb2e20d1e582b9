// GENERATED from openapi.json by scripts/generate.mjs — do not edit; run scripts/update-contracts.sh.

export type AccountDto = {
  id: number;
  kind: string;
  phone: null | string;
  username: null | string;
  hasPassword: boolean;
  weChatBound: boolean;
  alipayBound: boolean;
  realName: null | RealNameDto;
  createdAt: string;
};

export type AlipayLoginRequest = {
  authCode: null | string;
  stayLoggedIn?: boolean;
};

export type AnnouncementDto = {
  id: number;
  title: string;
  body: string;
  regionCode: string;
  publishFrom: string;
  publishUntil: null | string;
};

export type AppealRequest = {
  text: null | string;
  attachmentName: null | string;
  attachmentBase64: null | string;
};

export type AppealStatus = "open" | "resolved" | "rejected";

export type AppealView = {
  id: number;
  colorAtFiling: HealthColor;
  text: string;
  hasAttachment: boolean;
  status: AppealStatus;
  filedAt: string;
  resolvedAt: null | string;
  resolution: null | string;
};

export type BindPhoneByAlipayRequest = {
  response: null | string;
  sign: null | string;
};

export type BindPhoneBySmsRequest = {
  phone: null | string;
  code: null | string;
};

export type BindPhoneByWeChatRequest = {
  code: null | string;
};

export type CodeBadges = {
  nucleicAcid: null | string;
  vaccination: VaccinationStatus;
  goldBorder: boolean;
};

export type CodeStyle = {
  type: string;
  foreground: string;
  background: string;
  goldBorder: boolean;
  borderColor: null | string;
};

export type CodeView = {
  payload: string;
  color: HealthColor;
  reasons: Array<ColorReason>;
  guidance: string;
  badges: CodeBadges;
  issuedAt: string;
  expiresAt: string;
  style: CodeStyle;
};

export type ColorHistoryView = {
  oldColor: null | HealthColor;
  newColor: HealthColor;
  cause: string;
  reasonCodes: Array<string>;
  at: string;
};

export type ColorReason = {
  code: string;
  text: string;
};

export type ConsultationPhoneDto = {
  regionCode: string;
  name: string;
  phone: string;
};

export type DeclarationRequest = {
  symptoms: null | Array<string>;
  temperature: null | number;
  regionCode: null | string;
  address: null | string;
  remarks: null | string;
};

export type DeclarationView = {
  symptoms: Array<string>;
  temperature: number;
  regionCode: string;
  address: string;
  remarks: null | string;
  submittedAt: string;
  changedAt: string;
  nextChangeAllowedAt: null | string;
};

export type DocumentRealNameRequest = {
  name: null | string;
  documentType: null | string;
  number: null | string;
  birthDate: null | string;
  gender: null | string;
  faceToken: null | string;
};

export type FaceCheckRequest = {
  verificationToken: null | string;
};

export type FaceCheckResult = {
  verifiedAt: string;
};

export type FaqCategoryDto = {
  id: number;
  name: string;
  questions: Array<FaqQuestionDto>;
};

export type FaqHomeDto = {
  categories: Array<FaqCategoryDto>;
  hot: Array<FaqQuestionDto>;
  phones: Array<ConsultationPhoneDto>;
};

export type FaqQuestionDto = {
  id: number;
  categoryId: number;
  question: string;
  answer: string;
  hot: boolean;
};

export type FaqSearchHit = {
  question: FaqQuestionDto;
  score: number;
};

export type FeedbackCategory = "codeColour" | "personalInfo" | "checkpoint" | "other" | null;

export type FeedbackItemDto = {
  id: number;
  category: string;
  content: string;
  status: string;
  reply: null | string;
  createdAt: string;
  repliedAt: null | string;
};

export type FeedbackReceipt = {
  id: number;
  status: string;
  createdAt: string;
};

export type FeedbackRequest = {
  category: null | FeedbackCategory;
  content: null | string;
  contactPhone: null | string;
  regionCode: null | string;
};

export type FormDto = {
  id: number;
  title: string;
  description: null | string;
  regionCode: string;
  fields: Array<FormFieldDto>;
};

export type FormFieldDto = {
  key: string;
  label: string;
  type: string;
  required: boolean;
  choices: Array<string>;
};

export type FormReceipt = {
  id: number;
  submittedAt: string;
};

export type HealthColor = "green" | "yellow" | "orange" | "red";

export type HealthReport = {
  maskedName: string;
  maskedDocument: string;
  color: null | HealthColor;
  reasons: Array<ColorReason>;
  badges: null | CodeBadges;
  history: Array<ColorHistoryView>;
  nucleicAcid: Array<NucleicAcidView>;
  vaccinations: Array<VaccinationView>;
};

export type HttpValidationProblemDetails = {
  type?: null | string;
  title?: null | string;
  status?: null | number;
  detail?: null | string;
  instance?: null | string;
  errors?: Record<string, Array<string>>;
};

export type ImportSummary = {
  id: number;
  kind: string;
  format: string;
  totalRows: number;
  acceptedRows: number;
  rejectedRows: number;
  recomputedPersons: number;
  startedAt: string;
  finishedAt: null | string;
  rejectedReport: string;
};

export type JsonElement = Record<string, unknown>;

export type JsonWebKey = {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  use: string;
  alg: string;
};

export type JsonWebKeySet = {
  keys: Array<JsonWebKey>;
};

export type LoginResponse = {
  token: string;
  expiresAt: string;
  account: AccountDto;
};

export type NoticePage = {
  items: Array<NoticeView>;
  unreadCount: number;
};

export type NoticeView = {
  id: number;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
};

export type NucleicAcidView = {
  sampledAt: string;
  result: string;
  institution: string;
};

export type PasswordChangeRequest = {
  currentPassword: null | string;
  newPassword: null | string;
};

export type PasswordLoginRequest = {
  login: null | string;
  password: null | string;
  stayLoggedIn?: boolean;
};

export type PasswordRegisterRequest = {
  phone: null | string;
  code: null | string;
  password: null | string;
  username: null | string;
  stayLoggedIn?: boolean;
};

export type PasswordResetRequest = {
  phone: null | string;
  code: null | string;
  newPassword: null | string;
};

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

export type RealNameDto = {
  name: string;
  documentType: string;
  documentNumber: string;
  age: null | number;
  gender: null | string;
};

export type RealNameRequest = {
  name: null | string;
  idNumber: null | string;
  faceToken: null | string;
};

export type ServiceLinkDto = {
  kind: string;
  title: string;
  target: string;
  regionCode: string;
};

export type SmsCodeRequest = {
  phone: null | string;
  purpose: null | string;
};

export type SmsCodeSent = {
  expiresInSeconds: number;
  resendAfterSeconds: number;
};

export type SmsLoginRequest = {
  phone: null | string;
  code: null | string;
  stayLoggedIn?: boolean;
};

export type UnreadCount = {
  count: number;
};

export type VaccinationStatus = "none" | "partial" | "full";

export type VaccinationView = {
  dose: number;
  vaccinatedOn: string;
  product: string;
  completesSeries: boolean;
};

export type VerifyRequest = {
  payload: null | string;
};

export type VerifyResponse = {
  valid: boolean;
  reason: null | string;
  color: null | HealthColor;
  type: null | string;
  issuedAt: null | string;
  expiresAt: null | string;
  maskedName: null | string;
  portraitReference: null | string;
};

export type WeChatLoginRequest = {
  code: null | string;
  stayLoggedIn?: boolean;
};

export type WeChatOpenDataRequest = {
  rawData: null | string;
  signature: null | string;
  encryptedData: null | string;
  iv: null | string;
};

export type WeChatOpenDataResponse = {
  verified: boolean;
  data: null | JsonElement;
};

/** Every error code the server can answer with (ProblemDetails `code`). */
export type ErrorCode =
  | "alipay.bad_signature"
  | "alipay.busy"
  | "alipay.code_invalid"
  | "alipay.error"
  | "alipay.phone_decrypt_failed"
  | "alipay.phone_signature_invalid"
  | "alipay.timeout"
  | "alipay.unreachable"
  | "appeals.closed"
  | "appeals.not_found"
  | "auth.account_disabled"
  | "auth.api_key_invalid"
  | "auth.forbidden"
  | "auth.real_name_required"
  | "auth.session_expired"
  | "auth.session_invalid"
  | "auth.session_revoked"
  | "auth.unauthorized"
  | "codes.declaration_required"
  | "codes.face_check_required"
  | "common.conflict"
  | "common.internal_error"
  | "common.method_not_allowed"
  | "common.not_found"
  | "common.rate_limited"
  | "common.unavailable"
  | "declaration.too_soon"
  | "feedback.too_many"
  | "form.not_found"
  | "identity.account_disabled"
  | "identity.account_locked"
  | "identity.account_not_found"
  | "identity.already_verified"
  | "identity.credentials_invalid"
  | "identity.document_in_use"
  | "identity.face_mismatch"
  | "identity.face_unavailable"
  | "identity.name_mismatch"
  | "identity.password_wrong"
  | "identity.phone_in_use"
  | "identity.phone_registered"
  | "identity.username_taken"
  | "imports.kind_unknown"
  | "imports.not_found"
  | "jobs.scheduler_not_running"
  | "jobs.unknown"
  | "notices.not_found"
  | "overrides.not_found"
  | "overrides.not_pending"
  | "overrides.reason_unknown"
  | "overrides.second_approver_required"
  | "request.bad_request"
  | "request.body_too_large"
  | "request.malformed_body"
  | "request.unsupported_media_type"
  | "request.validation_failed"
  | "sms.code_expired"
  | "sms.code_invalid"
  | "sms.daily_limit"
  | "sms.ip_limit"
  | "sms.provider_rate_limited"
  | "sms.provider_rejected"
  | "sms.provider_timeout"
  | "sms.provider_unreachable"
  | "sms.resend_too_soon"
  | "sms.too_many_attempts"
  | "wechat.access_token_rejected"
  | "wechat.busy"
  | "wechat.code_invalid"
  | "wechat.code_used"
  | "wechat.decrypt_failed"
  | "wechat.error"
  | "wechat.rate_limited"
  | "wechat.session_key_missing"
  | "wechat.signature_invalid"
  | "wechat.subscribe_refused"
  | "wechat.timeout"
  | "wechat.unreachable"
  | "wechat.user_blocked";

/** Every endpoint of the mini-program API, keyed by 'METHOD /path'. */
export interface Endpoints {
  "POST /api/auth/alipay/login": {
    path: never;
    query: never;
    body: AlipayLoginRequest;
    response: LoginResponse;
    auth: false;
  };
  "POST /api/auth/logout": {
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/auth/password/login": {
    path: never;
    query: never;
    body: PasswordLoginRequest;
    response: LoginResponse;
    auth: false;
  };
  "POST /api/auth/password/register": {
    path: never;
    query: never;
    body: PasswordRegisterRequest;
    response: LoginResponse;
    auth: false;
  };
  "POST /api/auth/password/reset": {
    path: never;
    query: never;
    body: PasswordResetRequest;
    response: void;
    auth: false;
  };
  "POST /api/auth/sms/login": {
    path: never;
    query: never;
    body: SmsLoginRequest;
    response: LoginResponse;
    auth: false;
  };
  "POST /api/auth/wechat/login": {
    path: never;
    query: never;
    body: WeChatLoginRequest;
    response: LoginResponse;
    auth: false;
  };
  "GET /api/authority/imports/{id}": {
    path: { id: number };
    query: never;
    body: never;
    response: ImportSummary;
    auth: true;
  };
  "GET /api/authority/imports/{id}/rejected.csv": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/authority/imports/{kind}": {
    path: { kind: string };
    query: never;
    body: never;
    response: ImportSummary;
    auth: true;
  };
  "POST /api/codes/verify": {
    path: never;
    query: never;
    body: VerifyRequest;
    response: VerifyResponse;
    auth: true;
  };
  "GET /api/faq": {
    path: never;
    query: { region?: string };
    body: never;
    response: FaqHomeDto;
    auth: false;
  };
  "GET /api/faq/search": {
    path: never;
    query: { q?: string };
    body: never;
    response: Array<FaqSearchHit>;
    auth: false;
  };
  "GET /api/feedback": {
    path: never;
    query: never;
    body: never;
    response: Array<FeedbackItemDto>;
    auth: true;
  };
  "POST /api/feedback": {
    path: never;
    query: never;
    body: FeedbackRequest;
    response: FeedbackReceipt;
    auth: true;
  };
  "GET /api/forms": {
    path: never;
    query: { region?: string };
    body: never;
    response: Array<FormDto>;
    auth: false;
  };
  "GET /api/forms/{id}": {
    path: { id: number };
    query: never;
    body: never;
    response: FormDto;
    auth: false;
  };
  "POST /api/forms/{id}/submissions": {
    path: { id: number };
    query: never;
    body: Record<string, unknown>;
    response: FormReceipt;
    auth: true;
  };
  "GET /api/home/announcements": {
    path: never;
    query: { region?: string };
    body: never;
    response: Array<AnnouncementDto>;
    auth: false;
  };
  "GET /api/home/service-links": {
    path: never;
    query: { region?: string };
    body: never;
    response: Array<ServiceLinkDto>;
    auth: false;
  };
  "GET /api/keys": {
    path: never;
    query: never;
    body: never;
    response: JsonWebKeySet;
    auth: false;
  };
  "GET /api/me": {
    path: never;
    query: never;
    body: never;
    response: AccountDto;
    auth: true;
  };
  "DELETE /api/me": {
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/appeals": {
    path: never;
    query: never;
    body: never;
    response: Array<AppealView>;
    auth: true;
  };
  "POST /api/me/appeals": {
    path: never;
    query: never;
    body: AppealRequest;
    response: AppealView;
    auth: true;
  };
  "GET /api/me/code": {
    path: never;
    query: never;
    body: never;
    response: CodeView;
    auth: true;
  };
  "GET /api/me/code.png": {
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/code.svg": {
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/declaration": {
    path: never;
    query: never;
    body: never;
    response: DeclarationView;
    auth: true;
  };
  "POST /api/me/declaration": {
    path: never;
    query: never;
    body: DeclarationRequest;
    response: DeclarationView;
    auth: true;
  };
  "POST /api/me/face-check": {
    path: never;
    query: never;
    body: FaceCheckRequest;
    response: FaceCheckResult;
    auth: true;
  };
  "GET /api/me/health-report": {
    path: never;
    query: never;
    body: never;
    response: HealthReport;
    auth: true;
  };
  "GET /api/me/notices": {
    path: never;
    query: { before?: number; take?: number };
    body: never;
    response: NoticePage;
    auth: true;
  };
  "POST /api/me/notices/{id}/read": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/notices/unread-count": {
    path: never;
    query: never;
    body: never;
    response: UnreadCount;
    auth: true;
  };
  "GET /api/me/nucleic-acid-results": {
    path: never;
    query: never;
    body: never;
    response: Array<NucleicAcidView>;
    auth: true;
  };
  "POST /api/me/password": {
    path: never;
    query: never;
    body: PasswordChangeRequest;
    response: void;
    auth: true;
  };
  "POST /api/me/phone/alipay": {
    path: never;
    query: never;
    body: BindPhoneByAlipayRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/phone/sms": {
    path: never;
    query: never;
    body: BindPhoneBySmsRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/phone/wechat": {
    path: never;
    query: never;
    body: BindPhoneByWeChatRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/real-name": {
    path: never;
    query: never;
    body: RealNameRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/real-name/document": {
    path: never;
    query: never;
    body: DocumentRealNameRequest;
    response: AccountDto;
    auth: true;
  };
  "GET /api/me/vaccinations": {
    path: never;
    query: never;
    body: never;
    response: Array<VaccinationView>;
    auth: true;
  };
  "POST /api/me/wechat/open-data": {
    path: never;
    query: never;
    body: WeChatOpenDataRequest;
    response: WeChatOpenDataResponse;
    auth: true;
  };
  "POST /api/sms/codes": {
    path: never;
    query: never;
    body: SmsCodeRequest;
    response: SmsCodeSent;
    auth: false;
  };
}
