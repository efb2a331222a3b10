import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes } from './error-codes.js';

// docs/api.md must list every code with its status, so clients can rely on the table.
const doc = readFileSync(new URL('../../../../docs/api.md', import.meta.url), 'utf8');

describe('error-code registry', () => {
  it('documents every code with its HTTP status in docs/api.md', () => {
    const missing = Object.entries(errorCodes)
      .filter(([code, spec]) => !new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${spec.status}\\s*\\|`).test(doc))
      .map(([code]) => code);
    expect(missing).toEqual([]);
  });

  it('documents no code that does not exist', () => {
    const documented = [...doc.matchAll(/^\|\s*`([A-Z][A-Z_]+)`\s*\|\s*\d{3}\s*\|/gm)].map((m) => m[1]);
    expect(documented.filter((c) => c !== undefined && !Object.hasOwn(errorCodes, c))).toEqual([]);
  });

  it('uses only client or server error statuses', () => {
    for (const spec of Object.values(errorCodes)) expect(spec.status >= 400 && spec.status < 600).toBe(true);
  });
});
