// Prints the JavaScript (and CSS) the UI ships, raw and gzip, split into what every page loads and the flow editor's
// lazily loaded Monaco chunk and workers. Run after `npm run build`: `npm run size`.
import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const dir = new URL('../dist/assets/', import.meta.url)
const index = readFileSync(new URL('../index.html', dir), 'utf8')
const rows = readdirSync(dir).filter((f) => /\.(js|css)$/.test(f)).map((file) => {
  const bytes = readFileSync(new URL(file, dir))
  const initial = index.includes(`/assets/${file}`)
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, initial }
})
const kb = (n) => `${(n / 1024).toFixed(1)} kB`
for (const r of rows.sort((a, b) => b.gzip - a.gzip)) {
  console.log(`${r.initial ? 'initial' : 'lazy   '}  ${r.file.padEnd(34)} ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}`)
}
const sum = (list) => list.reduce((t, r) => t + r.gzip, 0)
const js = rows.filter((r) => r.file.endsWith('.js'))
console.log(`JavaScript, gzip: every page ${kb(sum(js.filter((r) => r.initial)))}; with the editor (Monaco, monaco-yaml, workers) ${kb(sum(js))}`)
