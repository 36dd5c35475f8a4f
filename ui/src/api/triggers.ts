import { apiBase, getJson, query, sendJson } from './http'
import type { Page } from './types'

export interface TriggerContext {
  namespace: string
  flowId: string
  triggerId: string
  type?: string
  date?: string | null
  nextExecutionDate?: string | null
  executionId?: string | null
  disabled?: boolean
  lastError?: string | null
  backfill?: Backfill | null
}

/** A trigger's running backfill: every slot from start to end fires once, in order; currentDate is the next one. */
export interface Backfill { start: string; end: string; currentDate: string; paused: boolean }

export interface TriggerItem { abstractTrigger: Record<string, unknown>; triggerContext: TriggerContext }

export function searchTriggers(text: string): Promise<Page<TriggerItem>> {
  return getJson(`${apiBase}/triggers/search${query({ q: text, size: 200, page: 1 })}`)
}

/** The triggers of one flow (the search, filtered to the flow: its items carry each trigger's definition, its type). */
export function flowTriggers(namespace: string, flowId: string): Promise<Page<TriggerItem>> {
  return getJson(`${apiBase}/triggers/search${query({ 'filters[namespace][EQUALS]': namespace, 'filters[flowId][EQUALS]': flowId, size: 200, page: 1 })}`)
}

/** Enables or disables a trigger (stored by the server; overrides the flow's own `disabled`). */
export function setTriggerDisabled(context: TriggerContext, disabled: boolean): Promise<TriggerContext> {
  return sendJson(`${apiBase}/triggers`, {
    method: 'PUT',
    contentType: 'application/json',
    body: JSON.stringify({ namespace: context.namespace, flowId: context.flowId, triggerId: context.triggerId, disabled }),
  })
}

/** Starts a backfill of a Schedule: every slot from `start` to `end` (ISO dates) fires, oldest first. */
export function startBackfill(context: TriggerContext, start: string, end: string): Promise<TriggerContext> {
  return sendJson(`${apiBase}/triggers`, {
    method: 'PUT',
    contentType: 'application/json',
    body: JSON.stringify({ namespace: context.namespace, flowId: context.flowId, triggerId: context.triggerId, backfill: { start, end, inputs: {}, labels: [] } }),
  })
}

/** Pauses, resumes or deletes a running backfill (Kestra's PUT /triggers/backfill/pause|unpause, POST /triggers/backfill/delete). */
export function changeBackfill(context: TriggerContext, action: 'pause' | 'unpause' | 'delete'): Promise<TriggerContext> {
  return sendJson(`${apiBase}/triggers/backfill/${action}`, {
    method: action === 'delete' ? 'POST' : 'PUT',
    contentType: 'application/json',
    body: JSON.stringify({ namespace: context.namespace, flowId: context.flowId, triggerId: context.triggerId }),
  })
}
