import { apiBase, getJson, request, sendJson } from './http'

export interface KeyValueEntry { key: string; description?: string | null; creationDate: string; updateDate: string; expirationDate?: string | null }
export interface TypedValue { type: string; value: unknown }

const base = (namespace: string) => `${apiBase}/namespaces/${encodeURIComponent(namespace)}/kv`

export function namespaces(): Promise<string[]> {
  return getJson(`${apiBase}/flows/distinct-namespaces`)
}

export function listKeys(namespace: string): Promise<KeyValueEntry[]> {
  return getJson(base(namespace))
}

export function getValue(namespace: string, key: string): Promise<TypedValue> {
  return getJson(`${base(namespace)}/${encodeURIComponent(key)}`)
}

/** Stores a value given as JSON text (a string must be quoted: "text"). */
export async function putValue(namespace: string, key: string, json: string): Promise<void> {
  await request(`${base(namespace)}/${encodeURIComponent(key)}`, { method: 'PUT', body: json, contentType: 'application/json' })
}

export function deleteKey(namespace: string, key: string): Promise<boolean> {
  return sendJson(`${base(namespace)}/${encodeURIComponent(key)}`, { method: 'DELETE' })
}
