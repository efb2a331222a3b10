/** GET /api/system: version, node, mode and the configuration with secrets redacted by the server. */
import type { SystemInfo } from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseSystemInfo(data: unknown): SystemInfo {
  if (!isRecord(data) || typeof data.version !== 'string' || !isRecord(data.mode) || !isRecord(data.config)) {
    throw new TypeError('Not a system description');
  }
  return data as SystemInfo;
}

/** Flattens the nested config into `path → printable value` rows, in a stable order. */
export function configRows(config: Record<string, unknown>, prefix = ''): { key: string; value: string }[] {
  return Object.entries(config).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecord(value)) return configRows(value, path);
    const printable = value === null ? '—' : Array.isArray(value) ? value.join(', ') : String(value);
    return [{ key: path, value: printable }];
  });
}

export const systemApi = (client: HttpClient = http) => ({
  info: () => client.get('/api/system', { parse: parseSystemInfo }),
});
