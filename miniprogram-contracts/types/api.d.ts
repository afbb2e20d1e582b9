// GENERATED from openapi.json by scripts/generate.mjs — do not edit; run scripts/update-contracts.sh.

/** The caller's own account; phone, name and document number masked. `Logins` lists the login methods of every
account of the same person (this one first). */
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

/** - `active`：正常
- `disabled`：已停用（不能登录）
- `deleted`：已注销 */
export type AccountStatus = "active" | "disabled" | "deleted";

/** Adds a relative. `documentType`: "residentId" (default; `number` is the 18-digit ID number), "passport",
"hkMacaoPermit" or "taiwanPermit" (then `birthDate` and optional `gender`). `declaration` is required
unless proven (`faceToken` or the SMS consent) and the relative has one already. `faceToken` is the relative's
face verification token; a resident-ID relative exempt by age may go without any proof and is then private to the holder's person (any account of it). */
export type AddRelativeRequest = {
  name: string;
  documentType?: null | string;
  number: string;
  birthDate?: null | string;
  gender?: null | string;
  relation?: null | string;
  faceToken?: null | string;
  consent?: null | ConsentRequest;
  declaration?: null | DeclarationRequest;
};

export type AlipayCodeView = {
  qrCodeUrl: string;
  scene: string;
};

export type AlipayLoginRequest = {
  authCode: string;
  stayLoggedIn?: boolean;
};

/** `my.getAuthCode`'s code and what `my.getPhoneNumber` returned. */
export type AlipayPhoneLoginRequest = {
  authCode: string;
  response: string;
  sign: string;
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
  text?: null | string;
  attachmentName?: null | string;
  attachmentBase64?: null | string;
};

/** - `open`：待处理
- `resolved`：已处理（已更正）
- `rejected`：已驳回 */
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

/** The appointment code (预约码) to show at the counter; it lives until the slot ends. */
export type AppointmentCodeView = {
  appointmentId: number;
  payload: string;
  issuedAt: string;
  expiresAt: string;
  /** 码编号 printed under the QR (null without a numbering rule for the category). */
  codeNumber: null | string;
  /** The active 码样式 of the category: QR colours and icon (black on white without one). */
  style: CodeLook;
};

/** 预约信息: one booking as its booker sees it. `status`: booked, cancelled, arrived, noShow; `cancellableUntil`
is when cancelling stops (null once it cannot be cancelled any more). */
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
  phone: string;
  smsCode: string;
  name: string;
  idNumber: string;
  temperature: number;
  remarks?: null | string;
  idempotencyKey: string;
};

/** Someone else who attends (filled from 常用联系人 or typed in): name, resident ID number, optional phone. */
export type AttendeeRequest = {
  name?: null | string;
  idNumber?: null | string;
  phone?: null | string;
};

/** A shown authorisation code (授权码): the signed `MC1:` payload of type authorisation, valid until `expiresAt`. */
export type AuthorisationCodeView = {
  payload: string;
  authorisationId: number;
  matterName: string;
  grantorName: string;
  validFrom: string;
  validTo: string;
  issuedAt: string;
  expiresAt: string;
  /** 码编号 printed under the QR (null without a numbering rule for the category). */
  codeNumber: null | string;
  /** The active 码样式 of the category: QR colours and icon (black on white without one). */
  style: CodeLook;
};

/** One authorisation as the caller sees it. `role`: "grantor" (授权记录) or "grantee" (被授权记录). `state`:
"pending" (待确认), "accepted" (已生效), "declined" (已拒绝) or "expired" (已失效; `endReason` "revoked" or
"date_passed"). Names and documents are masked; `granteeDocumentType`: residentId, passport, hkMacaoPermit or taiwanPermit. `canRespond`: the grantee may accept or decline;
`canRevoke`: the grantor may still revoke (before the first day); `codeAvailable`: the grantee may show
the code now (accepted, today within the dates). */
export type AuthorisationView = {
  id: number;
  role: string;
  matterId: number;
  matterName: string;
  grantorName: string;
  grantorDocument: string;
  granteeName: string;
  granteeDocumentType: string;
  granteeDocument: string;
  granteePhone: null | string;
  validFrom: string;
  validTo: string;
  state: string;
  stateLabel: string;
  endReason: null | string;
  licenceIds: Array<number>;
  createdAt: string;
  respondedAt: null | string;
  endedAt: null | string;
  canRespond: boolean;
  canRevoke: boolean;
  codeAvailable: boolean;
};

/** 企业绑定: the enterprise's name and 统一社会信用代码 (GB 32100-2015, check character verified), and the caller's role:
"legalRepresentative" (法定代表人) or "staff" (员工, proven by the registry's social-insurance record). */
export type BindEnterpriseRequest = {
  name: string;
  creditCode: string;
  role?: null | string;
};

/** 授权关联: `type` is a licence type's `code`; `consent` true binds (授权关联) after the issuer confirmed the
licence is the caller's, false (不授权) stores nothing. */
export type BindLicenceRequest = {
  type: string;
  consent: boolean;
};

/** `bound` false when the caller did not consent (nothing stored); otherwise the bound licence. */
export type BindLicenceResult = {
  bound: boolean;
  licence: null | LicenceView;
};

/** The object `my.getPhoneNumber` returned to the Alipay mini program. */
export type BindPhoneByAlipayRequest = {
  response: string;
  sign: string;
};

export type BindPhoneBySmsRequest = {
  phone: string;
  code: string;
};

export type BindPhoneByWeChatRequest = {
  code: string;
};

/** 确认预约: the slot and the matter; `attendee` when booking for someone else, or `contactId` for one of the
caller's 常用联系人 (manual §2.1.5.3); neither: the caller's own person. */
export type BookRequest = {
  slotId: number;
  matterId: number;
  attendee?: null | AttendeeRequest;
  contactId?: null | number;
};

/** Scan a poster: `payload` is the printed code's text (`MC1:…`) or the mini-program code's scene
    (`P&lt;id&gt;.&lt;token&gt;`); `relativeId` names one of the holder's relatives (as listed by `/api/me/relatives`), omitted for oneself. */
