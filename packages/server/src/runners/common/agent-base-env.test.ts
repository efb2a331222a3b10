import { describe, expect, it } from 'vitest';
import { agentBaseEnv } from './agent-base-env.js';

describe('agentBaseEnv', () => {
  it('strips the dashboard secrets and keeps what agents need', () => {
    const env = agentBaseEnv({
      PATH: '/usr/bin',
      HOME: '/home/a',
      ANTHROPIC_API_KEY: 'sk-agent',
      DATABASE_URL: 'postgres://u:secret@db/x',
      REDIS_URL: 'redis://r',
      MEMORY_ENCRYPTION_KEY: 'k',
      DASHBOARD_ADMIN_PASSWORD: 'pw',
      DASH_RUN_ID: 'stale',
      PGPASSWORD: 'pw',
      UNSET: undefined,
    });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/a', ANTHROPIC_API_KEY: 'sk-agent' });
  });

  it('strips every secret of the dashboard\'s own configuration (tokens, keys, passwords)', () => {
    const env = agentBaseEnv({
      PATH: '/usr/bin',
      DASHBOARD_ADMIN_TOKEN: 'admin-token',
      METRICS_TOKEN: 'scrape',
      MEMORY_EMBEDDINGS_API_KEY: 'sk-embed',
      SESSION_SECRET: 's',
      OPENAI_API_KEY: 'sk-agent-openai',
    });
    expect(env).toEqual({ PATH: '/usr/bin', OPENAI_API_KEY: 'sk-agent-openai' });
  });
});
