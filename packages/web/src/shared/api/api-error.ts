/**
 * The one error type the web sees from the server. Server failures carry the registry `code`,
 * `message` and `requestId` from the error body; failures that never produced such a body get a
 * client-side code so callers can still branch on `code` alone.
 */
import type { FieldIssue } from '@dash/shared';

/** Codes minted by the client when there is no server error body to read. */
export const clientErrorCodes = {
  /** The request never got an HTTP answer (server down, DNS, CORS, offline). */
  NETWORK_ERROR: 'The server cannot be reached',
  /** No answer within the client's timeout. */
  TIMEOUT: 'The server did not answer in time',
  /** An answer that is not the JSON the contract promises (e.g. a proxy's HTML error page). */
  BAD_RESPONSE: 'The server sent an unexpected response',
} as const;
export type ClientErrorCode = keyof typeof clientErrorCodes;

export interface ApiErrorInit {
  code: string;
  message: string;
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  requestId?: string | null;
  fields?: readonly FieldIssue[];
  details?: Readonly<Record<string, unknown>>;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  readonly status: number;
  /** Correlates with the server logs; null when the server never answered. */
  readonly requestId: string | null;
  readonly fields: readonly FieldIssue[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId ?? null;
    this.fields = init.fields ?? [];
    this.details = init.details ?? {};
  }

  static client(code: ClientErrorCode, init: { status?: number; requestId?: string | null; cause?: unknown } = {}): ApiError {
    return new ApiError({ ...init, code, message: clientErrorCodes[code], status: init.status ?? 0 });
  }

  /**
   * True when our server did not answer: no response, a timeout, or a gateway error page instead
   * of the server's JSON. Worth a "disconnected" state and a retry rather than an error message.
   */
  get unreachable(): boolean {
    if (this.code === 'NETWORK_ERROR' || this.code === 'TIMEOUT') return true;
    return this.code === 'BAD_RESPONSE' && this.status >= 500;
  }
}
