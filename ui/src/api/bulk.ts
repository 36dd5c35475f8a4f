import { ApiError, apiBase, query, sendJson } from './http'
import { executionFilterParams, type ExecutionFilter } from './executions'

/** What a bulk action did: how many executions it acted on, and each refused one with the server's reason. */
export interface BulkOutcome { done: number; refused: Array<{ id: string; message: string }> }

export type BulkAction = 'kill' | 'restart'

interface BulkErrorBody { message?: string; invalids?: Array<{ invalidValue?: unknown; message?: string }> }

const endpoints: Record<BulkAction, { method: string; path: string }> = {
  kill: { method: 'DELETE', path: `${apiBase}/executions/kill/by-ids` },
  restart: { method: 'POST', path: `${apiBase}/executions/restart/by-ids` },
}

/**
 * Kills or restarts the executions <ids>. Kestra's API is all or nothing: one id it refuses (an ended execution for a
 * kill, a running one for a restart) and it does nothing, answering 400 with the refused ids. A user who selected ten
 * rows expects the eight that can be acted on to be, so the refused ones are set aside and the rest sent again once.
 */
export async function runBulk(action: BulkAction, ids: string[]): Promise<BulkOutcome> {
  try {
    return { done: await send(action, ids), refused: [] }
  } catch (e) {
    const refused = refusedOf(e)
    if (!refused) throw e
    const rest = ids.filter((id) => !refused.some((r) => r.id === id))
    return { done: rest.length ? await send(action, rest) : 0, refused }
  }
}

async function send(action: BulkAction, ids: string[]): Promise<number> {
  const { method, path } = endpoints[action]
  const body = await sendJson<{ count: number }>(path, { method, body: JSON.stringify(ids), contentType: 'application/json', timeoutMs: 60_000 })
  return body.count
}

function refusedOf(e: unknown): BulkOutcome['refused'] | null {
  if (!(e instanceof ApiError) || e.status !== 400) return null
  const invalids = (e.body as BulkErrorBody | null)?.invalids
  if (!Array.isArray(invalids) || invalids.length === 0) return null
  return invalids.map((i) => ({ id: String(i.invalidValue ?? '?'), message: i.message ?? e.message }))
}

const queryEndpoints: Record<BulkAction, { method: string; path: string }> = {
  kill: { method: 'DELETE', path: `${apiBase}/executions/kill/by-query` },
  restart: { method: 'POST', path: `${apiBase}/executions/restart/by-query` },
}

/**
 * Kills or restarts every execution the list's filters match, pages the user has not seen included. The server skips
 * those it cannot act on (an ended one for a kill, a running one for a restart) and names each with its reason.
 */
export async function runBulkByQuery(action: BulkAction, filter: ExecutionFilter): Promise<BulkOutcome> {
  const { method, path } = queryEndpoints[action]
  const body = await sendJson<{ count: number; invalids?: BulkErrorBody['invalids'] }>(`${path}${query(executionFilterParams(filter))}`, { method, timeoutMs: 60_000 })
  return { done: body.count, refused: (body.invalids ?? []).map((i) => ({ id: String(i.invalidValue ?? '?'), message: i.message ?? '' })) }
}
