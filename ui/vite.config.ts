import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

// Served by harrier server under /ui/ (src/Harrier.Server/Ui). `npm run dev` proxies the API to a local server.
export default defineConfig({
  base: '/ui/',
  plugins: [vue()],
  resolve: {
    alias: [
      // monaco-editor 0.57's "exports" map turns 'monaco-editor/esm/vs/x' into esm/vs/esm/vs/x; monaco-yaml's worker and
      // our feature list use the file paths, so they are resolved directly.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/$1', import.meta.url)) },
    ],
  },
  build: {
    target: 'es2022',
    // Monaco is one big lazily loaded chunk by design; the warning would only restate it.
    chunkSizeWarningLimit: 5000,
    reportCompressedSize: false,
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
})
