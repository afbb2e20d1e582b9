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
  logins: Array<LoginMethodDto>;
};

export type AccountStatus = "active" | "disabled" | "deleted";

export type AddRelativeRequest = {
  name: null | string;
  documentType: null | string;
  number: null | string;
  birthDate: null | string;
  gender: null | string;
  relation: null | string;
  faceToken: null | string;
  consent: null | ConsentRequest;
  declaration: null | DeclarationRequest;
};

export type AlipayCodeView = {
  qrCodeUrl: string;
  scene: string;
};

export type AlipayLoginRequest = {
  authCode: null | string;
  stayLoggedIn?: boolean;
};

export type AlipayPhoneLoginRequest = {
  authCode: null | string;
  response: null | string;
  sign: null | string;
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

export type AppointmentCodeView = {
  appointmentId: number;
  payload: string;
  issuedAt: string;
  expiresAt: string;
};

export type AppointmentView = {
  id: number;
  status: string;
  matter: MatterView;
  hall: HallView;
  startsAt: string;
  endsAt: string;
  attendeeName: string;
  attendeeIdNumber: string;
  attendeePhone: null | string;
  bookedAt: string;
  cancellableUntil: null | string;
  cancelledAt: null | string;
  arrivedAt: null | string;
};

export type AssistedRegistrationRequest = {
  phone: null | string;
  smsCode: null | string;
  name: null | string;
  idNumber: null | string;
  temperature: null | number;
  remarks: null | string;
  idempotencyKey: null | string;
};

export type AttendeeRequest = {
  name: null | string;
  idNumber: null | string;
  phone: null | string;
};

export type BindEnterpriseRequest = {
  name: null | string;
  creditCode: null | string;
  role: null | string;
  parsedRole?: EnterpriseRole;
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

export type BookRequest = {
  slotId: number;
  matterId: number;
  attendee: null | AttendeeRequest;
};

export type CheckInRequest = {
  payload: null | string;
  relativeId: null | number;
};

export type CheckInView = {
  checkInId: number;
  venue: VenueView;
  maskedName: string;
  color: HealthColor;
  checkedInAt: string;
  lastScanAt: string;
  scanCount: number;
  repeated: boolean;
  retentionDays: number;
  retentionNotice: string;
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
  icon?: null | string;
};

export type CodeSubjectFact = {
  name: string;
  label: string;
  value: string;
};

export type CodeSubjectView = {
  title: string;
  maskedHolder: null | string;
  state: null | string;
  validFrom: null | string;
  validTo: null | string;
  facts: Array<CodeSubjectFact>;
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
  codeNumber?: null | string;
};

export type ColorHistoryView = {
  oldColor: null | HealthColor;
  newColor: HealthColor;
  cause: string;
  reasonCodes: Array<string>;
  at: string;
  temperature: null | TemperatureView;
};

export type ColorReason = {
  code: string;
  text: string;
};

export type ColorReasonView = {
  code: string;
  text: string;
};

export type ConsentCodeRequest = {
  phone: null | string;
};

export type ConsentCodeSent = {
  phone: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
};

export type ConsentRequest = {
  by: null | string;
  confirmed: boolean;
  phone?: null | string;
  smsCode?: null | string;
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

export type EnterpriseBindingView = {
  id: number;
  enterpriseName: string;
  creditCode: string;
  regionCode: string;
  role: string;
  status: string;
  boundAt: string;
};

export type EnterpriseCodeView = {
  bindingId: number;
  payload: string;
  issuedAt: string;
  expiresAt: string;
};

export type EnterpriseRole = "legalRepresentative" | "staff";

export type FaceCheckRequest = {
  verificationToken: null | string;
};

export type FaceCheckResult = {
  verifiedAt: string;
};

export type FaceSessionRequest = {
  purpose: null | string;
  name: null | string;
  idNumber: null | string;
  relativeId: null | number;
  needsDocument?: boolean;
};

export type FaceSessionResponse = {
  provider: string;
  purpose: string;
  userIdKey: null | string;
  certifyId: null | string;
  certifyUrl: null | string;
  bizToken: null | string;
  url: null | string;
  expiresAt: string;
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

export type FaqSearchAnswer = {
  answered: boolean;
  hits: Array<FaqSearchHit>;
  closest: Array<FaqSearchHit>;
  hot: Array<FaqQuestionDto>;
  phones: Array<ConsultationPhoneDto>;
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

export type HallView = {
  id: number;
  name: string;
  address: string;
  regionCode: string;
  openingHours: string;
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

export type IFormFile = string;

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

export type IssueCardRequest = {
  relativeId: null | number;
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

export type LineActionResult = {
  accountIds: Array<number>;
  sessionsRevoked: number;
};

export type LoginMethodDto = {
  accountId: number;
  thisAccount: boolean;
  method: string;
  display: string;
};

export type LoginResponse = {
  token: string;
  expiresAt: string;
  account: AccountDto;
};

export type ManagedSiteView = {
  site: SiteView;
  scanners: Array<ScannerView>;
};

export type MatterView = {
  id: number;
  name: string;
  description: null | string;
};

export type MyCheckIn = {
  checkInId: number;
  venue: VenueView;
  maskedName: string;
  checkedInAt: string;
  scanCount: number;
};

export type MyCheckIns = {
  items: Array<MyCheckIn>;
  retentionDays: number;
  retentionNotice: string;
};

export type NewScannerRequest = {
  siteId: null | number;
  idNumber: null | string;
  name: null | string;
  phone: null | string;
  password: null | string;
  role: null | ScannerRole;
  remarks: null | string;
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

export type OfflineCardView = {
  id: number;
  name: string;
  color: HealthColor;
  status: string;
  issuedAt: string;
  expiresAt: string;
  payload: string;
  pngPath: string;
  cardPdfPath: string;
  sheetPdfPath: string;
};

export type OwnerCheckIn = {
  checkInId: number;
  maskedName: string;
  maskedPhone: string;
  checkedInAt: string;
  lastScanAt: string;
  scanCount: number;
};

export type OwnerCheckIns = {
  items: Array<OwnerCheckIn>;
  total: number;
  page: number;
  pageSize: number;
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

export type PortraitDisplayRequest = {
  photo: null | boolean;
};

export type PortraitStatus = {
  hasPhoto: boolean;
  enabled: boolean;
  uploadRequired: boolean;
  source: null | string;
  width: null | number;
  height: null | number;
  changedAt: null | string;
  nextChangeAllowedAt: null | string;
  attemptsLeftToday: number;
};

export type PosterKind = "personal" | "institution";

export type PosterLinks = {
  png: string;
  svg: string;
  pdf: string;
  weChatCode: string;
  alipayCode: string;
  checkIns: string;
  checkInsCsv: string;
};

export type PosterList = {
  items: Array<PosterSummary>;
  total: number;
};

export type PosterRequest = {
  kind: null | PosterKind;
  venueName: null | string;
  address: null | string;
  regionCode: null | string;
  venueType: null | VenueType;
  contactName: null | string;
  contactPhone: null | string;
};

export type PosterSummary = {
  id: number;
  kind: PosterKind;
  venueName: string;
  address: string;
  regionCode: string;
  venueType: VenueType;
  contactName: string;
  contactPhoneMasked: string;
  createdAt: string;
  generation: number;
  expiresAt: string;
  status: string;
};

export type PosterView = {
  poster: PosterSummary;
  payload: string;
  scene: string;
  issuedAt: string;
  stillValidPrevious: Array<PreviousGeneration>;
  links: PosterLinks;
};

export type PreviousGeneration = {
  generation: number;
  validUntil: string;
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

export type RelativeView = {
  id: number;
  name: string;
  documentType: string;
  documentNumber: string;
  relation: null | string;
  age: null | number;
  faceVerified: boolean;
  proof: string;
  private: boolean;
  consentBy: string;
  addedAt: string;
  deletableAt: string;
  color: null | HealthColor;
};

export type ReplaceScannerRequest = {
  replacementAccountId: null | number;
};

export type ReportSitesRequest = {
  siteIds: null | Array<number>;
};

export type RevocationList = {
  generatedAt: string;
  cards: Array<RevokedCard>;
};

export type RevokedCard = {
  payloadSha256: string;
  signedSha256: string;
  keyId: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string;
};

export type ScanKind = "scan" | "assisted";

export type ScannerCheckRequest = {
  siteId: null | number;
  idNumber: null | string;
};

export type ScannerCheckResponse = {
  available: boolean;
  idNumber: string;
  allowedRoles: Array<ScannerRole>;
};

export type ScannerLoginRequest = {
  phone: null | string;
  password: null | string;
};

export type ScannerLoginResponse = {
  token: string;
  expiresAt: string;
  profile: ScannerProfileView;
};

export type ScannerPasswordChangeRequest = {
  currentPassword: null | string;
  newPassword: null | string;
};

export type ScannerProfileView = {
  accountId: number;
  name: string;
  phone: string;
  idNumber: string;
  role: ScannerRole;
  site: SiteView;
  reportSites: Array<SiteView>;
  parentName: null | string;
  createdAt: string;
};

export type ScannerRole = "senior" | "intermediate" | "ordinary";

export type ScannerView = {
  accountId: number;
  name: string;
  idNumber: string;
  phone: string;
  siteId: number;
  siteName: string;
  role: ScannerRole;
  status: AccountStatus;
  parentAccountId: null | number;
  remarks: null | string;
  createdAt: string;
};

export type ScanPreview = {
  maskedName: string;
  color: HealthColor;
  reasons: Array<ColorReasonView>;
  turnBack: boolean;
};

export type ScanPreviewRequest = {
  payload: null | string;
};

export type ScanRecordPage = {
  items: Array<ScanRecordView>;
  page: number;
  pageSize: number;
  total: number;
};

export type ScanRecordView = {
  id: number;
  kind: ScanKind;
  maskedName: string;
  maskedIdNumber: string;
  temperature: number;
  color: HealthColor;
  reasons: Array<ColorReasonView>;
  turnBack: boolean;
  remarks: null | string;
  siteId: number;
  siteName: string;
  scannerAccountId: number;
  scannerName: string;
  scannedAt: string;
  replayed: boolean;
};

export type ScanRequest = {
  payload: null | string;
};

export type ScanResponse = {
  valid: boolean;
  reason: null | string;
  reasonText: null | string;
  type: null | string;
  color: null | HealthColor;
  maskedName: null | string;
  expiresAt: null | string;
};

export type ServiceLinkDto = {
  kind: string;
  title: string;
  target: string;
  regionCode: string;
};

export type SessionLifetimeDto = {
  stayLoggedIn: boolean;
  expiresAt: string;
};

export type SessionLifetimeRequest = {
  stayLoggedIn: null | boolean;
};

export type SiteRequest = {
  name: null | string;
  regionCode: null | string;
  address: null | string;
  remarks: null | string;
};

export type SiteStatus = "active" | "stopped";

export type SiteView = {
  id: number;
  name: string;
  regionCode: string;
  address: null | string;
  status: SiteStatus;
  organisationId: number;
  organisationName: string;
  remarks: null | string;
};

export type SlotView = {
  id: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  remaining: number;
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

export type SwitchEntry = {
  relativeId: null | number;
  name: string;
  relation: null | string;
  color: null | HealthColor;
  codePath: string;
};

export type TemperatureSource = "checkpoint" | "declaration";

export type TemperatureView = {
  celsius: number;
  source: TemperatureSource;
  measuredAt: string;
};

export type UnlinkRequest = {
  code: null | string;
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

export type VenueType = "shop" | "restaurant" | "office" | "factory" | "school" | "hospital" | "hotel" | "transport" | "residential" | "entertainment" | "government" | "religious" | "event" | "other";

export type VenueView = {
  posterId: number;
  venueName: string;
  address: string;
  regionCode: string;
  venueType: VenueType;
  kind: PosterKind;
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
  subject: null | CodeSubjectView;
  category?: null | string;
  issuer?: null | string;
  externalSubject?: null | string;
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

export type WeChatPhoneLoginRequest = {
  loginCode: null | string;
  phoneCode: null | string;
  stayLoggedIn?: boolean;
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
  | "appointments.already_booked"
  | "appointments.arrival_not_open"
  | "appointments.cancel_too_late"
  | "appointments.code_invalid"
  | "appointments.hall_not_found"
  | "appointments.limit_reached"
  | "appointments.matter_not_found"
  | "appointments.matter_not_offered"
  | "appointments.not_active"
  | "appointments.not_found"
  | "appointments.slot_full"
  | "appointments.slot_not_found"
  | "appointments.slot_not_open"
  | "appointments.slot_past"
  | "auth.account_disabled"
  | "auth.api_key_invalid"
  | "auth.forbidden"
  | "auth.real_name_required"
  | "auth.session_expired"
  | "auth.session_invalid"
  | "auth.session_revoked"
  | "auth.unauthorized"
  | "check_ins.person_not_allowed"
  | "checkpoint.account_disabled"
  | "checkpoint.account_locked"
  | "checkpoint.assisted_daily_limit"
  | "checkpoint.cannot_target_self"
  | "checkpoint.code_invalid"
  | "checkpoint.credentials_invalid"
  | "checkpoint.id_number_taken"
  | "checkpoint.not_health_code"
  | "checkpoint.password_wrong"
  | "checkpoint.phone_taken"
  | "checkpoint.profile_missing"
  | "checkpoint.record_not_found"
  | "checkpoint.replacement_invalid"
  | "checkpoint.role_forbidden"
  | "checkpoint.scanner_not_found"
  | "checkpoint.site_not_managed"
  | "checkpoint.site_not_visible"
  | "checkpoint.site_stopped"
  | "codes.declaration_required"
  | "codes.face_check_required"
  | "codes.issuer_keys_unavailable"
  | "common.conflict"
  | "common.internal_error"
  | "common.method_not_allowed"
  | "common.not_found"
  | "common.rate_limited"
  | "common.unavailable"
  | "declaration.too_soon"
  | "enterprises.already_bound"
  | "enterprises.limit_reached"
  | "enterprises.not_found"
  | "enterprises.not_verified"
  | "enterprises.registry_unavailable"
  | "enterprises.suspended"
  | "feedback.too_many"
  | "form.not_found"
  | "identity.account_disabled"
  | "identity.account_locked"
  | "identity.account_not_found"
  | "identity.already_verified"
  | "identity.credentials_invalid"
  | "identity.document_in_use"
  | "identity.face_document_unsupported"
  | "identity.face_expired"
  | "identity.face_mismatch"
  | "identity.face_platform_required"
  | "identity.face_reused"
  | "identity.face_unavailable"
  | "identity.last_login"
  | "identity.login_already_linked"
  | "identity.login_in_use"
  | "identity.login_not_linked"
  | "identity.login_proof_invalid"
  | "identity.name_mismatch"
  | "identity.password_wrong"
  | "identity.phone_bound_elsewhere"
  | "identity.phone_in_use"
  | "identity.phone_registered"
  | "identity.username_taken"
  | "imports.kind_unknown"
  | "imports.not_found"
  | "jobs.scheduler_not_running"
  | "jobs.unknown"
  | "notices.not_found"
  | "offline_cards.expired"
  | "offline_cards.not_found"
  | "overrides.not_found"
  | "overrides.not_pending"
  | "overrides.reason_unknown"
  | "overrides.second_approver_required"
  | "portraits.attempts_exceeded"
  | "portraits.change_too_soon"
  | "portraits.invalid_image"
  | "portraits.not_found"
  | "portraits.reference_invalid"
  | "portraits.source_not_found"
  | "portraits.source_unavailable"
  | "portraits.too_large"
  | "portraits.too_young"
  | "portraits.upload_required"
  | "posters.deleted"
  | "posters.expired"
  | "posters.forged"
  | "posters.malformed"
  | "posters.not_a_poster"
  | "posters.not_found"
  | "posters.revoked"
  | "posters.rotated"
  | "posters.too_many"
  | "relatives.already_added"
  | "relatives.busy"
  | "relatives.consent_phone_mismatch"
  | "relatives.consent_required"
  | "relatives.delete_too_soon"
  | "relatives.limit_reached"
  | "relatives.not_found"
  | "relatives.proof_required"
  | "relatives.self"
  | "request.bad_request"
  | "request.body_too_large"
  | "request.malformed_body"
  | "request.unsupported_media_type"
  | "request.validation_failed"
  | "service.database_unavailable"
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
  "GET /api/appointments/halls/{id}/slots": {
    path: { id: number };
    query: { From?: string; Days?: number };
    body: never;
    response: Array<SlotView>;
    auth: false;
  };
  "GET /api/appointments/matters": {
    path: never;
    query: never;
    body: never;
    response: Array<MatterView>;
    auth: false;
  };
  "GET /api/appointments/matters/{id}/halls": {
    path: { id: number };
    query: never;
    body: never;
    response: Array<HallView>;
    auth: false;
  };
  "POST /api/auth/alipay/login": {
    path: never;
    query: never;
    body: AlipayLoginRequest;
    response: LoginResponse;
    auth: false;
  };
  "POST /api/auth/alipay/phone-login": {
    path: never;
    query: never;
    body: AlipayPhoneLoginRequest;
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
  "POST /api/auth/wechat/phone-login": {
    path: never;
    query: never;
    body: WeChatPhoneLoginRequest;
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
  "GET /api/check-ins": {
    path: never;
    query: { relativeId?: number };
    body: never;
    response: MyCheckIns;
    auth: true;
  };
  "POST /api/check-ins": {
    path: never;
    query: never;
    body: CheckInRequest;
    response: CheckInView;
    auth: true;
  };
  "POST /api/checkpoint/assisted-registrations": {
    path: never;
    query: never;
    body: AssistedRegistrationRequest;
    response: ScanRecordView;
    auth: true;
  };
  "POST /api/checkpoint/login": {
    path: never;
    query: never;
    body: ScannerLoginRequest;
    response: ScannerLoginResponse;
    auth: false;
  };
  "POST /api/checkpoint/logout": {
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/checkpoint/me": {
    path: never;
    query: never;
    body: never;
    response: ScannerProfileView;
    auth: true;
  };
  "POST /api/checkpoint/me/password": {
    path: never;
    query: never;
    body: ScannerPasswordChangeRequest;
    response: void;
    auth: true;
  };
  "GET /api/checkpoint/me/report-sites": {
    path: never;
    query: never;
    body: never;
    response: Array<SiteView>;
    auth: true;
  };
  "PUT /api/checkpoint/me/report-sites": {
    path: never;
    query: never;
    body: ReportSitesRequest;
    response: Array<SiteView>;
    auth: true;
  };
  "GET /api/checkpoint/me/report-sites/options": {
    path: never;
    query: never;
    body: never;
    response: Array<SiteView>;
    auth: true;
  };
  "GET /api/checkpoint/records": {
    path: never;
    query: { organisationId?: number; siteId?: number; idNumber?: string; page?: number };
    body: never;
    response: ScanRecordPage;
    auth: true;
  };
  "GET /api/checkpoint/records/{id}": {
    path: { id: number };
    query: never;
    body: never;
    response: ScanRecordView;
    auth: true;
  };
  "GET /api/checkpoint/scanners": {
    path: never;
    query: never;
    body: never;
    response: Array<ScannerView>;
    auth: true;
  };
  "POST /api/checkpoint/scanners": {
    path: never;
    query: never;
    body: NewScannerRequest;
    response: ScannerView;
    auth: true;
  };
  "GET /api/checkpoint/scanners/{id}": {
    path: { id: number };
    query: never;
    body: never;
    response: ScannerView;
    auth: true;
  };
  "POST /api/checkpoint/scanners/{id}/disable": {
    path: { id: number };
    query: never;
    body: never;
    response: LineActionResult;
    auth: true;
  };
  "POST /api/checkpoint/scanners/{id}/disable-line": {
    path: { id: number };
    query: never;
    body: never;
    response: LineActionResult;
    auth: true;
  };
  "POST /api/checkpoint/scanners/{id}/enable": {
    path: { id: number };
    query: never;
    body: never;
    response: ScannerView;
    auth: true;
  };
  "POST /api/checkpoint/scanners/{id}/replace": {
    path: { id: number };
    query: never;
    body: ReplaceScannerRequest;
    response: ScannerView;
    auth: true;
  };
  "POST /api/checkpoint/scanners/check": {
    path: never;
    query: never;
    body: ScannerCheckRequest;
    response: ScannerCheckResponse;
    auth: true;
  };
  "POST /api/checkpoint/scans": {
    path: never;
    query: never;
    body: ScanRequest;
    response: ScanRecordView;
    auth: true;
  };
  "POST /api/checkpoint/scans/preview": {
    path: never;
    query: never;
    body: ScanPreviewRequest;
    response: ScanPreview;
    auth: true;
  };
  "GET /api/checkpoint/sites": {
    path: never;
    query: never;
    body: never;
    response: Array<ManagedSiteView>;
    auth: true;
  };
  "POST /api/checkpoint/sites": {
    path: never;
    query: never;
    body: SiteRequest;
    response: SiteView;
    auth: true;
  };
  "PUT /api/checkpoint/sites/{id}": {
    path: { id: number };
    query: never;
    body: SiteRequest;
    response: SiteView;
    auth: true;
  };
  "POST /api/checkpoint/sites/{id}/stop": {
    path: { id: number };
    query: never;
    body: never;
    response: LineActionResult;
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
    query: { q?: string; region?: string };
    body: never;
    response: FaqSearchAnswer;
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
  "GET /api/me/appointments": {
    path: never;
    query: never;
    body: never;
    response: Array<AppointmentView>;
    auth: true;
  };
  "POST /api/me/appointments": {
    path: never;
    query: never;
    body: BookRequest;
    response: AppointmentView;
    auth: true;
  };
  "GET /api/me/appointments/{id}": {
    path: { id: number };
    query: never;
    body: never;
    response: AppointmentView;
    auth: true;
  };
  "POST /api/me/appointments/{id}/cancel": {
    path: { id: number };
    query: never;
    body: never;
    response: AppointmentView;
    auth: true;
  };
  "GET /api/me/appointments/{id}/code": {
    path: { id: number };
    query: never;
    body: never;
    response: AppointmentCodeView;
    auth: true;
  };
  "GET /api/me/appointments/{id}/code.png": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/appointments/{id}/code.svg": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
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
  "GET /api/me/enterprises": {
    path: never;
    query: never;
    body: never;
    response: Array<EnterpriseBindingView>;
    auth: true;
  };
  "POST /api/me/enterprises": {
    path: never;
    query: never;
    body: BindEnterpriseRequest;
    response: EnterpriseBindingView;
    auth: true;
  };
  "DELETE /api/me/enterprises/{id}": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/enterprises/{id}/code": {
    path: { id: number };
    query: never;
    body: never;
    response: EnterpriseCodeView;
    auth: true;
  };
  "GET /api/me/enterprises/{id}/code.png": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/enterprises/{id}/code.svg": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/me/face-check": {
    path: never;
    query: never;
    body: FaceCheckRequest;
    response: FaceCheckResult;
    auth: true;
  };
  "POST /api/me/face/sessions": {
    path: never;
    query: never;
    body: FaceSessionRequest;
    response: FaceSessionResponse;
    auth: true;
  };
  "GET /api/me/health-report": {
    path: never;
    query: never;
    body: never;
    response: HealthReport;
    auth: true;
  };
  "DELETE /api/me/links/{method}": {
    path: { method: string };
    query: never;
    body: UnlinkRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/links/alipay": {
    path: never;
    query: never;
    body: AlipayLoginRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/links/phone": {
    path: never;
    query: never;
    body: BindPhoneBySmsRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/links/wechat": {
    path: never;
    query: never;
    body: WeChatLoginRequest;
    response: AccountDto;
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
  "GET /api/me/offline-cards": {
    path: never;
    query: never;
    body: never;
    response: Array<OfflineCardView>;
    auth: true;
  };
  "POST /api/me/offline-cards": {
    path: never;
    query: never;
    body: IssueCardRequest;
    response: OfflineCardView;
    auth: true;
  };
  "GET /api/me/offline-cards/{id}": {
    path: { id: number };
    query: never;
    body: never;
    response: OfflineCardView;
    auth: true;
  };
  "GET /api/me/offline-cards/{id}/card.pdf": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/offline-cards/{id}/card.png": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/offline-cards/{id}/sheet.pdf": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
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
  "GET /api/me/portrait": {
    path: never;
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "POST /api/me/portrait": {
    path: never;
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "DELETE /api/me/portrait": {
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/me/portrait/authority": {
    path: never;
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "PUT /api/me/portrait/display": {
    path: never;
    query: never;
    body: PortraitDisplayRequest;
    response: PortraitStatus;
    auth: true;
  };
  "GET /api/me/portrait/image": {
    path: never;
    query: never;
    body: never;
    response: void;
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
  "GET /api/me/relatives": {
    path: never;
    query: never;
    body: never;
    response: Array<RelativeView>;
    auth: true;
  };
  "POST /api/me/relatives": {
    path: never;
    query: never;
    body: AddRelativeRequest;
    response: RelativeView;
    auth: true;
  };
  "GET /api/me/relatives/{id}": {
    path: { id: number };
    query: never;
    body: never;
    response: RelativeView;
    auth: true;
  };
  "DELETE /api/me/relatives/{id}": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/relatives/{id}/code": {
    path: { id: number };
    query: never;
    body: never;
    response: CodeView;
    auth: true;
  };
  "GET /api/me/relatives/{id}/code.png": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/relatives/{id}/code.svg": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/me/relatives/{id}/declaration": {
    path: { id: number };
    query: never;
    body: DeclarationRequest;
    response: DeclarationView;
    auth: true;
  };
  "GET /api/me/relatives/{id}/health-report": {
    path: { id: number };
    query: never;
    body: never;
    response: HealthReport;
    auth: true;
  };
  "GET /api/me/relatives/{id}/nucleic-acid-results": {
    path: { id: number };
    query: never;
    body: never;
    response: Array<NucleicAcidView>;
    auth: true;
  };
  "GET /api/me/relatives/{id}/portrait": {
    path: { id: number };
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "POST /api/me/relatives/{id}/portrait": {
    path: { id: number };
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "DELETE /api/me/relatives/{id}/portrait": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/me/relatives/{id}/portrait/authority": {
    path: { id: number };
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "PUT /api/me/relatives/{id}/portrait/display": {
    path: { id: number };
    query: never;
    body: PortraitDisplayRequest;
    response: PortraitStatus;
    auth: true;
  };
  "GET /api/me/relatives/{id}/portrait/image": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/relatives/{id}/vaccinations": {
    path: { id: number };
    query: never;
    body: never;
    response: Array<VaccinationView>;
    auth: true;
  };
  "POST /api/me/relatives/consent-codes": {
    path: never;
    query: never;
    body: ConsentCodeRequest;
    response: ConsentCodeSent;
    auth: true;
  };
  "GET /api/me/relatives/switch": {
    path: never;
    query: never;
    body: never;
    response: Array<SwitchEntry>;
    auth: true;
  };
  "POST /api/me/scan": {
    path: never;
    query: never;
    body: ScanRequest;
    response: ScanResponse;
    auth: true;
  };
  "PUT /api/me/session": {
    path: never;
    query: never;
    body: SessionLifetimeRequest;
    response: SessionLifetimeDto;
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
  "GET /api/offline-cards/revocations": {
    path: never;
    query: never;
    body: never;
    response: RevocationList;
    auth: false;
  };
  "GET /api/portraits/{reference}": {
    path: { reference: string };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters": {
    path: never;
    query: never;
    body: never;
    response: PosterList;
    auth: true;
  };
  "POST /api/posters": {
    path: never;
    query: never;
    body: PosterRequest;
    response: PosterView;
    auth: true;
  };
  "GET /api/posters/{id}": {
    path: { id: number };
    query: never;
    body: never;
    response: PosterView;
    auth: true;
  };
  "DELETE /api/posters/{id}": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters/{id}/alipay-code": {
    path: { id: number };
    query: never;
    body: never;
    response: AlipayCodeView;
    auth: true;
  };
  "GET /api/posters/{id}/check-ins": {
    path: { id: number };
    query: { from?: string; to?: string; page?: number; pageSize?: number };
    body: never;
    response: OwnerCheckIns;
    auth: true;
  };
  "GET /api/posters/{id}/check-ins.csv": {
    path: { id: number };
    query: { from?: string; to?: string };
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters/{id}/poster.pdf": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters/{id}/qr.png": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters/{id}/qr.svg": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/posters/{id}/rotate": {
    path: { id: number };
    query: never;
    body: never;
    response: PosterView;
    auth: true;
  };
  "GET /api/posters/{id}/wechat-code.png": {
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters/poster.pdf": {
    path: never;
    query: { ids?: Array<number> };
    body: never;
    response: void;
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
