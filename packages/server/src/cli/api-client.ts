/**
 * The dashboard's REST API for the CLI: fetch with the token, JSON in and out, every answer parsed
 * with the wire schemas of @dash/shared. An error body `{error: {code, message}}` becomes a
 * CliError naming the code (exit 3, or 4 for 401/403).
 */
import type { z } from 'zod';
import { CliError, EXIT } from './cli-error.js';
import type { CliConfig } from './cli-config.js';

export class ApiClient {
  constructor(readonly config: CliConfig) {}

  async request<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    let res: Response;
    try {
      res = await fetch(`${this.config.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.config.token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new CliError(EXIT.unreachable, `cannot reach ${this.config.url}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : String(err)}`);
    }
    const text = await res.text();
    const data: unknown = text === '' ? null : safeJson(text);
    if (!res.ok) {
      const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
      const what = error?.code ? `${error.code}: ${error.message ?? ''}` : `HTTP ${res.status}`;
      throw new CliError(res.status === 401 || res.status === 403 ? EXIT.auth : EXIT.api, `${method} ${path} failed: ${what}`);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new CliError(EXIT.api, `${method} ${path}: unexpected answer (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    return parsed.data;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
