import { apiBase, getJson } from './http'

/** The namespaces that hold at least one flow (Kestra has no other namespace listing in its open-source API). */
export function distinctNamespaces(): Promise<string[]> {
  return getJson(`${apiBase}/flows/distinct-namespaces`)
}
