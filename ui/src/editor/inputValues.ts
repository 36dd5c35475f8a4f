import type { FlowInput } from '../api/types'

/** The form's starting value of an input: its default, shaped for its control. */
export function initialValue(input: FlowInput): unknown {
  const type = input.type.toUpperCase()
  const value = input.defaults
  if (type === 'BOOLEAN' || type === 'BOOL') return value === true || value === 'true'
  if (value === undefined || value === null) return type === 'FILE' ? null : ''
  if (type === 'DATETIME' && typeof value === 'string') return localDateTime(value)
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/**
 * The multipart body of POST /executions/{ns}/{id}: one field per input that has a value (an empty optional input is
 * left out so the server applies its default), FILE inputs as file parts. A DATETIME from the browser's local-time
 * control is sent as the UTC instant it means. Without any value, no body.
 */
export function toFormData(inputs: FlowInput[], values: Record<string, unknown>): FormData | undefined {
  const form = new FormData()
  for (const input of inputs) {
    const type = input.type.toUpperCase()
    const value = values[input.id]
    if (value === undefined || value === null || value === '') continue
    if (value instanceof File) form.append(input.id, value, value.name)
    else if (type === 'DATETIME') form.append(input.id, new Date(String(value)).toISOString())
    else form.append(input.id, String(value))
  }
  // No field at all: no body (an empty multipart body is not one every server reads).
  return [...form.keys()].length ? form : undefined
}

/** An instant as the value of a datetime-local control, which shows (and edits) the browser's local time. */
function localDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const two = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
}

/**
 * A 422's messages split by field: an item whose `path` is `inputs.ID` goes under that input's field, the rest (and
 * the error's own message when no item names a field) above the submit button.
 */
export function fieldErrors(error: { message: string; errors?: Array<{ message: string; path?: string | null }> }, inputs: FlowInput[]): { byInput: Record<string, string>; general: string } {
  const byInput: Record<string, string> = {}
  const rest: string[] = []
  for (const item of error.errors ?? []) {
    const id = item.path?.startsWith('inputs.') ? item.path.slice('inputs.'.length) : null
    if (id && inputs.some((i) => i.id === id)) byInput[id] = byInput[id] ? `${byInput[id]}; ${item.message}` : item.message
    else rest.push(item.message)
  }
  return { byInput, general: rest.length ? rest.join('; ') : Object.keys(byInput).length ? '' : error.message }
}
