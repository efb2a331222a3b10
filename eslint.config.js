// Lint enforces the layers (see docs/architecture.md):
//  - server domain/ and services/ know ports and @dash/shared only: no adapters, transport,
//    runners, drivers or node:child_process;
//  - web imports nothing from the server;
//  - shared imports nothing from the other packages.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const drivers = ['better-sqlite3', 'pg', 'ioredis', 'bullmq', 'kysely', 'fastify', 'ws', 'prom-client'];

const layerBan = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '**/*.d.ts', 'packages/web/**/*.vue'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['packages/server/src/**/*.ts', 'packages/shared/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['packages/server/src/domain/**/*.ts', 'packages/server/src/services/**/*.ts'],
    rules: layerBan(
      [
        { group: ['**/adapters/**', '**/transport/**', '**/runners/**'], message: 'domain and services talk to ports only' },
        { group: drivers, message: 'drivers belong in adapters' },
      ],
      [
        { name: 'node:child_process', message: 'processes are spawned by runners/, behind a port' },
        { name: 'child_process', message: 'processes are spawned by runners/, behind a port' },
      ],
    ),
  },
  {
    files: ['packages/server/src/ports/**/*.ts'],
    rules: layerBan([
      { group: ['**/adapters/**', '**/transport/**', '**/runners/**', '**/services/**'], message: 'ports depend on nothing but shared types' },
      { group: drivers, message: 'ports expose operations, never clients' },
    ]),
  },
  {
    files: ['packages/shared/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layerBan([
      { group: ['@dash/server', '@dash/web', '**/server/**', '**/web/**'], message: 'shared imports nothing from the other packages' },
      { group: ['node:*'], message: 'shared runs in the browser too' },
    ]),
  },
  {
    files: ['packages/web/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layerBan([
      { group: ['@dash/server', '**/server/**'], message: 'web talks to the server over HTTP/WS only' },
    ]),
  },
);
