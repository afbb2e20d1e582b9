// The offline verifier against the published vectors (../vectors), generated independently of the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyMc1, verifyPoster, parseMc1, signedSha256, isSubjectCode, TrustStore, ONLINE_MAX_AGE_MS, OFFLINE_MAX_AGE_MS } from '../dist/index.js';

const vectorsDir = fileURLToPath(new URL('../../vectors/', import.meta.url));
// Ids above 2^53 must stay exact: read every id as a string.
const read = (name) => JSON.parse(readFileSync(vectorsDir + name, 'utf8').replace(/"(subjectId|posterId)": (\d+)/g, '"$1": "$2"'));
const health = read('health-code-vectors.json');
const posters = read('poster-vectors.json');
const subjects = read('subject-code-vectors.json');
const at = (iso) => Date.parse(iso);

for (const v of health.vectors) {
  test(`health-code vector ${v.name}`, () => {
    const verdict = verifyMc1(v.payload, { keys: health.jwks, now: at(v.now) });
    if (!v.expected.valid) {
      assert.deepEqual({ valid: verdict.valid, reason: verdict.reason }, { valid: false, reason: v.expected.reason });
      return;
    }
    assert.equal(verdict.valid, true, `reason ${verdict.reason}`);
    assert.equal(verdict.type, v.expected.type);
    assert.equal(verdict.keyId, v.expected.keyId);
    assert.equal(verdict.subjectId, BigInt(v.expected.subjectId));
    assert.equal(verdict.color, v.expected.color);
    assert.equal(verdict.issuedAt, v.expected.issuedAt);
    assert.equal(verdict.expiresAt, v.expected.expiresAt);
    if (v.signedBytesHex) assert.equal(Buffer.from(parseMc1(v.payload).signed).toString('hex'), v.signedBytesHex);
  });
}

for (const v of posters.vectors) {
  test(`poster vector ${v.name}`, () => {
    const verdict = verifyPoster(v.payload, { keys: posters.jwks, now: at(v.now) });
    if (!v.expected.valid) {
      assert.deepEqual({ valid: verdict.valid, reason: verdict.reason }, { valid: false, reason: v.expected.reason });
      return;
    }
    assert.equal(verdict.valid, true, `reason ${verdict.reason}`);
    assert.equal(verdict.posterId, BigInt(v.expected.posterId));
    assert.equal(verdict.keyId, v.expected.keyId);
    assert.equal(verdict.expiresAt, v.expected.expiresAt);
  });
}

for (const v of subjects.vectors) {
  test(`一码通 vector ${v.name}`, () => {
    const verdict = verifyMc1(v.payload, { keys: subjects.jwks, now: at(v.now) });
    if (!v.expected.valid) {
      assert.deepEqual({ valid: verdict.valid, reason: verdict.reason }, { valid: false, reason: v.expected.reason });
      return;
    }
    assert.equal(verdict.valid, true, `reason ${verdict.reason}`);
    assert.equal(verdict.type, v.expected.type);
    assert.equal(isSubjectCode(verdict.type), true);
    assert.equal(verdict.keyId, v.expected.keyId);
    assert.equal(verdict.subjectId, BigInt(v.expected.subjectId));
    assert.equal(verdict.color, null);
    assert.equal(verdict.issuedAt, v.expected.issuedAt);
    assert.equal(verdict.expiresAt, v.expected.expiresAt);
    assert.equal(Buffer.from(parseMc1(v.payload).signed).toString('hex'), v.signedBytesHex);
  });
}

test('一码通 codes are no posters, and health codes are no 一码通 codes', () => {
  const licence = subjects.vectors.find((v) => v.name === 'valid_licence');
  assert.equal(verifyPoster(licence.payload, { keys: subjects.jwks, now: at(licence.now) }).reason, 'not_a_poster');
  for (const type of ['health_code', 'offline_card', 'poster']) assert.equal(isSubjectCode(type), false, type);
  for (const type of ['licence', 'enterprise', 'authorisation', 'appointment']) assert.equal(isSubjectCode(type), true, type);
});

const card = health.vectors.find((v) => v.name === 'valid_offline_card_yellow');

test('a listed offline card is revoked; the list names it by its signed bytes, not its text', () => {
  const hash = signedSha256(parseMc1(card.payload));
  const revocations = { generatedAt: card.now, cards: [{ signedSha256: hash, keyId: '5a17c0de', issuedAt: card.now, expiresAt: card.now, revokedAt: card.now }] };
  assert.equal(verifyMc1(card.payload, { keys: health.jwks, now: at(card.now), revocations }).reason, 'revoked');
  const other = { ...revocations, cards: [{ ...revocations.cards[0], signedSha256: '00'.repeat(32) }] };
  assert.equal(verifyMc1(card.payload, { keys: health.jwks, now: at(card.now), revocations: other }).valid, true);
});

test('expiry allows the configured clock skew and no more', () => {
  const live = health.vectors.find((v) => v.name === 'valid_green_health_code');
  const expiresAtMs = live.expected.expiresAt * 1000;
  assert.equal(verifyMc1(live.payload, { keys: health.jwks, now: expiresAtMs }).reason, 'expired');
  assert.equal(verifyMc1(live.payload, { keys: health.jwks, now: expiresAtMs + 29_000, clockSkewSeconds: 30 }).valid, true);
  assert.equal(verifyMc1(live.payload, { keys: health.jwks, now: expiresAtMs + 30_000, clockSkewSeconds: 30 }).reason, 'expired');
});

test('the trust store asks for a refresh after 5 minutes online and a day offline, and verifies with what it holds', () => {
  const store = new TrustStore();
  const t0 = at(card.now);
  assert.equal(store.refreshDue(t0, false), true);
  assert.equal(store.verify(card.payload, t0).reason, 'unknown_key');
  store.update(health.jwks, { generatedAt: card.now, cards: [] }, t0);
  assert.equal(store.verify(card.payload, t0).valid, true);
  assert.equal(store.refreshDue(t0 + ONLINE_MAX_AGE_MS - 1, true), false);
  assert.equal(store.refreshDue(t0 + ONLINE_MAX_AGE_MS, true), true);
  assert.equal(store.refreshDue(t0 + OFFLINE_MAX_AGE_MS - 1, false), false);
  assert.equal(store.refreshDue(t0 + OFFLINE_MAX_AGE_MS, false), true);
});

test('text that is not exactly one MC1 payload is malformed', () => {
  const live = health.vectors.find((v) => v.name === 'valid_green_health_code').payload;
  for (const text of ['', live.toLowerCase(), live + 'A', live.slice(0, -1) + '=', 'MC1:' + '+'.repeat(116)])
    assert.equal(verifyMc1(text, { keys: health.jwks, now: 0 }).reason, 'malformed', text);
});
