// Builds the app into dist/ (index.html and content-hashed files in
// dist/assets/) for the server to embed, and runs the dev server, which
// forwards API calls to a running help desk (docs/web.md).
import { defineConfig } from 'vite';
import type { ProxyOptions } from 'vite';

/** The help desk the dev server forwards to: `HD_API=http://127.0.0.1:9090 npm run dev`. */
const apiTarget = process.env.HD_API ?? 'http://127.0.0.1:8080';

const toHelpDesk: ProxyOptions = {
  target: apiTarget,
  // Keep the browser's Host: the session cookie then belongs to the dev
  // server's origin, and the help desk checks cookies and the CSRF header,
  // not Host.
  changeOrigin: false,
  // The live stream /api/v1/events is Server-Sent Events over plain HTTP,
  // not a WebSocket. The proxy pipes each chunk on as it arrives (nothing is
  // buffered or compressed), and closes the upstream request when the
  // browser leaves.
  ws: false,
};

export default defineConfig({
  base: '/',
  server: {
    proxy: {
      '/api': toHelpDesk,
      '/healthz': toHelpDesk,
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill is injected as an inline script, which the server's
    // Content-Security-Policy (script-src 'self') refuses. A browser without
    // modulepreload just loads a chunk when it is imported.
    modulePreload: { polyfill: false },
  },
});
