import { reactive } from 'vue'

// Basic-auth credentials for a server configured with server.basicAuth. Kept in sessionStorage: they last as long as
// the tab, and are asked for once (the first 401), not on every page.
const key = 'harrier.auth'

export const authState = reactive({
  /** True while the login dialog is shown; requests that got a 401 wait for it. */
  asking: false,
  /** Why the dialog is shown again (wrong credentials). */
  error: '',
})

let waiters: Array<() => void> = []

export function authorizationHeader(): string | null {
  const value = sessionStorage.getItem(key)
  return value ? `Basic ${value}` : null
}

/** Called by the HTTP client on a 401: shows the dialog and resolves once new credentials were entered. */
export function askForCredentials(rejected: boolean): Promise<void> {
  if (rejected) authState.error = 'Those credentials were refused: check the user and password of server.basicAuth.'
  authState.asking = true
  return new Promise((resolve) => waiters.push(resolve))
}

export function provideCredentials(user: string, password: string): void {
  const bytes = new TextEncoder().encode(`${user}:${password}`)
  sessionStorage.setItem(key, btoa(String.fromCharCode(...bytes)))
  authState.asking = false
  authState.error = ''
  const pending = waiters
  waiters = []
  pending.forEach((resolve) => resolve())
}
