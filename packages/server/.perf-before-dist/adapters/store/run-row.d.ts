/** Mapping between the runs table (snake_case, dialect-neutral values) and the Run contract. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Run } from '@dash/shared';
import type { NewRun, RunPatch } from '../../ports/run-repository.js';
import type { RunsTable } from './schema.js';
export type RunRow = Selectable<RunsTable>;
export declare const rowToRun: (row: RunRow) => Run;
/** A new run starts `queued`; counters and usage start at their column defaults (0). */
export declare const newRunToRow: (run: NewRun) => Insertable<RunsTable>;
/** Only keys present (and not undefined) in the patch become columns to set. */
export declare function patchToRow(patch: RunPatch): Updateable<RunsTable>;
