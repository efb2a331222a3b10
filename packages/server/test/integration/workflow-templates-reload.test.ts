/**
 * The template registry over a real directory with the file watch on: a new valid file is picked
 * up by itself; a broken one is reported (file, phase, field) while the templates in force stay;
 * fixing it clears the error. Start-up refuses an invalid set; a missing directory means none.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/app-error.js';
import { FileWorkflowTemplateSource } from '../../src/adapters/workflow-templates-file/file-template-source.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import { WorkflowTemplateRegistry } from '../../src/services/workflows/template-registry.js';
import { eventually } from '../support/browser.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const template = (id: string, role = 'technical_lead') =>
  JSON.stringify({ version: 1, id, name: id, description: 'd', phases: [{ key: 'review', name: 'Review', description: 'd', instructions: 'i', requiredRoles: [role] }] });

describe('workflow template registry on a directory', () => {
  let dir: TempDir | null = null;
  let registry: WorkflowTemplateRegistry | null = null;
  afterEach(async () => {
    await registry?.stop();
    await dir?.cleanup();
    registry = null;
    dir = null;
  });
  const open = (path: string) =>
    new WorkflowTemplateRegistry({ source: new FileWorkflowTemplateSource({ dir: path, debounceMs: 30 }), clock: systemClock, logger: silentLogger });

  it('reloads when files change, keeping the templates in force while a file is broken', async () => {
    dir = await makeTempDir('dash-templates-');
    await writeFile(join(dir.path, 'a.json'), template('alpha'));
    registry = open(dir.path);
    await registry.start();
    expect(registry.status()).toMatchObject({ count: 1, watching: true, lastError: null });

    await writeFile(join(dir.path, 'b.json'), template('beta'));
    await eventually('beta loaded', async () => registry?.list().map((t) => t.id), (ids) => ids?.join() === 'alpha,beta');

    await writeFile(join(dir.path, 'c.json'), template('gamma', 'wizard'));
    const broken = await eventually('error reported', async () => registry?.status(), (s) => s?.lastError !== null);
    expect(broken?.lastError?.issues).toEqual([
      { file: 'c.json', phase: 'review', path: 'phases.0.requiredRoles.0', message: 'Unknown role (see the employee registry roles): "wizard"' },
    ]);
    expect(registry.list().map((t) => t.id)).toEqual(['alpha', 'beta']);

    await rm(join(dir.path, 'c.json'));
    await eventually('error cleared', async () => registry?.status(), (s) => s?.lastError === null && s.count === 2);
  });

  it('refuses to start on an invalid set and starts empty without a directory', async () => {
    dir = await makeTempDir('dash-templates-');
    await writeFile(join(dir.path, 'bad.json'), '{ "version": 1, ');
    const failing = open(dir.path);
    const err = await failing.start().catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('WORKFLOW_TEMPLATE_INVALID');
    expect(isAppError(err) && err.message).toContain('bad.json: Not valid JSON');
    await failing.stop();

    registry = open(join(dir.path, 'missing'));
    await registry.start();
    expect(registry.status()).toMatchObject({ count: 0, loadedAt: null, watching: false });
  });
});
