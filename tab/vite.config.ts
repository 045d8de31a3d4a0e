// The tab's client build: React + Fluent UI v9 from tab/app into tab/dist, served under /tab/.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const TAB_APP_DIR = fileURLToPath(new URL('./app/', import.meta.url));
export const TAB_DIST_DIR = fileURLToPath(new URL('./dist/', import.meta.url));

export default defineConfig({
  root: TAB_APP_DIR,
  base: '/tab/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: TAB_DIST_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // One chunk for the first view is the point (measured by `npm run bench -- tab`).
    chunkSizeWarningLimit: 1024,
    // The Outlook add-in's panes are pages of the same build (tab/dist/addin/*.html).
    rollupOptions: {
      input: {
        index: `${TAB_APP_DIR}index.html`,
        'addin-mail': `${TAB_APP_DIR}addin/mail.html`,
        'addin-appointment': `${TAB_APP_DIR}addin/appointment.html`,
      },
    },
  },
});
