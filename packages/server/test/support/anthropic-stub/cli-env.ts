/**
 * Environment for running the real Claude Code CLI against the stub: the stub as API, a dummy key,
 * no non-essential traffic, and a private HOME (with XDG dirs) so nothing of the machine user's
 * Claude configuration is read or written (the CLI writes ~/.claude.json and ~/.claude/). Sessions
 * are stored under this HOME, so a resumed run must use the same one.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The CLI installed as a dev dependency at the repository root. */
export const CLAUDE_BIN = fileURLToPath(new URL('../../../../../node_modules/.bin/claude', import.meta.url));

export function claudeCliEnv(stubUrl: string, home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    // The CLI puts a messaging socket in $XDG_RUNTIME_DIR/cc-socks/<pid>.sock (else /tmp/cc-socks).
    XDG_RUNTIME_DIR: join(home, '.run'),
    ANTHROPIC_BASE_URL: stubUrl,
    ANTHROPIC_API_KEY: 'dummy-test-key',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
  };
}
