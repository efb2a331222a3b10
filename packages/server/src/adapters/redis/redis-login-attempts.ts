/**
 * Sign-in failure counters on Redis (ports/login-attempts.ts), shared by every replica of a
 * deployment (REDIS_URL), so N replicas give an attacker the budget of one.
 *
 * - One hash per key, `${keyPrefix}u:<sha256 of the username>` or `${keyPrefix}a:<sha256 of the
 *   address>` (32 hex digits), with fields c (count), f (first) and l (last failure, ms). Hashing
 *   bounds key size whatever a client sends, and keeps usernames out of Redis.
 * - A failure is counted by one Lua script for both keys, so concurrent failures on any number of
 *   replicas are all counted. The script forgets an expired entry exactly like the in-memory
 *   adapter (domain/auth/login-failures.ts) and sets the key's expiry to the later of the window's
 *   and the lock's end (at most max(window, lock) after a failure), so Redis drops idle keys.
 * - Times come from the caller's clock (see the port), not Redis's, so the rules do not depend on
 *   which replica's failure came last beyond clock skew.
 *
 * It owns its connection: opened by start() in the background (a Redis outage must not stop the
 * server from booting) and closed by close(). Commands never wait for a reconnect (no offline
 * queue) and time out after `commandTimeoutMs`: while Redis is away every operation rejects at
 * once and the throttle falls back to in-process counters (services/auth/login-throttle.ts).
 * ioredis is loaded by start(), so embedded mode never pays for it.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { maskCredentials } from '../../config/mask-secrets.js';
import { lockLeftMs, type Failures } from '../../domain/auth/login-failures.js';
import { defaultLoginAttemptPolicy, type LoginAttemptPolicy, type LoginAttempts } from '../../ports/login-attempts.js';
import { silentLogger, type Logger } from '../../ports/logger.js';

export interface RedisLoginAttemptsOptions {
  url: string;
  /** Prefix of every key, e.g. `dash:login:<deploymentId>:` (see loginAttemptsKeyPrefix). */
  keyPrefix: string;
  policy?: Partial<LoginAttemptPolicy>;
  /** CLIENT SETNAME of the connection. @default 'dash-login' */
  connectionName?: string;
  /** A command that takes longer fails (and the throttle falls back). @default 1000 */
  commandTimeoutMs?: number;
  logger?: Logger;
}

/** The key prefix of a deployment's sign-in counters (deploymentId: adapters/redis/deployment-id.ts). */
export const loginAttemptsKeyPrefix = (deploymentId: string): string => `dash:login:${deploymentId}:`;

/**
 * KEYS: the username's and the address's counters. ARGV: now, windowMs, lockMs (ms, integers).
 * Per key: start over when the entry is forgotten (isForgotten in domain/auth/login-failures.ts),
 * count one more failure, keep the latest `last` (replicas' clocks may differ slightly), and
 * expire the key when both the window since the first and the lock since the last are over.
 */
const RECORD_FAILURE_LUA = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local lock = tonumber(ARGV[3])
for i = 1, #KEYS do
  local v = redis.call('HMGET', KEYS[i], 'c', 'f', 'l')
  local count, first, last = tonumber(v[1]), tonumber(v[2]), tonumber(v[3])
  if count == nil or first == nil or last == nil or (now - first > window and now - last > lock) then
    count, first, last = 0, now, now
  end
  count = count + 1
  if now > last then last = now end
  redis.call('HSET', KEYS[i], 'c', count, 'f', first, 'l', last)
  redis.call('PEXPIRE', KEYS[i], math.max(first + window, last + lock) - now)
