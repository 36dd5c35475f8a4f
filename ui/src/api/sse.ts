import { request } from './http'

/**
 * Reads a server-sent event stream over fetch (not EventSource, which cannot send the Authorization header). Harrier,
 * like Kestra, names each event in its `id:` field (start, progress, end) and puts JSON in `data:`. Resolves when the
 * server closes the stream (Harrier closes log and execution follows once the execution ended) or the signal aborts.
 */
export async function follow(path: string, onEvent: (name: string, data: unknown) => void, signal: AbortSignal): Promise<void> {
  const response = await request(path, { signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += value
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        dispatch(block, onEvent)
      }
    }
  } catch (e) {
    if (signal.aborted) return
    throw e
  } finally {
    reader.releaseLock()
  }
}

function dispatch(block: string, onEvent: (name: string, data: unknown) => void): void {
  let name = 'message'
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'id' || field === 'event') name = value
    else if (field === 'data') data.push(value)
  }
  if (data.length === 0) return
  const text = data.join('\n')
  let parsed: unknown = text
  try { parsed = JSON.parse(text) } catch { /* not JSON: hand the text over */ }
  onEvent(name, parsed)
}
