// Offline verification of MiniCode MC1 codes (qr-payload.md) for checkpoint mini programs: pure JS, no native code.
// The same order and reasons as the server: malformed, unknown_key, bad_signature, expired, revoked (offline cards,
// from the published revocation list) and, for posters, not_a_poster. Signatures must be low-S (qr-payload.md).
// 一码通 codes (types 4–7: licence, enterprise, authorisation, appointment) verify offline as far as signature and
// expiry go; whether the record behind one is still live (bound, in effect, booked) only POST /api/codes/verify knows.
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';

export type Reason = 'malformed' | 'unknown_key' | 'bad_signature' | 'expired' | 'revoked';
export type PosterReason = Exclude<Reason, 'revoked'> | 'not_a_poster';
export type SubjectCodeType = 'licence' | 'enterprise' | 'authorisation' | 'appointment';
export type CodeType = 'health_code' | 'offline_card' | 'poster' | SubjectCodeType;
export type Color = 'green' | 'yellow' | 'orange' | 'red';

/** One key of `GET /api/keys` (a JSON Web Key Set). */
export interface Jwk { kty: string; crv: string; x: string; y: string; kid: string; use?: string; alg?: string }
export interface Jwks { keys: Jwk[] }

/** `GET /api/offline-cards/revocations`: entries match by `signedSha256`, the SHA-256 (hex) of bytes 0–22. */
export interface RevocationList {
  generatedAt: string;
  cards: { signedSha256: string; keyId: string; issuedAt: string; expiresAt: string; revokedAt: string }[];
}

/** The decoded payload (87 bytes). `subjectId` is a BigInt: poster ids exceed 2^53. */
export interface Mc1Payload {
  type: CodeType;
  keyId: string;
  subjectId: bigint;
  color: Color | null;
  issuedAt: number;
  expiresAt: number;
  signed: Uint8Array;
  signature: Uint8Array;
}

export type Verdict =
  | ({ valid: true; reason: null } & Omit<Mc1Payload, 'signed' | 'signature'>)
  | { valid: false; reason: Reason };

export interface VerifyOptions {
  keys: Jwks;
  /** The scanner's clock (ms since the epoch, or a Date). */
  now: number | Date;
  /** Offline cards listed here are refused as revoked. */
  revocations?: RevocationList;
  /** Seconds a code stays acceptable past `expiresAt`, for a scanner clock running behind. Default 0 (the server's rule). */
  clockSkewSeconds?: number;
}

const PREFIX = 'MC1:';
const TEXT_LENGTH = 120;
const PAYLOAD_LENGTH = 87;
const SIGNED_LENGTH = 23;
const TYPES: Record<number, CodeType> = {
  1: 'health_code', 2: 'offline_card', 3: 'poster', 4: 'licence', 5: 'enterprise', 6: 'authorisation', 7: 'appointment',
};
const SUBJECT_TYPES: readonly CodeType[] = ['licence', 'enterprise', 'authorisation', 'appointment'];

/**
 * A 一码通 code (types 4–7): its subjectId is a record's id (licence binding, enterprise binding, authorisation,
 * appointment). Offline, a valid verdict proves only that MiniCode signed it and it has not expired; a revoked,
 * unbound, ended or suspended record is answered online only (`POST /api/codes/verify`, its `subject`).
 */
export function isSubjectCode(type: CodeType): type is SubjectCodeType {
  return SUBJECT_TYPES.includes(type);
}
const COLORS: Record<number, Color | null> = { 0: 'green', 1: 'yellow', 2: 'orange', 3: 'red', 0xff: null };
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Decodes the text, or null when it is malformed (step 1). */
export function parseMc1(text: string): Mc1Payload | null {
  if (typeof text !== 'string' || text.length !== TEXT_LENGTH || !text.startsWith(PREFIX)) return null;
  const bytes = base64UrlDecode(text.slice(PREFIX.length));
  if (bytes === null || bytes.length !== PAYLOAD_LENGTH || bytes[0] !== 1) return null;
  const type = TYPES[bytes[1]];
  const color = COLORS[bytes[14]];
  if (type === undefined || color === undefined) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const issuedAt = view.getUint32(15);
  const expiresAt = view.getUint32(19);
  if (expiresAt <= issuedAt) return null;
  return {
    type,
    keyId: view.getUint32(2).toString(16).padStart(8, '0'),
    subjectId: view.getBigUint64(6),
    color,
    issuedAt,
    expiresAt,
    signed: bytes.slice(0, SIGNED_LENGTH),
    signature: bytes.slice(SIGNED_LENGTH),
  };
}

