/**
 * Live reload through the real file watcher (fs.watch on a temp registry dir): valid changes apply,
 * invalid ones keep the previous registry and record the field at fault, a deleted file keeps the
 * previous registry, prompt edits are picked up. Waits poll the service's observable state.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeRegistryHarness, type RegistryHarness } from '../support/employee-registry-fixture.js';

const WAIT = { timeout: 10_000, interval: 25 };

let h: RegistryHarness | null = null;
afterEach(async () => {
  await h?.cleanup();
  h = null;
});

async function started(): Promise<RegistryHarness> {
  h = await makeRegistryHarness({ watch: true });
  await h.service.start();
  expect(h.service.status().watching).toBe(true);
  return h;
}

describe('registry reload on file change', () => {
  it('applies a valid change written atomically (temp file + rename)', async () => {
    const { service, fixture } = await started();
    const r = await fixture.read();
    r.employees[0]!.name = 'Alex Programme Manager';
    await fixture.write(r);
    await vi.waitFor(async () => expect((await service.get('emp_001')).name).toBe('Alex Programme Manager'), WAIT);
    expect(service.status().lastError).toBeNull();
  });

  it('applies a valid change written in place', async () => {
    const { service, fixture } = await started();
    const r = await fixture.read();
    r.employees[7]!.maxConcurrentTasks = 3;
    await fixture.writeText(JSON.stringify(r));
    await vi.waitFor(async () => expect((await service.get('emp_008')).maxConcurrentTasks).toBe(3), WAIT);
  });

  it('keeps the previous registry on an invalid change and names the field; a fix clears the error', async () => {
    const { service, fixture, warnings } = await started();
    const good = await fixture.read();
    const bad = structuredClone(good);
    bad.employees[5]!.skills = ['testing', 'coding' as never];
    bad.employees[0]!.name = 'Should not apply';
    await fixture.write(bad);

    await vi.waitFor(() => expect(service.status().lastError).not.toBeNull(), WAIT);
    expect(service.status().lastError).toMatchObject({ path: 'employees.5.skills.1', message: expect.stringContaining('employees.5.skills.1') });
    expect(warnings).toContain('employee registry is invalid; previous registry kept');
    expect((await service.get('emp_001')).name).toBe('Alex Project Manager');
    expect((await service.get('emp_006')).skills).toEqual(good.employees[5]!.skills);
    expect(await service.list()).toHaveLength(13);

    good.employees[0]!.name = 'Alex Fixed';
    await fixture.write(good);
    await vi.waitFor(async () => expect((await service.get('emp_001')).name).toBe('Alex Fixed'), WAIT);
    expect(service.status().lastError).toBeNull();
  });

  it('keeps the previous registry on broken JSON', async () => {
    const { service, fixture } = await started();
    await fixture.writeText('{ "version": 1, "employees": [');
    await vi.waitFor(() => expect(service.status().lastError).toMatchObject({ path: '', message: expect.stringMatching(/^Not valid JSON/) }), WAIT);
    expect(await service.list()).toHaveLength(13);
  });

  it('keeps the previous registry when the file is deleted, and loads it again when it returns', async () => {
    const { service, fixture } = await started();
    const r = await fixture.read();
    await rm(fixture.registryFile);
    await vi.waitFor(() => expect(service.status().lastError?.message).toMatch(/Registry file not found/), WAIT);
    expect(await service.list()).toHaveLength(13);
    expect((await service.export()).employees).toHaveLength(13);

    r.employees[1]!.name = 'Taylor Returns';
    await fixture.write(r);
    await vi.waitFor(async () => expect((await service.get('emp_002')).name).toBe('Taylor Returns'), WAIT);
    expect(service.status().lastError).toBeNull();
  });

  it('picks up an edited prompt, and keeps the previous prompt when one is deleted', async () => {
    const { service, fixture } = await started();
    const file = join(fixture.promptsDir, 'build-engineer.md');
    const edited = '# Role: Build Engineer\n\nRevised prompt text for this test.\n';
    await writeFile(file, edited);
    await vi.waitFor(async () => expect((await service.prompt('emp_013')).text).toBe(edited), WAIT);

    await rm(file);
    await vi.waitFor(() => expect(service.status().lastError).toMatchObject({ path: 'employees.12.promptFile' }), WAIT);
    expect((await service.prompt('emp_013')).text).toBe(edited);
  });

  it('keeps API edits across a file-triggered reload', async () => {
    const { service, fixture } = await started();
    await service.update('emp_007', { status: 'paused' });
    const r = await fixture.read();
    r.employees[6]!.name = 'Riley Renamed';
    await fixture.write(r);
    await vi.waitFor(async () => expect((await service.get('emp_007')).name).toBe('Riley Renamed'), WAIT);
    expect(await service.get('emp_007')).toMatchObject({ status: 'paused', source: 'api' });
  });

  it('closes the watcher on stop()', async () => {
    const { service } = await started();
    await service.stop();
    expect(service.status().watching).toBe(false);
  });
});
