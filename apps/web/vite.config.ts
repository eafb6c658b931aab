import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at '/', and the dev server forwards /api to a running `npm start`,
// so cookies and the CSRF header behave the same in development as in production.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Browser tests rebuild dist/ while another test process may be serving it; keeping the
    // old hashed chunks lets a page that loaded the previous index.html still fetch them.
    // `npm run build` (no variable) starts from an empty dist/ as usual.
    emptyOutDir: process.env.INNOCOUNTY_KEEP_OLD_CHUNKS !== '1',
    // antd alone is ~1 MB raw; the gzip figure is what users on county networks pay for.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