/**
 * Verifies any MC1 code as a checkpoint would, without the network: steps 1–4 for every type, revoked offline cards
 * from the list. For 一码通 codes (see {@link isSubjectCode}) that is all an offline verifier can know.
 */
export function verifyMc1(text: string, options: VerifyOptions): Verdict {
  const payload = parseMc1(text);
  if (payload === null) return { valid: false, reason: 'malformed' };
  const key = options.keys.keys.find((k) => k.kid === payload.keyId && k.kty === 'EC' && k.crv === 'P-256');
  if (key === undefined) return { valid: false, reason: 'unknown_key' };
  if (!signatureHolds(payload, key)) return { valid: false, reason: 'bad_signature' };
  const now = Math.floor((options.now instanceof Date ? options.now.getTime() : options.now) / 1000);
  if (now >= payload.expiresAt + (options.clockSkewSeconds ?? 0)) return { valid: false, reason: 'expired' };
  if (payload.type === 'offline_card' && isRevoked(payload, options.revocations)) return { valid: false, reason: 'revoked' };
  const { signed: _signed, signature: _signature, ...facts } = payload;
  return { valid: true, reason: null, ...facts };
}

/** A poster as the check-in page accepts it offline: steps 1–3, then not_a_poster, then expired (qr-payload.md). */
export function verifyPoster(text: string, options: VerifyOptions): { valid: true; posterId: bigint; keyId: string; issuedAt: number; expiresAt: number } | { valid: false; reason: PosterReason } {
  const payload = parseMc1(text);
  if (payload === null) return { valid: false, reason: 'malformed' };
  const verdict = verifyMc1(text, { ...options, now: 0, revocations: undefined }); // expiry checked below, after the type
  if (!verdict.valid) return { valid: false, reason: verdict.reason as PosterReason };
  if (payload.type !== 'poster' || payload.color !== null) return { valid: false, reason: 'not_a_poster' };
  const now = Math.floor((options.now instanceof Date ? options.now.getTime() : options.now) / 1000);
  if (now >= payload.expiresAt + (options.clockSkewSeconds ?? 0)) return { valid: false, reason: 'expired' };
  return { valid: true, posterId: payload.subjectId, keyId: payload.keyId, issuedAt: payload.issuedAt, expiresAt: payload.expiresAt };
}

/** The hex SHA-256 of the signed bytes: how the revocation list names a card. */
export function signedSha256(payload: Pick<Mc1Payload, 'signed'>): string {
  return toHex(sha256(payload.signed));
}

function signatureHolds(payload: Mc1Payload, key: Jwk): boolean {
  const x = base64UrlDecode(key.x);
  const y = base64UrlDecode(key.y);
  if (x === null || y === null || x.length !== 32 || y.length !== 32) return false;
  const publicKey = new Uint8Array(65);
  publicKey[0] = 4;
  publicKey.set(x, 1);
  publicKey.set(y, 33);
  try {
    // lowS: a signature with s > n/2 is the malleable twin of a valid one and never issued by the server.
    return p256.verify(payload.signature, payload.signed, publicKey, { lowS: true, prehash: true, format: 'compact' });
  } catch {
    return false;
  }
}

function isRevoked(payload: Mc1Payload, revocations: RevocationList | undefined): boolean {
  if (revocations === undefined || revocations.cards.length === 0) return false;
  const hash = signedSha256(payload);
  return revocations.cards.some((c) => c.signedSha256.toLowerCase() === hash);
}

/** RFC 4648 §5 without padding; null on any other character or an impossible length. */
export function base64UrlDecode(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ALPHABET.indexOf(text[i]);
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  // The unused low bits of the last character must be zero (one text per payload).
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}
