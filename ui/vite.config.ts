import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Served by harrier server under /ui/ (src/Harrier.Server/Ui). `npm run dev` proxies the API to a local server.
export default defineConfig({
  base: '/ui/',
  plugins: [vue()],
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
