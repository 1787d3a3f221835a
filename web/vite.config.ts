import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Three pages, each its own entry: the coordinator's app (React) and the two pages a link opens on a phone
 * (Preact, React's API in 4 kB, to stay under 60 kB of JavaScript on a cheap phone). Those files say so with a
 * `@jsxImportSource preact` pragma.
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'react' },
  build: {
    outDir: resolve(__dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: {
        index: resolve(__dirname, 'index.html'),
        me: resolve(__dirname, 'me.html'),
        driver: resolve(__dirname, 'driver.html'),
      },
    },
  },
});
