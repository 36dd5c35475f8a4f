import type { LogEntry } from '../api/types'

/**
 * The lines (indexes into the shown list) whose message contains a text, ignoring case. Scanned over the lines in
 * memory, never the DOM (only the rows in view exist there). While logs stream in, the shown list is often the very
 * array that grows: only the new tail is scanned then, so a search stays cheap on a 100,000-line execution that is
 * still printing.
 */
export class LogMatches {
  private source: LogEntry[] | null = null
  private needle = ''
  private scanned = 0
  private found: number[] = []

  /** The matching indexes of `lines` for `text` (the same array, grown since the last call, is only scanned from where it stopped). */
  of(lines: LogEntry[], text: string): number[] {
    const needle = text.toLowerCase()
    if (lines !== this.source || needle !== this.needle || lines.length < this.scanned) {
      this.source = lines
      this.needle = needle
      this.scanned = 0
      this.found = []
    }
    if (!needle) return this.found
    // A fresh array each time the tail grows, so a computed holding it sees the change.
    if (this.scanned < lines.length) {
      const found = this.found.slice()
      for (let i = this.scanned; i < lines.length; i++) {
        if ((lines[i].message ?? '').toLowerCase().includes(needle)) found.push(i)
      }
      this.scanned = lines.length
      this.found = found
    }
    return this.found
  }
}

/** A text cut into the runs that match `needle` (ignoring case) and those that do not, to highlight the matches. */
export function splitMatches(text: string, needle: string): Array<{ text: string; hit: boolean }> {
  if (!needle) return [{ text, hit: false }]
  const lower = text.toLowerCase()
  const wanted = needle.toLowerCase()
  const parts: Array<{ text: string; hit: boolean }> = []
  let from = 0
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + wanted.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), hit: false })
    parts.push({ text: text.slice(at, at + wanted.length), hit: true })
    from = at + wanted.length
  }
  if (from < text.length) parts.push({ text: text.slice(from), hit: false })
  return parts
}
