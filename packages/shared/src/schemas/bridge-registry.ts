/**
 * Registry sync between the store and the `ai-employees/` folder (docs/bridge.md):
 * `POST /api/bridge/registry/export` writes the effective registry (the file plus API edits) back
 * to `employee-registry.json` atomically, keeping the previous file as a backup;
 * `POST /api/bridge/registry/import` re-reads the folder (same as the employees reload).
 */
import { z } from 'zod';

export const registryExportBody = z
  .object({
    /** Write even when the content is unchanged (refreshes the backup). @default false */
    force: z.boolean().default(false),
  })
  .strict();
export type RegistryExportBody = z.infer<typeof registryExportBody>;

export const registryExportResult = z.object({
  path: z.string(),
  /** False when the file already held exactly this content (nothing written). */
  written: z.boolean(),
  /** The previous file's copy, when one was written. */
  backupPath: z.string().nullable(),
  /** SHA-256 (hex) of the file's content now. */
  sha256: z.string(),
  employees: z.number().int().nonnegative(),
  at: z.string(),
});
export type RegistryExportResult = z.infer<typeof registryExportResult>;
