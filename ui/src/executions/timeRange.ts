// The executions list's time filter: a preset back from now, or a custom window of start dates. Presets are sent as
// Kestra's timeRange filter (an ISO-8601 duration the server subtracts from its own clock, so a browser whose clock
// is off still gets the right rows); a custom window as startDate bounds.

export interface TimePreset { value: string; label: string; duration: string | null }

export const timePresets: TimePreset[] = [
  { value: '', label: 'any time', duration: null },
  { value: '5m', label: 'last 5 min', duration: 'PT5M' },
  { value: '1h', label: 'last hour', duration: 'PT1H' },
  { value: '24h', label: 'last 24 h', duration: 'PT24H' },
  { value: '7d', label: 'last 7 days', duration: 'P7D' },
  { value: 'custom', label: 'custom…', duration: null },
]

/** The URL's form of the filter: range is a preset's value; from/to are datetime-local texts (the browser's zone). */
export interface TimeFilter { range: string; from: string; to: string }

export interface TimeQuery { timeRange?: string; startedFrom?: string; startedTo?: string }

export function toTimeQuery(filter: TimeFilter): TimeQuery {
  if (filter.range === 'custom') return { startedFrom: instant(filter.from), startedTo: instant(filter.to) }
  const preset = timePresets.find((p) => p.value === filter.range)
  return preset?.duration ? { timeRange: preset.duration } : {}
}

/** A datetime-local text as an ISO instant; empty (no bound) when it is empty or not a date. */
function instant(local: string): string | undefined {
  if (!local) return undefined
  const date = new Date(local)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}