end
return 0
`;

const FIELDS = ['c', 'f', 'l'] as const;

export class RedisLoginAttempts implements LoginAttempts {
  private readonly policy: LoginAttemptPolicy;
  private readonly log: Logger;
  private client: Redis | null = null;
  private starting: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  private lastError: string | null = null;

  constructor(private readonly options: RedisLoginAttemptsOptions) {
    this.policy = { ...defaultLoginAttemptPolicy, ...options.policy };
    this.log = options.logger ?? silentLogger;
  }

  /** Opens the connection in the background and returns; Redis being down does not fail it. */
  start(): Promise<void> {
    this.starting ??= this.open();
    return this.starting;
  }

  /** Resolves once connected (start() first); rejects after `timeoutMs`. */
  async ready(timeoutMs = 10_000): Promise<void> {
    await this.start();
    const client = this.client;
    if (client === null) throw new Error('the sign-in counters are closed');
    if (client.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        client.off('ready', onReady);
        reject(new Error(`redis sign-in counters not connected after ${timeoutMs} ms`));
      }, timeoutMs);
      client.once('ready', onReady);
    });
  }

  async recordFailure(username: string, address: string, now: number): Promise<void> {
    const { windowMs, lockMs } = this.policy;
    await this.connected().eval(RECORD_FAILURE_LUA, 2, this.userKey(username), this.addressKey(address), Math.floor(now), windowMs, lockMs);
  }

  async lockedForMs(username: string, address: string, now: number): Promise<number> {
    const client = this.connected();
    const [user, addr] = await Promise.all([client.hmget(this.userKey(username), ...FIELDS), client.hmget(this.addressKey(address), ...FIELDS)]);
    return Math.max(
      lockLeftMs(failuresOf(user), this.policy.maxPerUser, now, this.policy),
      lockLeftMs(failuresOf(addr), this.policy.maxPerAddress, now, this.policy),
    );
  }

  async clearUser(username: string): Promise<void> {
    await this.connected().del(this.userKey(username));
  }

  /** Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.starting?.catch(() => undefined);
      const client = this.client;
      this.client = null;
      if (client === null) return;
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    })();
    return this.closing;
  }

  private async open(): Promise<void> {
    const { Redis } = await import('ioredis');
    if (this.closing) return;
    const client = new Redis(this.options.url, {
      lazyConnect: true,
      // A sign-in never waits for a reconnect: the throttle falls back at once instead.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 5_000,
      commandTimeout: this.options.commandTimeoutMs ?? 1_000,
      connectionName: this.options.connectionName ?? 'dash-login',
    });
    client.on('error', (err: Error) => {
      const message = maskCredentials(err.message);
      // Reconnect attempts repeat the same error; log it once per change.
      if (message !== this.lastError) this.log.warn({ err: message }, 'redis sign-in counters connection error');
      this.lastError = message;
    });
    client.on('ready', () => {
      if (this.lastError !== null) this.log.info({}, 'redis sign-in counters connection restored');
      this.lastError = null;
    });
    this.client = client;
    client.connect().catch(() => {
      // Reported by the 'error' listener; ioredis keeps retrying in the background.
    });
  }

  private connected(): Redis {
    const client = this.client;
    if (client === null || client.status !== 'ready') {
      throw new Error(`redis sign-in counters not connected (${client?.status ?? 'not started'}${this.lastError ? `: ${this.lastError}` : ''})`);
    }
    return client;
  }

  private userKey(username: string): string {
    return `${this.options.keyPrefix}u:${digest(username)}`;
  }

  private addressKey(address: string): string {
    return `${this.options.keyPrefix}a:${digest(address)}`;
  }
}

const digest = (value: string): string => createHash('sha256').update(value).digest('hex').slice(0, 32);

/** An entry as HMGET c f l returns it; null when missing or not what this adapter writes. */
function failuresOf(values: (string | null)[]): Failures | null {
  const [count, first, last] = values.map((v) => (v === null ? Number.NaN : Number(v)));
  if (count === undefined || first === undefined || last === undefined) return null;
  if (!Number.isFinite(count) || !Number.isFinite(first) || !Number.isFinite(last)) return null;
  return { count, first, last };
}
