import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The app is static: served by `callguard serve` from dist/web, or by any static host.
// Everything is bundled (no CDN, no web fonts) so the page works offline after it loads.
export default defineConfig({
  root: webRoot,
  base: './',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    // One bundle on purpose: every page must work offline once the app has loaded, so nothing is
    // fetched lazily. The claim checks carry libphonenumber and public-suffix metadata (~800 KB raw).
    chunkSizeWarningLimit: 1100,
  },
  server: { port: 5173 },
});
