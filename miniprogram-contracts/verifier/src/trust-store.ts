// What an offline scanner keeps between refreshes: the key set and the offline-card revocation list, with the
// refresh rules of qr-payload.md (online: at most 5 minutes old; offline: refreshed at least daily).
import { verifyMc1, type Jwks, type RevocationList, type Verdict } from './mc1.js';

export const ONLINE_MAX_AGE_MS = 5 * 60 * 1000;
export const OFFLINE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export class TrustStore {
  private keys: Jwks = { keys: [] };
  private revocations: RevocationList | undefined;
  private fetchedAt: number | undefined;

  /** Keeps what `GET /api/keys` and `GET /api/offline-cards/revocations` answered at `fetchedAt` (ms). */
  update(keys: Jwks, revocations: RevocationList | undefined, fetchedAt: number): void {
    this.keys = keys;
    this.revocations = revocations;
    this.fetchedAt = fetchedAt;
  }

  /** True when the copy must be fetched again before relying on it: never fetched, or older than the rule allows. */
  refreshDue(now: number, online: boolean): boolean {
    if (this.fetchedAt === undefined) return true;
    return now - this.fetchedAt >= (online ? ONLINE_MAX_AGE_MS : OFFLINE_MAX_AGE_MS);
  }

  /** Verifies with the kept copy (a code signed by a key it does not hold is `unknown_key`: refresh, then retry). */
  verify(text: string, now: number, clockSkewSeconds = 0): Verdict {
    return verifyMc1(text, { keys: this.keys, now, revocations: this.revocations, clockSkewSeconds });
  }
}
