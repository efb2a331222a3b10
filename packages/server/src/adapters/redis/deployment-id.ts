/**
 * A short id shared by the replicas of one deployment and by no other, for naming what they share
 * on a Redis server (bus channels, sign-in counters): derived from the store they share (host,
 * port and database of DATABASE_URL, or the data directory), never from credentials, which may
 * differ between replicas.
 */
import { createHash } from 'node:crypto';

export function deploymentId(storeIdentity: string): string {
  let identity = storeIdentity;
  if (URL.canParse(storeIdentity)) {
    const url = new URL(storeIdentity);
    identity = `${url.protocol}//${url.host}${url.pathname}`;
  }
  return createHash('sha256').update(identity).digest('hex').slice(0, 12);
}
