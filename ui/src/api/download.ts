import { request } from './http'

/** Downloads through fetch (so the session's credentials go along), then hands the file to the browser. */
export async function download(path: string, fileName: string): Promise<void> {
  const blob = await (await request(path, { timeoutMs: 120_000 })).blob()
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
