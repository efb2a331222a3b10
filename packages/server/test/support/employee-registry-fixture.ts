/**
 * A private copy of the default AI-employee registry (ai-employees/ at the repository root) in a
 * temp dir, so tests can edit, break and delete files without ever touching the real registry.
 */
import { cp, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegistryFileInput } from '@dash/shared';
import { FileRegistrySource } from '../../src/adapters/registry-file/file-registry-source.js';
import { employeeRepositoryFor } from '../../src/adapters/store/kysely-employee-repository.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { systemClock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import {
  EmployeeRegistryService,
  type EmployeeRegistryServiceDeps,
} from '../../src/services/employees/employee-registry-service.js';
import { makeTempDir, type TempDir } from './temp-dir.js';

/** The committed default registry directory. Read only: tests never write here. */
export const DEFAULT_REGISTRY_DIR = fileURLToPath(new URL('../../../../ai-employees/', import.meta.url));

export interface RegistryFixture extends TempDir {
  registryFile: string;
  promptsDir: string;
  read(): Promise<RegistryFileInput>;
  /** Writes the registry atomically (temp file + rename), the way editors and deploy tools do. */
  write(registry: unknown): Promise<void>;
  /** Overwrites the registry file in place with raw text. */
  writeText(text: string): Promise<void>;
}

export async function makeRegistryFixture(): Promise<RegistryFixture> {
  const dir = await makeTempDir('dash-registry-');
  await cp(DEFAULT_REGISTRY_DIR, dir.path, { recursive: true });
  const registryFile = join(dir.path, 'employee-registry.json');
  return {
    ...dir,
    registryFile,
    promptsDir: join(dir.path, 'prompts'),
    read: async () => JSON.parse(await readFile(registryFile, 'utf8')) as RegistryFileInput,
    write: async (registry) => {
      const tmp = `${registryFile}.tmp-${process.pid}`;
      await writeFile(tmp, `${JSON.stringify(registry, null, 2)}\n`);
      await rename(tmp, registryFile);
    },
    writeText: (text) => writeFile(registryFile, text),
  };
}

export interface RegistryHarness {
  fixture: RegistryFixture;
  store: Store;
  service: EmployeeRegistryService;
  /** Messages the service logged at warn or error level. */
  warnings: string[];
  /** Another service on the same store and files (a restart), started. */
  restart(deps?: Partial<EmployeeRegistryServiceDeps>): Promise<EmployeeRegistryService>;
  /** Stops every service, closes the store, removes the files. */
  cleanup(): Promise<void>;
}

/**
 * A registry service (not started) over a private registry copy and a fresh SQLite store.
 * `edit` changes the copied registry before anything reads it.
 */
export async function makeRegistryHarness(
  deps: Partial<EmployeeRegistryServiceDeps> = {},
  edit?: (registry: RegistryFileInput) => void,
): Promise<RegistryHarness> {
  const fixture = await makeRegistryFixture();
  const dbDir = await makeTempDir('dash-employees-db-');
  const store = await openStore({ kind: 'sqlite', file: join(dbDir.path, 'dash.db') });
  if (edit) {
    const registry = await fixture.read();
    edit(registry);
    await fixture.write(registry);
  }
  const warnings: string[] = [];
  const services: EmployeeRegistryService[] = [];
  const make = (extra: Partial<EmployeeRegistryServiceDeps> = {}): EmployeeRegistryService => {
    const service = new EmployeeRegistryService({
      source: new FileRegistrySource({ dir: fixture.path, debounceMs: 50 }),
      repository: employeeRepositoryFor(store),
      clock: systemClock,
      logger: {
        debug: () => undefined,
        info: () => undefined,
        warn: (_obj, msg) => warnings.push(msg ?? ''),
        error: (_obj, msg) => warnings.push(msg ?? ''),
      },
      watch: false,
      ...deps,
      ...extra,
    });
    services.push(service);
    return service;
  };
  return {
    fixture,
    store,
    service: make(),
    warnings,
    restart: async (extra) => {
      const again = make(extra);
      await again.start();
      return again;
    },
    cleanup: async () => {
      for (const s of services) await s.stop();
      await store.close();
      await dbDir.cleanup();
      await fixture.cleanup();
    },
  };
}
