import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// Three tiers, as the house style asks:
//  - unit: colocated *.test.ts next to the code (server, shared) and web components (happy-dom);
//  - integration: real SQLite files, the machine's PostgreSQL and Redis (never skipped);
//  - e2e: the built server booted as a child process and driven over HTTP/WS (and a real browser).
// Plus deploy: the deployment artifacts checked with the real tools (docs/deployment.md).
const shared = fileURLToPath(new URL('./packages/shared/src/index.ts', import.meta.url));
const alias = { '@dash/shared': shared };

export default defineConfig({
  resolve: { alias },
  test: {
    // Machines are shared and have 2 cores: keep parallelism modest and timeouts generous.
    // (Projects do not inherit these; each project below sets its own timeouts.)
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          testTimeout: 30_000,
          include: ['packages/server/src/**/*.test.ts', 'packages/shared/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [vue()],
        resolve: { alias },
        test: {
          name: 'web',
          // Lazy page imports can take seconds on a loaded 2-core machine.
          testTimeout: 30_000,
          include: ['packages/web/src/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          hookTimeout: 60_000,
          include: ['packages/server/test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Deployment artifacts checked with the real tools (nginx -t, promtool, amtool,
          // shellcheck, Kubernetes schemas) and a backup -> restore round trip on PostgreSQL.
          name: 'deploy',
          include: ['packages/server/test/deploy/**/*.test.ts'],
          environment: 'node',
          hookTimeout: 90_000,
          testTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Fault suite (docs/operations.md#fault-suite): kills the server, restarts the machine's
          // Redis and PostgreSQL, fills a tmpfs. groupOrder 1 runs it after the parallel group
          // (unit, web, integration, deploy) so no other file is using those services meanwhile;
          // the e2e files (sequential) run after it. Files run one at a time.
          name: 'faults',
          hookTimeout: 120_000,
          include: ['packages/server/test/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          hookTimeout: 90_000,
          include: ['packages/server/test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          // e2e files boot servers and browsers; running them one at a time keeps figures honest.
          fileParallelism: false,
        },
      },
    ],
  },
});
