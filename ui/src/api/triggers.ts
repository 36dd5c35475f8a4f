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
}

export interface TriggerItem { abstractTrigger: Record<string, unknown>; triggerContext: TriggerContext }

export function searchTriggers(text: string): Promise<Page<TriggerItem>> {
  return getJson(`${apiBase}/triggers/search${query({ q: text, size: 200, page: 1 })}`)
}

/** Enables or disables a trigger (stored by the server; overrides the flow's own `disabled`). */
export function setTriggerDisabled(context: TriggerContext, disabled: boolean): Promise<TriggerContext> {
  return sendJson(`${apiBase}/triggers`, {
    method: 'PUT',
    contentType: 'application/json',
    body: JSON.stringify({ namespace: context.namespace, flowId: context.flowId, triggerId: context.triggerId, disabled }),
  })
}
