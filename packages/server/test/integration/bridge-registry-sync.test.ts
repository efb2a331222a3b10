/**
 * Registry sync both ways with a private copy of `ai-employees/` and a SQLite store: API edits are
 * exported into `employee-registry.json` (atomic replace, `.bak` of the previous file, nothing
 * written when unchanged), the exported file loads back to the same registry, a change made to
 * the file meanwhile is imported first and kept, and an invalid file on disk stops the export
 * with 422 REGISTRY_INVALID and nothing written.
 */
import { readFile, readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryFileWriter } from '../../src/adapters/registry-file/registry-file-writer.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import { RegistrySyncService } from '../../src/services/bridge/registry/registry-sync-service.js';
import { makeRegistryHarness, type RegistryHarness } from '../support/employee-registry-fixture.js';

describe('registry sync with the ai-employees folder', () => {
  let h: RegistryHarness | undefined;

  afterEach(async () => {
    await h?.cleanup();
    h = undefined;
  });

  const setup = async (): Promise<{ harness: RegistryHarness; sync: RegistrySyncService }> => {
    h = await makeRegistryHarness();
    await h.service.start();
    const sync = new RegistrySyncService({ employees: h.service, writer: new RegistryFileWriter(h.fixture.registryFile), clock: systemClock, logger: silentLogger });
    return { harness: h, sync };
  };

  it('exports API edits into the file atomically, with a backup, and the file loads back the same', async () => {
    const { harness, sync } = await setup();
    const original = await readFile(harness.fixture.registryFile, 'utf8');
    const [first] = await harness.service.list();
    const id = first?.id ?? '';
    await harness.service.update(id, { status: 'paused', maxConcurrentTasks: 3 });

    const result = await sync.export({ force: false });
    expect(result).toMatchObject({ path: harness.fixture.registryFile, written: true, backupPath: `${harness.fixture.registryFile}.bak`, employees: 13 });
    expect(await readFile(`${harness.fixture.registryFile}.bak`, 'utf8')).toBe(original);
    const written = await harness.fixture.read();
    expect(written.employees.find((e) => e.id === id)).toMatchObject({ status: 'paused', maxConcurrentTasks: 3 });
    // No temp file is left behind.
    expect((await readdir(harness.fixture.path)).filter((f) => f.includes('.tmp-'))).toEqual([]);

    // Unchanged: nothing is written (the backup stays the original).
    expect(await sync.export({ force: false })).toMatchObject({ written: false, backupPath: null, sha256: result.sha256 });
    expect(await readFile(`${harness.fixture.registryFile}.bak`, 'utf8')).toBe(original);

    // The exported file is the registry: a forced import (file wins entirely) keeps the edits.
    await sync.import({ force: true });
    expect(await harness.service.get(id)).toMatchObject({ status: 'paused', maxConcurrentTasks: 3 });
  });

  it('imports a change made to the file before exporting, so it is never overwritten', async () => {
    const { harness, sync } = await setup();
    const registry = await harness.fixture.read();
    const renamed = registry.employees[1];
    if (!renamed) throw new Error('fixture has no second employee');
    renamed.name = 'Renamed On Disk';
    await harness.fixture.write(registry);
    await harness.service.update(registry.employees[0]?.id ?? '', { maxConcurrentTasks: 4 });

    await sync.export({ force: false });
    const after = await harness.fixture.read();
    expect(after.employees[1]?.name).toBe('Renamed On Disk');
    expect(after.employees[0]?.maxConcurrentTasks).toBe(4);
  });

  it('refuses to export over an invalid file and writes nothing', async () => {
    const { harness, sync } = await setup();
    await harness.fixture.writeText('{ "version": 1, "employees": [ ');
    await expect(sync.export({ force: true })).rejects.toMatchObject({ code: 'REGISTRY_INVALID' });
    expect(await readFile(harness.fixture.registryFile, 'utf8')).toBe('{ "version": 1, "employees": [ ');
    expect((await readdir(harness.fixture.path)).filter((f) => f.endsWith('.bak') || f.includes('.tmp-'))).toEqual([]);
  });
});
