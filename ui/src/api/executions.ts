import { apiBase, getJson, query, request, sendJson } from './http'
import type { Execution, FileRender, Label, MetricEntry, Page } from './types'

export interface ExecutionFilter {
  /** A prefix: the namespace or one under it (Kestra's list filter). */
  namespace?: string
  /** Exactly this namespace (a flow's own executions: company.team's, not company.team.sub's). */
  exactNamespace?: string
  flowId?: string
  state?: string
  /** A duration back from the server's now (ISO-8601, PT1H): Kestra's timeRange filter. */
  timeRange?: string
  /** Started at or after / at or before these instants (ISO-8601). */
  startedFrom?: string
  startedTo?: string
  labels?: Label[]
  page?: number
  size?: number
}

/** The search's filters as Kestra's query parameters: the list, and the bulk actions by query, send the same ones. */
export function executionFilterParams(filter: ExecutionFilter): Record<string, string | undefined> {
  const labels = Object.fromEntries((filter.labels ?? []).map((l) => [`filters[labels][EQUALS][${l.key}]`, l.value]))
  return {
    'filters[namespace][PREFIX]': filter.namespace,
    'filters[namespace][EQUALS]': filter.exactNamespace,
    'filters[flowId][EQUALS]': filter.flowId,
    'filters[state][EQUALS]': filter.state,
    'filters[timeRange][EQUALS]': filter.timeRange,
    'filters[startDate][GREATER_THAN_OR_EQUAL_TO]': filter.startedFrom,
    'filters[startDate][LESS_THAN_OR_EQUAL_TO]': filter.startedTo,
    ...labels,
  }
}

export function searchExecutions(filter: ExecutionFilter): Promise<Page<Execution>> {
  return getJson(`${apiBase}/executions/search${query({
    ...executionFilterParams(filter),
    page: filter.page ?? 1,
    size: filter.size ?? 50,
    sort: 'state.startDate:desc',
  })}`)
}

export function getExecution(id: string): Promise<Execution> {
  return getJson(`${apiBase}/executions/${encodeURIComponent(id)}`)
}

/** Starts an execution: inputs as multipart fields, FILE inputs as file parts (the browser sets the boundary). */
export function createExecution(namespace: string, flowId: string, inputs: FormData | undefined): Promise<Execution> {
  return sendJson(`${apiBase}/executions/${encodeURIComponent(namespace)}/${encodeURIComponent(flowId)}`, { method: 'POST', body: inputs, timeoutMs: 60_000 })
}

export async function killExecution(id: string): Promise<void> {
  await request(`${apiBase}/executions/${encodeURIComponent(id)}/kill`, { method: 'DELETE' })
}

export function restartExecution(id: string): Promise<Execution> {
  return sendJson(`${apiBase}/executions/${encodeURIComponent(id)}/restart`, { method: 'POST' })
}

export function executionFileUrl(id: string, uri: string): string {
  return `${apiBase}/executions/${encodeURIComponent(id)}/file${query({ path: uri })}`
}

export function followExecutionPath(id: string): string {
  return `${apiBase}/executions/${encodeURIComponent(id)}/follow`
}

/** Resumes a PAUSED execution: the Pause's onResume inputs as multipart fields, FILE ones as file parts (204). */
export async function resumeExecution(id: string, inputs: FormData | undefined): Promise<void> {
  await request(`${apiBase}/executions/${encodeURIComponent(id)}/resume`, { method: 'POST', body: inputs ?? new FormData(), timeoutMs: 60_000 })
}

/** Replays an execution as a new one; with a task run, from that task on (Kestra's ?taskRunId=). */
export function replayExecution(id: string, taskRunId?: string): Promise<Execution> {
  return sendJson(`${apiBase}/executions/${encodeURIComponent(id)}/replay${query({ taskRunId })}`, { method: 'POST' })
}

export function previewFile(id: string, uri: string, maxRows = 100): Promise<FileRender> {
  return getJson(`${apiBase}/executions/${encodeURIComponent(id)}/file/preview${query({ path: uri, maxRows })}`)
}

/** Every metric of an execution (Kestra pages them; one page of 500 covers any task's reasonable count). */
export async function executionMetrics(id: string): Promise<MetricEntry[]> {
  return (await getJson<Page<MetricEntry>>(`${apiBase}/metrics/${encodeURIComponent(id)}${query({ page: 1, size: 500 })}`)).results
}