export type CheckInRequest = {
  payload: string;
  relativeId?: null | number;
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

export type CitizenScanApiScanRequest = {
  payload: string;
};

/** Badges shown on the code: nucleic-acid negative window ("24h", "48h", "72h", "7d" or null) and vaccination. */
export type CodeBadges = {
  nucleicAcid: null | string;
  vaccination: VaccinationStatus;
  goldBorder: boolean;
};

/** How a code is drawn: colours "#RRGGBB" and an icon the mini program understands (null = the default). */
export type CodeLook = {
  foreground: string;
  background: string;
  icon: null | string;
};

export type CodeStyle = {
  type: string;
  foreground: string;
  background: string;
  goldBorder: boolean;
  borderColor: null | string;
  /** The icon of the active 码样式 of the category and colour (null = the mini program's own). */
  icon?: null | string;
};

export type CodeSubjectFact = {
  /** A stable machine name (licenceNumber, grantor, hall). */
  name: string;
  /** The Chinese label a counter shows (证照编号, 授权人, 办事大厅). */
  label: string;
  /** The value, already masked where it is personal. */
  value: string;
};

/** What a counter or checkpoint may see about a 一码通 code: never a full name, ID number or phone. */
export type CodeSubjectView = {
  /** What the code stands for: the licence type (居民身份电子凭证), the enterprise name, the matter. */
  title: string;
  /** The person who shows it (张*), masked. */
  maskedHolder: null | string;
  /** The record's state in the feature's words (e.g. "active", "revoked", "arrived"). */
  state: null | string;
  validFrom: null | string;
  validTo: null | string;
  /** Further masked facts in display order (licence number, grantor, hall, slot …). */
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
  /** 码编号 printed under the QR (null without the code engine). */
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

/** The phone of the relative's own account, to send the consent code to. */
export type ConsentCodeRequest = {
  phone: string;
};

/** Sent (always, whether or not the phone belongs to anyone): the phone masked, code lifetime, resend wait. */
export type ConsentCodeSent = {
  phone: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
};

/** `by`: "relative" (the relative agreed) or "guardian" (the holder as guardian; required under 14). `phone` and
`smsCode`: the relative's proof by SMS — the code sent by `POST /api/me/relatives/consent-codes` to a phone of
the relative's own account. */
export type ConsentRequest = {
  by?: null | string;
  confirmed?: boolean;
  phone?: null | string;
  smsCode?: null | string;
};

/** A consent as `GET /api/me/consents` lists it; `active` until withdrawn. */
export type ConsentView = {
  id: number;
  purpose: string;
  textVersion: string;
  givenAt: string;
  withdrawnAt: null | string;
  active: boolean;
  accountId: number;
  thisAccount: boolean;
};

export type ConsultationPhoneDto = {
  regionCode: string;
  name: string;
  phone: string;
};

/** A contact to add or replace: `name` and `idNumber` (18-digit resident ID number, ASCII digits and check digit
as in real-name verification) required, `relation` (≤ 20) and `phone` (mainland mobile) optional. */
export type ContactRequest = {
  name: string;
  relation?: null | string;
  phone?: null | string;
  idNumber: string;
};

/** A contact as its owner sees it: ID number and phone masked. */
export type ContactView = {
  id: number;
  name: string;
  relation: null | string;
  idNumber: string;
  phone: null | string;
  createdAt: string;
  updatedAt: string;
};

/** 发起授权: the grantee by `name` + 18-digit resident `idNumber` (optional `phone`) — or, for a grantee
without a mainland ID card, `name` + `documentType` (`passport`, `hkMacaoPermit` 港澳居民来往内地通行证,
`taiwanPermit` 台湾居民来往大陆通行证; `residentId` or absent means `idNumber`) + `documentNumber`, checked as
in real-name verification — or by `contactId` (one of the caller's 常用联系人) instead; the `matterId` of an enabled matter
(`GET /api/errand-matters`); the first day `validFrom` and the last day `validTo` (same day when left
out), Asia/Shanghai calendar days, from today; optional `licenceIds`: the caller's e-licence bindings to show. */
export type CreateAuthorisationRequest = {
  matterId: number;
  name?: null | string;
  idNumber?: null | string;
  phone?: null | string;
  contactId: number;
  validFrom?: null | string;
  validTo?: null | string;
  licenceIds?: null | Array<number>;
  documentType?: null | string;
  documentNumber?: null | string;
};

export type DeclarationRequest = {
  symptoms: Array<string>;
  temperature: number;
  regionCode: string;
  address: string;
  remarks?: null | string;
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

/** A tag of the code's subject shown in a verify answer: the kind's name only. */
export type DisclosedTag = {
  kindId: number;
  name: string;
};

/** Passport or Mainland Travel Permit (HK/Macao, Taiwan): the birth date is not derivable from the number. */
export type DocumentRealNameRequest = {
  name: string;
  documentType?: null | string;
  number?: null | string;
  birthDate: string;
  gender?: null | string;
  faceToken?: null | string;
};

/** One enterprise the caller is bound to. `status`: active or suspended (its code is then refused). */
export type EnterpriseBindingView = {
  id: number;
  enterpriseName: string;
  creditCode: string;
  regionCode: string;
  role: string;
  status: string;
  boundAt: string;
};

/** The enterprise code (企业码) to show: short-lived, refreshed by asking again; the 码编号 is the enterprise's. */
export type EnterpriseCodeView = {
  bindingId: number;
  payload: string;
  issuedAt: string;
  expiresAt: string;
  /** 码编号 printed under the QR (null without a numbering rule for the category). */
  codeNumber: null | string;
  /** The active 码样式 of the category: QR colours and icon (black on white without one). */
  style: CodeLook;
};

/** A matter citizens may authorise (授权事项). */
export type ErrandMatterView = {
  id: number;
  name: string;
  description: null | string;
  regionCode: string;
};

export type FaceCheckRequest = {
  verificationToken: string;
};

export type FaceCheckResult = {
  verifiedAt: string;
};

/** Starts a face verification. `purpose`: `real_name` (`name` + `idNumber` being claimed),
`relative` (the relative's `name` + `idNumber`, or `relativeId` of one already added),
`face_check` (oneself, before showing a code) or `portrait` (oneself, or `relativeId`). */
export type FaceSessionRequest = {
  purpose?: null | string;
  name?: null | string;
  idNumber?: null | string;
  relativeId?: null | number;
};

/** What the mini program runs the face step with, by `provider`: `wechat` → `userIdKey` for
`wx.startFacialRecognitionVerify` (then send its `verifyResult`); `alipay` → `certifyUrl` for
`my.startAPVerify` (then send `certifyId`); `tencent` → `bizToken` + `url` for the FaceID
SDK (then send `bizToken`); `simulator` → nothing (send `sim:pass`). What is sent goes in the
`faceToken` (or `verificationToken`) of the request that needs the face, before `expiresAt`. */
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

/** A search's answer: the matching questions; when none match (`answered` false), the closest questions, the hot
questions and the region's hotlines instead, and the question is kept for staff. */
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

/** - `codeColour`：健康码颜色
- `personalInfo`：个人信息
- `checkpoint`：卡口核验
- `other`：其他 */
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
  category: FeedbackCategory;
  content: string;
  contactPhone?: null | string;
  regionCode?: null | string;
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

/** `POST /api/codes` (生成权限): a registered application asks for the code of one of its own subjects.
SubjectRef is the application's own identifier of the subject (its venue number, say); the pair
(application, subjectRef) names the subject, so no application can reach another's subjects or a citizen's.
The first call registers the subject from Subject (required then, ignored afterwards: staff
correct subjects in the admin); every call answers the subject's current code. */
export type GenerateCodeRequest = {
  category: string;
  subjectRef?: null | string;
  subject?: null | GenerateSubject;
};

export type GeneratedCode = {
  category: string;
  subjectRef: string;
  /** The platform's id of the subject (a poster's id), for support. */
  subjectId: number;
  payload: string;
  issuedAt: string;
  expiresAt: string;
  /** True when this call registered the subject. */
  created: boolean;
};

/** The subject's facts at its first registration (a venue: name, address, region, type, contact). */
export type GenerateSubject = {
  name?: null | string;
  address?: null | string;
  regionCode?: null | string;
  venueType?: null | string;
  contactName?: null | string;
  contactPhone?: null | string;
};

/** Gives a consent again after a withdrawal (or before first use): `real_name`, `face_verification`, `portrait` or `digital_space`. */
export type GiveConsentRequest = {
  purpose?: null | string;
};

export type HallView = {
  id: number;
  name: string;
  address: string;
  regionCode: string;
  openingHours: string;
};

export type HealthCodesApiVerifyRequest = {
  payload: string;
};

export type HealthCodesApiVerifyResponse = {
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
  tags?: null | Array<DisclosedTag>;
};

/** The four code colours, ordered by severity so that the larger value wins (red &gt; orange &gt; yellow &gt; green).
- `green`：绿码：可自由出入公共场所
- `yellow`：黄码：限制出行
- `orange`：橙码：须配合核查，限制出行（介于黄码与红码之间）
- `red`：红码：集中隔离或居家医学观察 */
export type HealthColor = "green" | "yellow" | "orange" | "red";

/** 健康报告: masked identity, current colour with its history, nucleic-acid and vaccination records. */
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

/** Issue a card for oneself (`relativeId` null) or for one of one's relatives. */
export type IssueCardRequest = {
  relativeId?: null | number;
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

/** The legal basis of processing a tag kind relies on (PIPL art. 13).
- `consent`：取得个人的同意（第十三条第一项）：只在本人有有效的 digital_space 同意时贴标签
- `contract`：订立、履行合同所必需（第二项）
- `statutoryDuty`：履行法定职责或者法定义务所必需（第三项）
- `publicHealthEmergency`：应对突发公共卫生事件所必需（第四项）
- `otherLaw`：法律、行政法规规定的其他情形（第七项） */
export type LegalBasisKind = "consent" | "contract" | "statutoryDuty" | "publicHealthEmergency" | "otherLaw";

/** 出示证照: the signed MC1 code (type `licence`) and when it stops verifying. */
export type LicenceCodeView = {
  licenceId: number;
  typeName: string;
  payload: string;
  expiresAt: string;
  /** 码编号 printed under the QR (null without a numbering rule for the category). */
  codeNumber: null | string;
  /** The active 码样式 of the category: QR colours and icon (black on white without one). */
  style: CodeLook;
};

/** 排序: every bound licence's id exactly once, in the new order. */
export type LicenceOrderRequest = {
  ids: Array<number>;
};

/** A licence type the mini program offers (选择证照类型). `code` is what `POST /api/me/licences` takes. */
export type LicenceTypeView = {
  code: string;
  name: string;
  issuerName: string;
  description: null | string;
  identityCredential: boolean;
};

/** A bound licence as its holder sees it, masked (holder name, licence number). `validTo` null: without end (长期).
`expired`: past its validity (business calendar day), when no code is shown. */
export type LicenceView = {
  id: number;
  type: string;
  typeName: string;
  holder: string;
  licenceNumber: string;
  issuer: string;
  validFrom: string;
  validTo: null | string;
  expired: boolean;
  identityCredential: boolean;
  hasFaceImage: boolean;
  order: number;
  boundAt: string;
};

/** What a line action changed: the accounts whose status changed and how many sessions were ended. */
export type LineActionResult = {
  accountIds: Array<number>;
  sessionsRevoked: number;
};

/** A way into an account, masked: `wechat`, `alipay`, `phone` (SMS) or `password`. */
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

/** A managed site: its scanners of the caller's line, its level below the caller's top sites (0), its direct 下级站点,
its own records and the records of it and every site below it (rolled up). */
export type ManagedSiteView = {
  site: SiteView;
  scanners: Array<ScannerView>;
  level: number;
  subSites: number;
  records: number;
  recordsWithSubSites: number;
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
  siteId?: null | number;
  idNumber?: null | string;
  name?: null | string;
  phone?: null | string;
  password?: null | string;
  role?: null | ScannerRole;
  remarks?: null | string;
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

/** 纠错/异议: the reason, 1 to int DigitalSpaceOptions.MaxTextLength characters. */
export type ObjectionRequest = {
  reason: string;
};

/** - `open`：待处理
- `upheld`：属实：标签已删除
- `rejected`：驳回：标签保留，见答复 */
export type ObjectionStatus = "open" | "upheld" | "rejected";

/** A person's objection as they see it: status, their reason, and the staff answer once decided. */
export type ObjectionView = {
  id: number;
  status: ObjectionStatus;
  reason: string;
  submittedAt: string;
  decidedAt: null | string;
  answer: null | string;
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

/** A visitor as the venue owner sees them: name and phone masked. */
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
  currentPassword?: null | string;
  newPassword: string;
};

export type PasswordLoginRequest = {
  login: string;
  password: string;
  stayLoggedIn?: boolean;
};

export type PasswordRegisterRequest = {
  phone: string;
  code: string;
  password: string;
  username?: null | string;
  stayLoggedIn?: boolean;
};

export type PasswordResetRequest = {
  phone: string;
  code: string;
  newPassword: string;
};

/** Switches between the code alone (`photo: false`) and the code with the portrait photo. */
export type PortraitDisplayRequest = {
  photo: boolean;
};

/** What the owner (or holder) sees about a portrait; the image itself is served separately. */
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

/** - `personal`：个人张贴码
- `institution`：机构张贴码 */
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

/** Apply for (申领) a poster code; the contact phone is a mainland mobile or a landline such as 0431-88881234. */
export type PosterRequest = {
  kind: PosterKind;
  venueName: string;
  address: string;
  regionCode: string;
  venueType: VenueType;
  contactName: string;
  contactPhone: string;
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

/** A poster with what printing needs: the signed payload, the mini-program scene and the download links. */
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
  name: string;
  idNumber: string;
  faceToken?: null | string;
};

/** A relative as their holder sees it: name and document masked. `proof`: "face", "sms" or "none"; `private`
(unproven): the holder sees only what they recorded (check-ins, declarations), not the person's history or results. */
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
  replacementAccountId: number;
};

/** The sites the scanner reports to; whether each may be chosen is checked against the caller's sites by the service. */
export type ReportSitesRequest = {
  siteIds: Array<number>;
};

export type RevocationList = {
  generatedAt: string;
  cards: Array<RevokedCard>;
};

/** One entry of the published revocation list. Offline verifiers match `signedSha256`, the SHA-256 (hex) of the
card's 23 signed bytes, or type + key id + subject + issuedAt: never the text, which a second signature could change.
`payloadSha256` (of the QR text) stays for verifiers written before; it misses a re-encoded card. */
export type RevokedCard = {
  payloadSha256: string;
  signedSha256: string;
  keyId: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string;
};

/** - `scan`：扫码核验：扫描本人的健康码
- `assisted`：辅助登记：为没有小程序的人员代为登记 */
export type ScanKind = "scan" | "assisted";

export type ScannerCheckRequest = {
  siteId?: null | number;
  idNumber?: null | string;
};

export type ScannerCheckResponse = {
  available: boolean;
  idNumber: string;
  allowedRoles: Array<ScannerRole>;
};

export type ScannerLoginRequest = {
  phone: string;
  password: string;
};

export type ScannerLoginResponse = {
  token: string;
  expiresAt: string;
  profile: ScannerProfileView;
};

export type ScannerPasswordChangeRequest = {
  currentPassword: string;
  newPassword: string;
};

/** The logged-in scanner's own profile (个人中心): name in full, phone and ID number masked. */
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

/** 忘记密码: the phone of the scanner account, to send the code to. */
export type ScannerResetCodeRequest = {
  phone: string;
};

/** 码上行动 roles, most senior first: each account creates accounts of a lower role below itself.
- `senior`：高级（可创建中级、普通账号）
- `intermediate`：中级（可创建普通账号）
- `ordinary`：普通（只能扫码） */
export type ScannerRole = "senior" | "intermediate" | "ordinary";

/** A scanner as a manager sees them (扫码员详情): masked ID number, name, masked phone, site, role, status, remarks. */
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
  payload: string;
};

export type ScanRecordPage = {
  items: Array<ScanRecordView>;
  page: number;
  pageSize: number;
  total: number;
};

/** An inspection record: the person's masked name and ID number, temperature, colour after the check, 劝返 flag.
bool ScanRecordView.Replayed is true when a retried submission returned the record stored the first time. */
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
  payload: string;
  temperature: number;
  remarks?: null | string;
  idempotencyKey: string;
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
  stayLoggedIn: boolean;
};

/** Counts of one level of the managed tree (0 = the caller's top sites). */
export type SiteLevelCount = {
  level: number;
  sites: number;
  activeSites: number;
  scanners: number;
  records: number;
};

/** A site to add or edit; `parentId` (adding only): the managed site it goes below, default the scanner's own site. */
export type SiteRequest = {
  name?: null | string;
  regionCode?: null | string;
  address?: null | string;
  remarks?: null | string;
  parentId?: null | number;
};

/** - `active`：启用
- `stopped`：已停用 */
export type SiteStatus = "active" | "stopped";

/** A site; `parentId` is the site it is a 下级站点 of (null for a top site). */
export type SiteView = {
  id: number;
  name: string;
  regionCode: string;
  address: null | string;
  status: SiteStatus;
  organisationId: number;
  organisationName: string;
  remarks: null | string;
  parentId: null | number;
};

/** A bookable slot: `remaining` = capacity − live bookings (0 = full). */
export type SlotView = {
  id: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  remaining: number;
};

export type SmsCodeRequest = {
  phone: string;
  purpose: string;
};

export type SmsCodeSent = {
  expiresInSeconds: number;
  resendAfterSeconds: number;
};

export type SmsLoginRequest = {
  phone: string;
  code: string;
  stayLoggedIn?: boolean;
};

/** One entry of the quick switch list: the holder first (`relativeId` null), then the relatives by slot. */
export type SwitchEntry = {
  relativeId: null | number;
  name: string;
  relation: null | string;
  color: null | HealthColor;
  codePath: string;
};

/** Whose space a tag kind fills (个人数字空间 / 企业数字空间, 一码通 §2.2.9).
- `person`：个人（实名人员；标签挂在人员编号上，不存证件号码）
- `enterprise`：企业 */
export type TagSubjectKind = "person" | "enterprise";

/** One of the caller's own tags (数字空间): kind, source, purpose, legal basis, times and the latest objection. */
export type TagView = {
  id: number;
  kindId: number;
  kind: string;
  subjectKind: TagSubjectKind;
  source: string;
  purpose: string;
  basisKind: LegalBasisKind;
  basisReference: null | string;
  attachedAt: string;
  expiresAt: string;
  removed: boolean;
  objection: null | ObjectionView;
};

/** - `checkpoint`：卡口测温
- `declaration`：健康申报时填写 */
export type TemperatureSource = "checkpoint" | "declaration";

/** A temperature as the history shows it: source `checkpoint` (on-site reading) or `declaration`. */
export type TemperatureView = {
  celsius: number;
  source: TemperatureSource;
  measuredAt: string;
};

/** Proof for unlinking: a `wx.login` code (wechat), an Alipay auth code (alipay) or an SMS code of purpose bind sent to the phone (phone). */
export type UnlinkRequest = {
  code: string;
};

export type UnreadCount = {
  count: number;
};

/** - `none`：未接种
- `partial`：未全程接种
- `full`：已全程接种 */
export type VaccinationStatus = "none" | "partial" | "full";

export type VaccinationView = {
  dose: number;
  vaccinatedOn: string;
  product: string;
  completesSeries: boolean;
};

/** Kinds of venue (NHS venue types, trimmed to what Chinese venue systems ask for).
- `shop`：商超店铺
- `restaurant`：餐饮
- `office`：写字楼办公
- `factory`：工厂
- `school`：学校
- `hospital`：医疗机构
- `hotel`：宾馆酒店
- `transport`：交通场站
- `residential`：居民小区
- `entertainment`：娱乐场所
- `government`：机关单位
- `religious`：宗教场所
- `event`：活动会场
- `other`：其他 */
export type VenueType = "shop" | "restaurant" | "office" | "factory" | "school" | "hospital" | "hotel" | "transport" | "residential" | "entertainment" | "government" | "religious" | "event" | "other";

export type VenueView = {
  posterId: number;
  venueName: string;
  address: string;
  regionCode: string;
  venueType: VenueType;
  kind: PosterKind;
};

export type WeChatLoginRequest = {
  code: string;
  stayLoggedIn?: boolean;
};

export type WeChatOpenDataRequest = {
  rawData?: null | string;
  signature?: null | string;
  encryptedData?: null | string;
  iv?: null | string;
};

/** `verified` is true when every part sent checked out; `data` is the decrypted object when encryptedData was sent. */
export type WeChatOpenDataResponse = {
  verified: boolean;
  data: null | JsonElement;
};

/** 微信手机号快速验证: the `wx.login` code and the `getPhoneNumber` button's code. */
export type WeChatPhoneLoginRequest = {
  loginCode: string;
  phoneCode: string;
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
  | "codes.application_rate_limited"
  | "codes.applications_only"
  | "codes.category_not_permitted"
  | "codes.declaration_required"
  | "codes.face_check_required"
  | "codes.generate_not_permitted"
  | "codes.generation_unsupported"
  | "codes.issuer_keys_unavailable"
  | "codes.verify_not_permitted"
  | "common.conflict"
  | "common.internal_error"
  | "common.method_not_allowed"
  | "common.not_found"
  | "common.rate_limited"
  | "common.unavailable"
  | "contacts.already_added"
  | "contacts.limit_reached"
  | "contacts.not_found"
  | "declaration.too_soon"
  | "digitalspace.objection_not_found"
  | "digitalspace.objection_not_open"
  | "digitalspace.objection_open"
  | "digitalspace.tag_not_found"
  | "digitalspace.tag_removed"
  | "enterprises.already_bound"
  | "enterprises.limit_reached"
  | "enterprises.not_found"
  | "enterprises.not_verified"
  | "enterprises.registry_unavailable"
  | "enterprises.suspended"
  | "errands.already_granted"
  | "errands.code_unavailable"
  | "errands.limit_reached"
  | "errands.not_found"
  | "errands.not_pending"
  | "errands.revoke_not_allowed"
  | "errands.self"
  | "feedback.too_many"
  | "form.not_found"
  | "identity.account_disabled"
  | "identity.account_locked"
  | "identity.account_not_found"
  | "identity.already_verified"
  | "identity.consent_not_found"
  | "identity.consent_withdrawn"
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
  | "imports.not_pending"
  | "imports.second_approver_required"
  | "jobs.scheduler_not_running"
  | "jobs.unknown"
  | "licences.bound_elsewhere"
  | "licences.busy"
  | "licences.expired"
  | "licences.holder_mismatch"
  | "licences.issuer_unavailable"
  | "licences.limit_reached"
  | "licences.not_found"
  | "licences.not_issued"
  | "licences.order_mismatch"
  | "licences.type_not_found"
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
  | "rendering.unavailable"
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
    /** 大厅的预约时段 */
    path: { id: number };
    query: { From?: string; Days?: number };
    body: never;
    response: Array<SlotView>;
    auth: false;
  };
  "GET /api/appointments/matters": {
    /** 预约事项 */
    path: never;
    query: never;
    body: never;
    response: Array<MatterView>;
    auth: false;
  };
  "GET /api/appointments/matters/{id}/halls": {
    /** 办理该事项的大厅 */
    path: { id: number };
    query: never;
    body: never;
    response: Array<HallView>;
    auth: false;
  };
  "POST /api/auth/alipay/login": {
    /** 支付宝登录 */
    path: never;
    query: never;
    body: AlipayLoginRequest;
    response: LoginResponse;
    auth: false;
  };
  "POST /api/auth/alipay/phone-login": {
    /** 支付宝手机号一键登录 */
    path: never;
    query: never;
    body: AlipayPhoneLoginRequest;
    response: LoginResponse;
    auth: false;
  };
  "POST /api/auth/logout": {
    /** 退出登录 */
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/auth/password/login": {
    /** 用户名（或手机号）密码登录 */
    path: never;
    query: never;
    body: PasswordLoginRequest;
    response: LoginResponse;
    auth: false;
  };
  "POST /api/auth/password/register": {
    /** 用户名密码注册 */
    path: never;
    query: never;
    body: PasswordRegisterRequest;
    response: LoginResponse;
    auth: false;
  };
  "POST /api/auth/password/reset": {
    /** 找回密码 */
    path: never;
    query: never;
    body: PasswordResetRequest;
    response: void;
    auth: false;
  };
  "POST /api/auth/sms/login": {
    /** 短信验证码登录 */
    path: never;
    query: never;
    body: SmsLoginRequest;
    response: LoginResponse;
    auth: false;
  };
  "POST /api/auth/wechat/login": {
    /** 微信登录 */
    path: never;
    query: never;
    body: WeChatLoginRequest;
    response: LoginResponse;
    auth: false;
  };
  "POST /api/auth/wechat/phone-login": {
    /** 微信手机号一键登录 */
    path: never;
    query: never;
    body: WeChatPhoneLoginRequest;
    response: LoginResponse;
    auth: false;
  };
  "GET /api/authority/imports/{id}": {
    /** 导入结果 */
    path: { id: number };
    query: never;
    body: never;
    response: ImportSummary;
    auth: true;
  };
  "GET /api/authority/imports/{id}/rejected.csv": {
    /** 被拒绝的行（CSV） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/authority/imports/{kind}": {
    /** 卫健数据导入 */
    path: { kind: string };
    query: never;
    body: never;
    response: ImportSummary;
    auth: true;
  };
  "GET /api/check-ins": {
    /** 我的签到记录 */
    path: never;
    query: { relativeId?: number };
    body: never;
    response: MyCheckIns;
    auth: true;
  };
  "POST /api/check-ins": {
    /** 扫场所码签到 */
    path: never;
    query: never;
    body: CheckInRequest;
    response: CheckInView;
    auth: true;
  };
  "POST /api/checkpoint/assisted-registrations": {
    /** 辅助登记 */
    path: never;
    query: never;
    body: AssistedRegistrationRequest;
    response: ScanRecordView;
    auth: true;
  };
  "POST /api/checkpoint/login": {
    /** 扫码员登录 */
    path: never;
    query: never;
    body: ScannerLoginRequest;
    response: ScannerLoginResponse;
    auth: false;
  };
  "POST /api/checkpoint/logout": {
    /** 扫码员退出 */
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/checkpoint/me": {
    /** 扫码员信息 */
    path: never;
    query: never;
    body: never;
    response: ScannerProfileView;
    auth: true;
  };
  "POST /api/checkpoint/me/password": {
    /** 扫码员修改密码 */
    path: never;
    query: never;
    body: ScannerPasswordChangeRequest;
    response: void;
    auth: true;
  };
  "GET /api/checkpoint/me/report-sites": {
    /** 上报站点 */
    path: never;
    query: never;
    body: never;
    response: Array<SiteView>;
    auth: true;
  };
  "PUT /api/checkpoint/me/report-sites": {
    /** 设置上报站点 */
    path: never;
    query: never;
    body: ReportSitesRequest;
    response: Array<SiteView>;
    auth: true;
  };
  "GET /api/checkpoint/me/report-sites/options": {
    /** 可选的上报站点 */
    path: never;
    query: never;
    body: never;
    response: Array<SiteView>;
    auth: true;
  };
  "POST /api/checkpoint/password-reset/confirm": {
    /** 扫码员忘记密码：设置新密码 */
    path: never;
    query: never;
    body: PasswordResetRequest;
    response: void;
    auth: false;
  };
  "POST /api/checkpoint/password-reset/sms": {
    /** 扫码员忘记密码：发送验证码 */
    path: never;
    query: never;
    body: ScannerResetCodeRequest;
    response: SmsCodeSent;
    auth: false;
  };
  "GET /api/checkpoint/records": {
    /** 排查记录 */
    path: never;
    query: { organisationId?: number; siteId?: number; idNumber?: string; page?: number };
    body: never;
    response: ScanRecordPage;
    auth: true;
  };
  "GET /api/checkpoint/records/{id}": {
    /** 排查记录详情 */
    path: { id: number };
    query: never;
    body: never;
    response: ScanRecordView;
    auth: true;
  };
  "GET /api/checkpoint/scanners": {
    /** 下级扫码员 */
    path: never;
    query: never;
    body: never;
    response: Array<ScannerView>;
    auth: true;
  };
  "POST /api/checkpoint/scanners": {
    /** 新增扫码员 */
    path: never;
    query: never;
    body: NewScannerRequest;
    response: ScannerView;
    auth: true;
  };
  "GET /api/checkpoint/scanners/{id}": {
    /** 扫码员详情 */
    path: { id: number };
    query: never;
    body: never;
    response: ScannerView;
    auth: true;
  };
  "POST /api/checkpoint/scanners/{id}/disable": {
    /** 停用扫码员 */
    path: { id: number };
    query: never;
    body: never;
    response: LineActionResult;
    auth: true;
  };
  "POST /api/checkpoint/scanners/{id}/disable-line": {
    /** 停用条线 */
    path: { id: number };
    query: never;
    body: never;
    response: LineActionResult;
    auth: true;
  };
  "POST /api/checkpoint/scanners/{id}/enable": {
    /** 启用扫码员 */
    path: { id: number };
    query: never;
    body: never;
    response: ScannerView;
    auth: true;
  };
  "POST /api/checkpoint/scanners/{id}/replace": {
    /** 替换扫码员 */
    path: { id: number };
    query: never;
    body: ReplaceScannerRequest;
    response: ScannerView;
    auth: true;
  };
  "POST /api/checkpoint/scanners/check": {
    /** 新增扫码员前检查 */
    path: never;
    query: never;
    body: ScannerCheckRequest;
    response: ScannerCheckResponse;
    auth: true;
  };
  "POST /api/checkpoint/scans": {
    /** 扫码核验并登记体温 */
    path: never;
    query: never;
    body: ScanRequest;
    response: ScanRecordView;
    auth: true;
  };
  "POST /api/checkpoint/scans/preview": {
    /** 扫码预览 */
    path: never;
    query: never;
    body: ScanPreviewRequest;
    response: ScanPreview;
    auth: true;
  };
  "GET /api/checkpoint/sites": {
    /** 所管站点 */
    path: never;
    query: never;
    body: never;
    response: Array<ManagedSiteView>;
    auth: true;
  };
  "POST /api/checkpoint/sites": {
    /** 新增下级站点 */
    path: never;
    query: never;
    body: SiteRequest;
    response: SiteView;
    auth: true;
  };
  "PUT /api/checkpoint/sites/{id}": {
    /** 修改站点 */
    path: { id: number };
    query: never;
    body: SiteRequest;
    response: SiteView;
    auth: true;
  };
  "POST /api/checkpoint/sites/{id}/stop": {
    /** 停用站点 */
    path: { id: number };
    query: never;
    body: never;
    response: LineActionResult;
    auth: true;
  };
  "GET /api/checkpoint/sites/levels": {
    /** 下级站点数量（按层级） */
    path: never;
    query: never;
    body: never;
    response: Array<SiteLevelCount>;
    auth: true;
  };
  "POST /api/codes": {
    /** 应用生码 */
    path: never;
    query: never;
    body: GenerateCodeRequest;
    response: GeneratedCode;
    auth: true;
  };
  "POST /api/codes/verify": {
    /** 验码 */
    path: never;
    query: never;
    body: HealthCodesApiVerifyRequest;
    response: HealthCodesApiVerifyResponse;
    auth: true;
  };
  "GET /api/errand-matters": {
    /** 授权事项 */
    path: never;
    query: { region?: string };
    body: never;
    response: Array<ErrandMatterView>;
    auth: false;
  };
  "GET /api/faq": {
    /** 常见问题首页 */
    path: never;
    query: { region?: string };
    body: never;
    response: FaqHomeDto;
    auth: false;
  };
  "GET /api/faq/search": {
    /** 搜索常见问题（在线咨询） */
    path: never;
    query: { q?: string; region?: string };
    body: never;
    response: FaqSearchAnswer;
    auth: false;
  };
  "GET /api/feedback": {
    /** 我的反馈 */
    path: never;
    query: never;
    body: never;
    response: Array<FeedbackItemDto>;
    auth: true;
  };
  "POST /api/feedback": {
    /** 提交纠错反馈 */
    path: never;
    query: never;
    body: FeedbackRequest;
    response: FeedbackReceipt;
    auth: true;
  };
  "GET /api/forms": {
    /** 可填写的表单 */
    path: never;
    query: { region?: string };
    body: never;
    response: Array<FormDto>;
    auth: false;
  };
  "GET /api/forms/{id}": {
    /** 表单详情 */
    path: { id: number };
    query: never;
    body: never;
    response: FormDto;
    auth: false;
  };
  "POST /api/forms/{id}/submissions": {
    /** 提交表单 */
    path: { id: number };
    query: never;
    body: Record<string, unknown>;
    response: FormReceipt;
    auth: true;
  };
  "GET /api/home/announcements": {
    /** 首页资讯 */
    path: never;
    query: { region?: string };
    body: never;
    response: Array<AnnouncementDto>;
    auth: false;
  };
  "GET /api/home/service-links": {
    /** 首页便民服务入口 */
    path: never;
    query: { region?: string };
    body: never;
    response: Array<ServiceLinkDto>;
    auth: false;
  };
  "GET /api/keys": {
    /** 验码公钥（JWKS） */
    path: never;
    query: never;
    body: never;
    response: JsonWebKeySet;
    auth: false;
  };
  "GET /api/licence-types": {
    /** 证照类型 */
    path: never;
    query: never;
    body: never;
    response: Array<LicenceTypeView>;
    auth: false;
  };
  "GET /api/me": {
    /** 我的账号 */
    path: never;
    query: never;
    body: never;
    response: AccountDto;
    auth: true;
  };
  "DELETE /api/me": {
    /** 注销账号 */
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/appeals": {
    /** 我的申诉 */
    path: never;
    query: never;
    body: never;
    response: Array<AppealView>;
    auth: true;
  };
  "POST /api/me/appeals": {
    /** 提交码色申诉 */
    path: never;
    query: never;
    body: AppealRequest;
    response: AppealView;
    auth: true;
  };
  "GET /api/me/appointments": {
    /** 我的预约（预约信息） */
    path: never;
    query: never;
    body: never;
    response: Array<AppointmentView>;
    auth: true;
  };
  "POST /api/me/appointments": {
    /** 预约 */
    path: never;
    query: never;
    body: BookRequest;
    response: AppointmentView;
    auth: true;
  };
  "GET /api/me/appointments/{id}": {
    /** 预约详情 */
    path: { id: number };
    query: never;
    body: never;
    response: AppointmentView;
    auth: true;
  };
  "POST /api/me/appointments/{id}/cancel": {
    /** 取消预约 */
    path: { id: number };
    query: never;
    body: never;
    response: AppointmentView;
    auth: true;
  };
  "GET /api/me/appointments/{id}/code": {
    /** 预约码 */
    path: { id: number };
    query: never;
    body: never;
    response: AppointmentCodeView;
    auth: true;
  };
  "GET /api/me/appointments/{id}/code.png": {
    /** 预约码（PNG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/appointments/{id}/code.svg": {
    /** 预约码（SVG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/code": {
    /** 亮码 */
    path: never;
    query: never;
    body: never;
    response: CodeView;
    auth: true;
  };
  "GET /api/me/code.png": {
    /** 亮码（PNG 图片） */
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/code.svg": {
    /** 亮码（SVG 图片） */
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/consents": {
    /** 我的个人信息授权 */
    path: never;
    query: never;
    body: never;
    response: Array<ConsentView>;
    auth: true;
  };
  "POST /api/me/consents": {
    /** 同意个人信息处理 */
    path: never;
    query: never;
    body: GiveConsentRequest;
    response: ConsentView;
    auth: true;
  };
  "DELETE /api/me/consents/{purpose}": {
    /** 撤回个人信息处理同意 */
    path: { purpose: string };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/contacts": {
    /** 常用联系人 */
    path: never;
    query: never;
    body: never;
    response: Array<ContactView>;
    auth: true;
  };
  "POST /api/me/contacts": {
    /** 添加常用联系人 */
    path: never;
    query: never;
    body: ContactRequest;
    response: ContactView;
    auth: true;
  };
  "GET /api/me/contacts/{id}": {
    /** 常用联系人详情 */
    path: { id: number };
    query: never;
    body: never;
    response: ContactView;
    auth: true;
  };
  "PUT /api/me/contacts/{id}": {
    /** 修改常用联系人 */
    path: { id: number };
    query: never;
    body: ContactRequest;
    response: ContactView;
    auth: true;
  };
  "DELETE /api/me/contacts/{id}": {
    /** 删除常用联系人 */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/declaration": {
    /** 我的健康申报 */
    path: never;
    query: never;
    body: never;
    response: DeclarationView;
    auth: true;
  };
  "POST /api/me/declaration": {
    /** 提交或修改健康申报 */
    path: never;
    query: never;
    body: DeclarationRequest;
    response: DeclarationView;
    auth: true;
  };
  "GET /api/me/enterprises": {
    /** 我绑定的企业 */
    path: never;
    query: never;
    body: never;
    response: Array<EnterpriseBindingView>;
    auth: true;
  };
  "POST /api/me/enterprises": {
    /** 绑定企业 */
    path: never;
    query: never;
    body: BindEnterpriseRequest;
    response: EnterpriseBindingView;
    auth: true;
  };
  "DELETE /api/me/enterprises/{id}": {
    /** 企业解绑 */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/enterprises/{id}/code": {
    /** 出示企业码 */
    path: { id: number };
    query: never;
    body: never;
    response: EnterpriseCodeView;
    auth: true;
  };
  "GET /api/me/enterprises/{id}/code.png": {
    /** 出示企业码（PNG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/enterprises/{id}/code.svg": {
    /** 出示企业码（SVG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/me/errands": {
    /** 授权他人办事 */
    path: never;
    query: never;
    body: CreateAuthorisationRequest;
    response: AuthorisationView;
    auth: true;
  };
  "GET /api/me/errands/granted": {
    /** 授权记录 */
    path: never;
    query: never;
    body: never;
    response: Array<AuthorisationView>;
    auth: true;
  };
  "GET /api/me/errands/granted/{id}": {
    /** 授权记录详情 */
    path: { id: number };
    query: never;
    body: never;
    response: AuthorisationView;
    auth: true;
  };
  "POST /api/me/errands/granted/{id}/revoke": {
    /** 撤销授权 */
    path: { id: number };
    query: never;
    body: never;
    response: AuthorisationView;
    auth: true;
  };
  "GET /api/me/errands/received": {
    /** 被授权记录 */
    path: never;
    query: never;
    body: never;
    response: Array<AuthorisationView>;
    auth: true;
  };
  "GET /api/me/errands/received/{id}": {
    /** 被授权记录详情 */
    path: { id: number };
    query: never;
    body: never;
    response: AuthorisationView;
    auth: true;
  };
  "POST /api/me/errands/received/{id}/accept": {
    /** 接受授权 */
    path: { id: number };
    query: never;
    body: never;
    response: AuthorisationView;
    auth: true;
  };
  "GET /api/me/errands/received/{id}/code": {
    /** 出示授权码 */
    path: { id: number };
    query: never;
    body: never;
    response: AuthorisationCodeView;
    auth: true;
  };
  "GET /api/me/errands/received/{id}/code.png": {
    /** 出示授权码（PNG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/errands/received/{id}/code.svg": {
    /** 出示授权码（SVG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/me/errands/received/{id}/decline": {
    /** 拒绝授权 */
    path: { id: number };
    query: never;
    body: never;
    response: AuthorisationView;
    auth: true;
  };
  "POST /api/me/face-check": {
    /** 亮码前人脸核验 */
    path: never;
    query: never;
    body: FaceCheckRequest;
    response: FaceCheckResult;
    auth: true;
  };
  "POST /api/me/face/sessions": {
    /** 开始人脸核验 */
    path: never;
    query: never;
    body: FaceSessionRequest;
    response: FaceSessionResponse;
    auth: true;
  };
  "GET /api/me/health-report": {
    /** 我的健康报告 */
    path: never;
    query: never;
    body: never;
    response: HealthReport;
    auth: true;
  };
  "GET /api/me/licences": {
    /** 我的电子证照 */
    path: never;
    query: never;
    body: never;
    response: Array<LicenceView>;
    auth: true;
  };
  "POST /api/me/licences": {
    /** 授权关联证照 */
    path: never;
    query: never;
    body: BindLicenceRequest;
    response: BindLicenceResult;
    auth: true;
  };
  "GET /api/me/licences/{id}": {
    /** 证照详情 */
    path: { id: number };
    query: never;
    body: never;
    response: LicenceView;
    auth: true;
  };
  "DELETE /api/me/licences/{id}": {
    /** 解除绑定 */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/licences/{id}/code": {
    /** 出示证照 */
    path: { id: number };
    query: never;
    body: never;
    response: LicenceCodeView;
    auth: true;
  };
  "GET /api/me/licences/{id}/code.png": {
    /** 出示证照（PNG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/licences/{id}/code.svg": {
    /** 出示证照（SVG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "PUT /api/me/licences/order": {
    /** 证照排序 */
    path: never;
    query: never;
    body: LicenceOrderRequest;
    response: Array<LicenceView>;
    auth: true;
  };
  "DELETE /api/me/links/{method}": {
    /** 解除登录方式 */
    path: { method: string };
    query: never;
    body: UnlinkRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/links/alipay": {
    /** 关联支付宝 */
    path: never;
    query: never;
    body: AlipayLoginRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/links/phone": {
    /** 短信绑定手机号 */
    path: never;
    query: never;
    body: BindPhoneBySmsRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/links/wechat": {
    /** 关联微信 */
    path: never;
    query: never;
    body: WeChatLoginRequest;
    response: AccountDto;
    auth: true;
  };
  "GET /api/me/notices": {
    /** 消息中心 */
    path: never;
    query: { before?: number; take?: number };
    body: never;
    response: NoticePage;
    auth: true;
  };
  "POST /api/me/notices/{id}/read": {
    /** 标记已读 */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/notices/unread-count": {
    /** 未读消息数 */
    path: never;
    query: never;
    body: never;
    response: UnreadCount;
    auth: true;
  };
  "GET /api/me/nucleic-acid-results": {
    /** 我的核酸检测结果 */
    path: never;
    query: never;
    body: never;
    response: Array<NucleicAcidView>;
    auth: true;
  };
  "GET /api/me/offline-cards": {
    /** 我的离线码 */
    path: never;
    query: never;
    body: never;
    response: Array<OfflineCardView>;
    auth: true;
  };
  "POST /api/me/offline-cards": {
    /** 申领离线码 */
    path: never;
    query: never;
    body: IssueCardRequest;
    response: OfflineCardView;
    auth: true;
  };
  "GET /api/me/offline-cards/{id}": {
    /** 离线码详情 */
    path: { id: number };
    query: never;
    body: never;
    response: OfflineCardView;
    auth: true;
  };
  "GET /api/me/offline-cards/{id}/card.pdf": {
    /** 离线码卡片（A6 PDF） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/offline-cards/{id}/card.png": {
    /** 离线码卡片（PNG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/offline-cards/{id}/sheet.pdf": {
    /** 离线码卡片（A4 四联 PDF） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/me/password": {
    /** 修改密码 */
    path: never;
    query: never;
    body: PasswordChangeRequest;
    response: void;
    auth: true;
  };
  "POST /api/me/phone/alipay": {
    /** 支付宝绑定手机号 */
    path: never;
    query: never;
    body: BindPhoneByAlipayRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/phone/sms": {
    /** 短信绑定手机号 */
    path: never;
    query: never;
    body: BindPhoneBySmsRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/phone/wechat": {
    /** 微信绑定手机号 */
    path: never;
    query: never;
    body: BindPhoneByWeChatRequest;
    response: AccountDto;
    auth: true;
  };
  "GET /api/me/portrait": {
    /** 我的人像状态 */
    path: never;
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "POST /api/me/portrait": {
    /** 上传人像 */
    path: never;
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "DELETE /api/me/portrait": {
    /** 删除人像 */
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/me/portrait/authority": {
    /** 从权威来源获取人像 */
    path: never;
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "PUT /api/me/portrait/display": {
    /** 人像是否在核验时显示 */
    path: never;
    query: never;
    body: PortraitDisplayRequest;
    response: PortraitStatus;
    auth: true;
  };
  "GET /api/me/portrait/image": {
    /** 我的人像图片 */
    path: never;
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/me/real-name": {
    /** 实名认证（居民身份证） */
    path: never;
    query: never;
    body: RealNameRequest;
    response: AccountDto;
    auth: true;
  };
  "POST /api/me/real-name/document": {
    /** 实名认证（护照、港澳台通行证） */
    path: never;
    query: never;
    body: DocumentRealNameRequest;
    response: AccountDto;
    auth: true;
  };
  "GET /api/me/relatives": {
    /** 我的亲友 */
    path: never;
    query: never;
    body: never;
    response: Array<RelativeView>;
    auth: true;
  };
  "POST /api/me/relatives": {
    /** 添加亲友 */
    path: never;
    query: never;
    body: AddRelativeRequest;
    response: RelativeView;
    auth: true;
  };
  "GET /api/me/relatives/{id}": {
    /** 亲友详情 */
    path: { id: number };
    query: never;
    body: never;
    response: RelativeView;
    auth: true;
  };
  "DELETE /api/me/relatives/{id}": {
    /** 删除亲友 */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/relatives/{id}/code": {
    /** 亲友亮码 */
    path: { id: number };
    query: never;
    body: never;
    response: CodeView;
    auth: true;
  };
  "GET /api/me/relatives/{id}/code.png": {
    /** 亲友亮码（PNG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/relatives/{id}/code.svg": {
    /** 亲友亮码（SVG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/me/relatives/{id}/declaration": {
    /** 为亲友申报 */
    path: { id: number };
    query: never;
    body: DeclarationRequest;
    response: DeclarationView;
    auth: true;
  };
  "GET /api/me/relatives/{id}/health-report": {
    /** 亲友健康报告 */
    path: { id: number };
    query: never;
    body: never;
    response: HealthReport;
    auth: true;
  };
  "GET /api/me/relatives/{id}/nucleic-acid-results": {
    /** 亲友核酸检测结果 */
    path: { id: number };
    query: never;
    body: never;
    response: Array<NucleicAcidView>;
    auth: true;
  };
  "GET /api/me/relatives/{id}/portrait": {
    /** 亲友人像状态 */
    path: { id: number };
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "POST /api/me/relatives/{id}/portrait": {
    /** 上传亲友人像 */
    path: { id: number };
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "DELETE /api/me/relatives/{id}/portrait": {
    /** 删除亲友人像 */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/me/relatives/{id}/portrait/authority": {
    /** 从权威来源获取亲友人像 */
    path: { id: number };
    query: never;
    body: never;
    response: PortraitStatus;
    auth: true;
  };
  "PUT /api/me/relatives/{id}/portrait/display": {
    /** 亲友人像是否在核验时显示 */
    path: { id: number };
    query: never;
    body: PortraitDisplayRequest;
    response: PortraitStatus;
    auth: true;
  };
  "GET /api/me/relatives/{id}/portrait/image": {
    /** 亲友人像图片 */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/me/relatives/{id}/vaccinations": {
    /** 亲友疫苗接种记录 */
    path: { id: number };
    query: never;
    body: never;
    response: Array<VaccinationView>;
    auth: true;
  };
  "POST /api/me/relatives/consent-codes": {
    /** 发送亲友同意短信 */
    path: never;
    query: never;
    body: ConsentCodeRequest;
    response: ConsentCodeSent;
    auth: true;
  };
  "GET /api/me/relatives/switch": {
    /** 切换亲友码 */
    path: never;
    query: never;
    body: never;
    response: Array<SwitchEntry>;
    auth: true;
  };
  "POST /api/me/scan": {
    /** 扫一扫（核验他人健康码） */
    path: never;
    query: never;
    body: CitizenScanApiScanRequest;
    response: ScanResponse;
    auth: true;
  };
  "PUT /api/me/session": {
    /** 登录设置 */
    path: never;
    query: never;
    body: SessionLifetimeRequest;
    response: SessionLifetimeDto;
    auth: true;
  };
  "GET /api/me/tags": {
    /** 我的数字空间标签 */
    path: never;
    query: never;
    body: never;
    response: Array<TagView>;
    auth: true;
  };
  "GET /api/me/tags/{id}/objection": {
    /** 标签异议处理结果 */
    path: { id: number };
    query: never;
    body: never;
    response: ObjectionView;
    auth: true;
  };
  "POST /api/me/tags/{id}/objection": {
    /** 对标签提出异议（纠错） */
    path: { id: number };
    query: never;
    body: ObjectionRequest;
    response: ObjectionView;
    auth: true;
  };
  "GET /api/me/vaccinations": {
    /** 我的疫苗接种记录 */
    path: never;
    query: never;
    body: never;
    response: Array<VaccinationView>;
    auth: true;
  };
  "POST /api/me/wechat/open-data": {
    /** 校验并解密微信开放数据 */
    path: never;
    query: never;
    body: WeChatOpenDataRequest;
    response: WeChatOpenDataResponse;
    auth: true;
  };
  "GET /api/offline-cards/revocations": {
    /** 离线码吊销列表 */
    path: never;
    query: never;
    body: never;
    response: RevocationList;
    auth: false;
  };
  "GET /api/portraits/{reference}": {
    /** 核验端取人像 */
    path: { reference: string };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters": {
    /** 我的张贴码 */
    path: never;
    query: never;
    body: never;
    response: PosterList;
    auth: true;
  };
  "POST /api/posters": {
    /** 申请张贴码 */
    path: never;
    query: never;
    body: PosterRequest;
    response: PosterView;
    auth: true;
  };
  "GET /api/posters/{id}": {
    /** 张贴码详情 */
    path: { id: number };
    query: never;
    body: never;
    response: PosterView;
    auth: true;
  };
  "DELETE /api/posters/{id}": {
    /** 删除张贴码 */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters/{id}/alipay-code": {
    /** 支付宝小程序码 */
    path: { id: number };
    query: never;
    body: never;
    response: AlipayCodeView;
    auth: true;
  };
  "GET /api/posters/{id}/check-ins": {
    /** 到访记录 */
    path: { id: number };
    query: { from?: string; to?: string; page?: number; pageSize?: number };
    body: never;
    response: OwnerCheckIns;
    auth: true;
  };
  "GET /api/posters/{id}/check-ins.csv": {
    /** 到访记录（CSV） */
    path: { id: number };
    query: { from?: string; to?: string };
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters/{id}/poster.pdf": {
    /** 张贴码海报（PDF） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters/{id}/qr.png": {
    /** 张贴码二维码（PNG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters/{id}/qr.svg": {
    /** 张贴码二维码（SVG） */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/posters/{id}/rotate": {
    /** 更换张贴码 */
    path: { id: number };
    query: never;
    body: never;
    response: PosterView;
    auth: true;
  };
  "GET /api/posters/{id}/wechat-code.png": {
    /** 微信小程序码 */
    path: { id: number };
    query: never;
    body: never;
    response: void;
    auth: true;
  };
  "GET /api/posters/poster.pdf": {
    /** 批量打印张贴码（PDF） */
    path: never;
    query: { ids?: Array<number> };
    body: never;
    response: void;
    auth: true;
  };
  "POST /api/sms/codes": {
    /** 发送短信验证码 */
    path: never;
    query: never;
    body: SmsCodeRequest;
    response: SmsCodeSent;
    auth: false;
  };
}
