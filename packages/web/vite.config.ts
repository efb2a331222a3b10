import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The dev server forwards every server-owned path to the backend so the SPA can use same-origin
// URLs in development and in production (where the server itself serves `dist`).
// DASH_DEV_BACKEND points it at a server on another port.
const backend = process.env.DASH_DEV_BACKEND ?? 'http://127.0.0.1:8080';
const proxied = ['/api', '/health', '/ready', '/metrics'];

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@dash/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  server: {
    proxy: {
      ...Object.fromEntries(proxied.map((path) => [path, { target: backend, changeOrigin: true }])),
      '/ws': { target: backend, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
});
