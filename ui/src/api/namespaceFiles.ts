import { apiBase, getJson, query, request } from './http'

// Kestra's namespace files API (src/Harrier.Server/Api/Namespaces/NamespaceFileEndpoints.cs). Paths start with "/".

/** Kestra's FileAttributes: dates in epoch milliseconds. */
export interface FileEntry { fileName: string; type: 'File' | 'Directory'; size: number; lastModifiedTime: number }

const files = (namespace: string) => `${apiBase}/namespaces/${encodeURIComponent(namespace)}/files`

export function listFolder(namespace: string, path: string): Promise<FileEntry[]> {
  return getJson(`${files(namespace)}/directory${query({ path })}`)
}

export async function readFile(namespace: string, path: string): Promise<ArrayBuffer> {
  return (await request(`${files(namespace)}${query({ path })}`, { timeoutMs: 60_000 })).arrayBuffer()
}

export function fileUrl(namespace: string, path: string): string {
  return `${files(namespace)}${query({ path })}`
}

/**
 * Creates or replaces the file at <path> (multipart, part fileContent, as Kestra's UI sends it). The server unpacks a
 * part whose name ends with .zip into the namespace, so a text saved under such a name is sent as "content" instead.
 */
export async function writeFile(namespace: string, path: string, content: Blob, fileName = path.split('/').pop() ?? 'file'): Promise<void> {
  const form = new FormData()
  form.append('fileContent', content, fileName)
  await request(`${files(namespace)}${query({ path })}`, { method: 'POST', body: form, timeoutMs: 120_000 })
}

export async function createFolder(namespace: string, path: string): Promise<void> {
  await request(`${files(namespace)}/directory${query({ path })}`, { method: 'POST' })
}

export async function deletePath(namespace: string, path: string): Promise<void> {
  await request(`${files(namespace)}${query({ path })}`, { method: 'DELETE' })
}

export async function movePath(namespace: string, from: string, to: string): Promise<void> {
  await request(`${files(namespace)}${query({ from, to })}`, { method: 'PUT', timeoutMs: 60_000 })
}
