import { askForCredentials, authorizationHeader } from '../auth/credentials'

/** Kestra's tenant prefix; the UI uses only the public API under it. */
export const apiBase = '/api/v1/main'

/** How long any request may take before the UI says so instead of spinning on. */
export const requestTimeoutMs = 15_000

export interface ApiErrorItem { message: string; path?: string | null }

/** A failed request: the server's own message (Kestra's error document) or what went wrong on the way. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly errors: ApiErrorItem[] = [], readonly timedOut = false, readonly body: unknown = null) {
    super(message)
  }
}

export interface RequestOptions {
  method?: string
  body?: BodyInit
  contentType?: string
  signal?: AbortSignal
  timeoutMs?: number
}

/** Sends a request with the session's credentials and a timeout; on a 401 asks for credentials once, then retries. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  let rejected = false
  for (;;) {
    const response = await send(path, options)
    if (response.status !== 401) {
      if (!response.ok) throw await errorOf(response, path)
      return response
    }
    await askForCredentials(rejected || authorizationHeader() !== null)
    rejected = true
  }
}

export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await (await request(path, options)).json()) as T
}

export async function sendJson<T>(path: string, options: RequestOptions): Promise<T> {
  const response = await request(path, options)
  const text = await response.text()
  return (text ? JSON.parse(text) : null) as T
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const timeout = options.timeoutMs ?? requestTimeoutMs
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeout)
  options.signal?.addEventListener('abort', () => controller.abort(options.signal?.reason), { once: true })
  const headers: Record<string, string> = { Accept: 'application/json' }
  const auth = authorizationHeader()
  if (auth) headers.Authorization = auth
  if (options.contentType) headers['Content-Type'] = options.contentType
  try {
    // credentials: 'omit' so the browser never uses (or prompts for) its own cached basic-auth credentials.
    return await fetch(path, { method: options.method ?? 'GET', body: options.body, headers, signal: controller.signal, credentials: 'omit' })
  } catch (e) {
    if (controller.signal.aborted && !options.signal?.aborted) {
      throw new ApiError(`The server did not answer within ${timeout / 1000} s (${options.method ?? 'GET'} ${path}). Is harrier server running? Reload to try again.`, 0, [], true)
    }
    if (options.signal?.aborted) throw e
    throw new ApiError(`The server cannot be reached (${options.method ?? 'GET'} ${path}): ${(e as Error).message}. Is harrier server running?`, 0)
  } finally {
    // fetch resolves once the headers arrived: for streams the timeout covers that wait only.
    clearTimeout(timer)
  }
}

async function errorOf(response: Response, path: string): Promise<ApiError> {
  const text = await response.text()
  try {
    const body = JSON.parse(text) as { message?: string; _embedded?: { errors?: ApiErrorItem[] } }
    return new ApiError(body.message ?? `${response.status} from ${path}`, response.status, body._embedded?.errors ?? [], false, body)
  } catch {
    return new ApiError(`${response.status} ${response.statusText} from ${path}${text ? `: ${text.slice(0, 200)}` : ''}`, response.status)
  }
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.append(name, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}
