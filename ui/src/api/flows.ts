import { apiBase, getJson, query, sendJson } from './http'
import type { Flow, FlowValidation, Label, Page } from './types'

const yaml = 'application/x-yaml'

/** Flows whose namespace or id holds <text>, carrying every one of <labels> (Kestra's `labels=key:value`, repeated). */
export function searchFlows(text: string, page = 1, size = 50, labels: Label[] = []): Promise<Page<Flow>> {
  const byLabel = labels.map((l) => `&labels=${encodeURIComponent(`${l.key}:${l.value}`)}`).join('')
  const base = query({ q: text, page, size, sort: 'id:asc' })
  return getJson(`${apiBase}/flows/search${base}${byLabel}`)
}

export function getFlow(namespace: string, id: string, revision?: number): Promise<Flow> {
  return getJson(`${apiBase}/flows/${encodeURIComponent(namespace)}/${encodeURIComponent(id)}${query({ source: 'true', revision, allowDeleted: revision ? 'true' : undefined })}`)
}

export function createFlow(source: string): Promise<Flow> {
  return sendJson(`${apiBase}/flows`, { method: 'POST', body: source, contentType: yaml })
}

export function updateFlow(namespace: string, id: string, source: string): Promise<Flow> {
  return sendJson(`${apiBase}/flows/${encodeURIComponent(namespace)}/${encodeURIComponent(id)}`, { method: 'PUT', body: source, contentType: yaml })
}

export async function validateFlow(source: string, signal?: AbortSignal): Promise<FlowValidation | undefined> {
  const results = await sendJson<FlowValidation[]>(`${apiBase}/flows/validate`, { method: 'POST', body: source, contentType: yaml, signal })
  return results[0]
}

/** The flow JSON Schema generated from the server's task type registry (for completion, hovers and validation). */
export function flowSchema(): Promise<object> {
  return getJson('/api/v1/plugins/schemas/flow', { timeoutMs: 30_000 })
}

/** Every revision of a flow, oldest first, each with its source. */
export function flowRevisions(namespace: string, id: string): Promise<Flow[]> {
  return getJson(`${apiBase}/flows/${encodeURIComponent(namespace)}/${encodeURIComponent(id)}/revisions`)
}
