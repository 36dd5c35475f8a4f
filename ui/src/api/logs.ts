import { apiBase } from './http'

export function followLogsPath(executionId: string): string {
  return `${apiBase}/logs/${encodeURIComponent(executionId)}/follow`
}

export function downloadLogsPath(executionId: string): string {
  return `${apiBase}/logs/${encodeURIComponent(executionId)}/download`
}
