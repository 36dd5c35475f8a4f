import type { Label } from '../api/types'

/** Reads "env:prod, team:data" as labels; a part without a colon (or with an empty key) is reported, not guessed at. */
export function parseLabels(text: string): { labels: Label[]; invalid: string[] } {
  const labels: Label[] = []
  const invalid: string[] = []
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const colon = part.indexOf(':')
    if (colon > 0) labels.push({ key: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim() })
    else invalid.push(part)
  }
  return { labels, invalid }
}
