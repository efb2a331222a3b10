/**
 * What the Anthropic API stub answers, turn by turn. A "turn" is one main-loop `POST /v1/messages`
 * (a request that carries `tools`); auxiliary requests (no tools: titles, topics, quota probes)
 * never consume the script.
 */

export interface StubUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

/** Every turn may wait `delayMs` before answering (to test stops and timeouts mid-request). */
export type StubTurn = (
  | { type: 'text'; text: string; thinking?: string; usage?: StubUsage }
  | {
      type: 'tool_use';
      name: string;
      input: Record<string, unknown>;
      /** tool_use id; generated when absent. */
      id?: string;
      /** Text block sent before the tool_use block, when given. */
      text?: string;
      usage?: StubUsage;
    }
  | {
      type: 'error';
      status: number;
      errorType: string;
      message: string;
      headers?: Record<string, string>;
    }
) & { delayMs?: number };

export interface StubScript {
  turns: StubTurn[];
  /** Answer for main requests once `turns` are used up; default: a text saying so. */
  whenExhausted?: StubTurn;
}

export const textTurn = (text: string, extra: Partial<Omit<Extract<StubTurn, { type: 'text' }>, 'type' | 'text'>> = {}): StubTurn => ({
  type: 'text',
  text,
  ...extra,
});

export const toolUseTurn = (name: string, input: Record<string, unknown>, extra: { id?: string; text?: string } = {}): StubTurn => ({
  type: 'tool_use',
  name,
  input,
  ...extra,
});

/**
 * A 429 as the real API sends it to API-key users: `retry-after` plus the `anthropic-ratelimit-*`
 * headers. `unifiedResetAt` adds the subscription ("unified") headers the CLI turns into a
 * `rate_limit_event` for OAuth users (it ignores them for API keys).
 */
export const rateLimitedTurn = (opts: { retryAfterSeconds?: number; resetAt?: Date; unifiedResetAt?: Date } = {}): StubTurn => {
  const resetAt = (opts.resetAt ?? new Date(Date.now() + 60_000)).toISOString();
  const headers: Record<string, string> = {
    'retry-after': String(opts.retryAfterSeconds ?? 1),
    'anthropic-ratelimit-requests-limit': '50',
    'anthropic-ratelimit-requests-remaining': '0',
    'anthropic-ratelimit-requests-reset': resetAt,
    'anthropic-ratelimit-input-tokens-limit': '30000',
    'anthropic-ratelimit-input-tokens-remaining': '0',
    'anthropic-ratelimit-input-tokens-reset': resetAt,
  };
  if (opts.unifiedResetAt) {
    headers['anthropic-ratelimit-unified-status'] = 'rejected';
    headers['anthropic-ratelimit-unified-reset'] = String(Math.floor(opts.unifiedResetAt.getTime() / 1000));
    headers['anthropic-ratelimit-unified-representative-claim'] = 'five_hour';
  }
  return {
    type: 'error',
    status: 429,
    errorType: 'rate_limit_error',
    message: 'Number of request tokens has exceeded your per-minute rate limit',
    headers,
  };
};

export const overloadedTurn = (): StubTurn => ({
  type: 'error',
  status: 529,
  errorType: 'overloaded_error',
  message: 'Overloaded',
});
