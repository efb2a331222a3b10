/** GET /api/system: what this server is and how it is configured, without secrets. */
import { z } from 'zod';

export const systemInfo = z.object({
  version: z.string(),
  nodeId: z.string(),
  nodeVersion: z.string(),
  platform: z.string(),
  startedAt: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  mode: z.object({
    store: z.enum(['sqlite', 'postgres']),
    queue: z.enum(['embedded', 'bullmq']),
    bus: z.enum(['local', 'redis']),
  }),
  /** The parsed configuration tree; secrets redacted, passwords in URLs masked. */
  config: z.record(z.string(), z.unknown()),
});
export type SystemInfo = z.infer<typeof systemInfo>;
