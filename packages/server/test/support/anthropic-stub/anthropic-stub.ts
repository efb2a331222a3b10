/**
 * A local stand-in for the Anthropic Messages API, for driving the real Claude Code CLI in tests
 * (ANTHROPIC_BASE_URL=stub.url). Listens on 127.0.0.1, port 0. Records every request.
 *
 * What Claude Code 2.1.332 calls (found by logging every request), with an API key:
 * - with CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1: only `POST /v1/messages?beta=true`,
 *   streamed, one per model turn, always with `tools` (also for a resumed session);
 * - without it, additionally `HEAD /api/hello` (a connectivity probe) at start-up; telemetry and
 *   update checks go to other hosts, not to ANTHROPIC_BASE_URL.
 * No count_tokens, no title/topic calls were seen. The stub still answers them: count_tokens with
 * a token estimate, HEAD with 200, anything else with a 404 error body, and `/v1/messages`
 * requests without tools (small-model side calls) with a short text that does not consume the
 * script. Gzip/deflate/br request bodies (CLAUDE_CODE_GZIP_REQUEST_BODIES) are decoded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { StubScript, StubTurn } from './script.js';
import { jsonTurn, streamTurn } from './sse.js';

export type RequestKind = 'main' | 'auxiliary' | 'count_tokens' | 'other';

export interface RecordedRequest {
  kind: RequestKind;
  method: string;
  /** Path and query as received. */
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body, or null when there was none or it was not JSON. */
  body: Record<string, unknown> | null;
  /** HTTP status the stub answered with. */
  status: number;
  at: number;
}

const EXHAUSTED: StubTurn = { type: 'text', text: 'stub: the script has no more turns' };

export class AnthropicStub {
  readonly requests: RecordedRequest[] = [];
  private script: StubScript = { turns: [] };
  private cursor = 0;
  private seq = 0;

  private readonly server: http.Server;
  private port = 0;

  private constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 1_000;
  }

  static async start(script: StubScript = { turns: [] }): Promise<AnthropicStub> {
    const stub = new AnthropicStub();
    stub.setScript(script);
    await new Promise<void>((resolve, reject) => {
      stub.server.once('error', reject);
      stub.server.listen(0, '127.0.0.1', () => resolve());
    });
    stub.port = (stub.server.address() as AddressInfo).port;
    return stub;
  }

  /** Base URL for ANTHROPIC_BASE_URL. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Replaces the script and rewinds it; recorded requests are kept. */
  setScript(script: StubScript): void {
    this.script = script;
    this.cursor = 0;
  }

  /** Main-loop requests (the ones that consume script turns), in order. */
  mainRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.kind === 'main');
  }

  /** Turns of the current script answered so far. */
  get turnsServed(): number {
    return this.cursor;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = parseBody(decode(Buffer.concat(parts), req.headers['content-encoding']));
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const record = (kind: RequestKind, status: number): void => {
        this.requests.push({ kind, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, status, at: Date.now() });
      };

      if (req.method === 'POST' && path === '/v1/messages/count_tokens') {
        record('count_tokens', 200);
        sendJson(res, 200, { input_tokens: Math.ceil(JSON.stringify(body ?? {}).length / 4) });
        return;
      }
      if (req.method === 'POST' && path === '/v1/messages' && body) {
        const tools = body.tools;
        const main = Array.isArray(tools) && tools.length > 0;
        const turn = main ? this.nextTurn() : { type: 'text' as const, text: 'Stub auxiliary reply' };
        const status = turn.type === 'error' ? turn.status : 200;
        record(main ? 'main' : 'auxiliary', status);
        if (turn.delayMs !== undefined && turn.delayMs > 0) {
          const timer = setTimeout(() => {
            if (!res.destroyed) this.answer(res, turn, body);
          }, turn.delayMs);
          res.on('close', () => clearTimeout(timer));
        } else {
          this.answer(res, turn, body);
        }
        return;
      }
      if (req.method === 'HEAD') {
        record('other', 200);
        res.writeHead(200).end();
        return;
      }
      record('other', 404);
      sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: `stub: no route ${req.method ?? ''} ${path}` } });
    });
  }

  private nextTurn(): StubTurn {
    const turn = this.script.turns[this.cursor];
    if (turn) {
      this.cursor += 1;
      return turn;
    }
    return this.script.whenExhausted ?? EXHAUSTED;
  }

  private answer(res: http.ServerResponse, turn: StubTurn, body: Record<string, unknown>): void {
    if (turn.type === 'error') {
      res.writeHead(turn.status, { 'content-type': 'application/json', 'request-id': `req_stub_${this.seq}`, ...turn.headers });
      res.end(JSON.stringify({ type: 'error', error: { type: turn.errorType, message: turn.message } }));
      return;
    }
    this.seq += 1;
    const model = typeof body.model === 'string' ? body.model : 'claude-stub';
    const messageId = `msg_stub_${this.seq}`;
    const toolUseId = `toolu_stub_${this.seq}`;
    if (body.stream === true) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': `req_stub_${this.seq}` });
      res.end(streamTurn(turn, model, messageId, toolUseId));
      return;
    }
    sendJson(res, 200, jsonTurn(turn, model, messageId, toolUseId));
  }
}

function decode(buf: Buffer, encoding: string | undefined): Buffer {
  try {
    if (encoding === 'gzip') return zlib.gunzipSync(buf);
    if (encoding === 'deflate') return zlib.inflateSync(buf);
    if (encoding === 'br') return zlib.brotliDecompressSync(buf);
  } catch {
    return buf;
  }
  return buf;
}

function parseBody(buf: Buffer): Record<string, unknown> | null {
  if (buf.length === 0) return null;
  try {
    const v: unknown = JSON.parse(buf.toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}
