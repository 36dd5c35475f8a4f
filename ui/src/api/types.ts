// The shapes of Kestra's API that the UI reads (Harrier answers them; see docs/server.md).

export interface StateHistory { state: string; date: string }
export interface State { current: string; histories: StateHistory[]; duration: string; startDate: string; endDate?: string | null }
export interface Label { key: string; value: string }

export interface FlowInput {
  id: string
  type: string
  description?: string
  displayName?: string
  required?: boolean
  defaults?: unknown
  values?: string[]
  allowMultiple?: boolean
}

export interface Flow {
  id: string
  namespace: string
  revision: number
  description?: string
  inputs?: FlowInput[]
  tasks?: Array<{ id: string; type: string }>
  labels?: Label[]
  disabled?: boolean
  deleted?: boolean
  updated?: string
  source?: string
}

export interface Attempt { state: State; workerId?: string | null }

/** Kestra's MetricEntry (GET /metrics/{executionId}): a counter, or a timer in milliseconds. */
export interface MetricEntry {
  namespace: string
  flowId: string
  taskId: string
  executionId: string
  taskRunId: string
  type: string
  name: string
  value: number
  tags: Record<string, string>
  timestamp: string
}

/** One execution's figure of a metric, for the metrics chart. */
export interface MetricPoint { executionId: string; date: string; value: number }

/** Kestra's FileRender (GET /executions/{id}/file/preview). */
export interface FileRender { extension: string; type: 'TEXT' | 'LIST' | 'IMAGE' | 'MARKDOWN' | 'PDF'; content: unknown; truncated: boolean; maxLine?: number }

export interface TaskRun {
  id: string
  executionId: string
  taskId: string
  parentTaskRunId?: string | null
  value?: string | null
  iteration?: number | null
  attempts: Attempt[]
  outputs?: Record<string, unknown> | null
  state: State
}

export interface Execution {
  id: string
  namespace: string
  flowId: string
  flowRevision: number
  taskRunList?: TaskRun[] | null
  inputs?: Record<string, unknown> | null
  outputs?: Record<string, unknown> | null
  labels: Label[]
  state: State
  url?: string
}

export interface LogEntry {
  taskId?: string | null
  taskRunId?: string | null
  attemptNumber?: number | null
  timestamp?: string | null
  level?: string | null
  message?: string | null
}

export interface Page<T> { results: T[]; total: number }

export interface FlowValidation { index: number; flow?: string | null; namespace?: string | null; constraints?: string | null }
