import { computed, reactive } from 'vue'
import { listFolder, type FileEntry } from '../api/namespaceFiles'
import { isUnder, join, parentOf } from '../files/paths'

export interface TreeRow { path: string; name: string; folder: boolean; depth: number; open: boolean; size: number }

/**
 * A namespace's files as an expandable tree: each folder is listed when first opened and again on refresh. Storage keeps
 * folders only while they hold a file, so a folder created here and still empty lives only in this tree (`pending`).
 */
export function useFileTree(namespace: () => string) {
  const folders = reactive(new Map<string, FileEntry[]>())
  const open = reactive(new Set<string>(['/']))
  const pending = reactive(new Set<string>())
  const state = reactive<{ error: string | null; loaded: boolean }>({ error: null, loaded: false })

  async function load(folder: string): Promise<void> {
    try {
      const entries = await listFolder(namespace(), folder)
      folders.set(folder, entries)
      // Once it holds a file the server knows the folder: it is an ordinary one from now on (deleted on the server too).
      if (entries.length) pending.delete(folder)
      state.error = null
    } catch (e) {
      const missing = (e as { status?: number }).status === 404
      if (missing && pending.has(folder)) {
        folders.set(folder, [])
      } else if (missing && folder !== '/') {
        // A folder that vanished (moved or deleted elsewhere) closes instead of showing an error forever.
        open.delete(folder)
        folders.delete(folder)
      } else {
        state.error = (e as Error).message
      }
    }
  }

  async function refresh(): Promise<void> {
    await Promise.all([...open].map(load))
    state.loaded = true
  }

  function reset(): void {
    folders.clear()
    open.clear()
    open.add('/')
    pending.clear()
    state.loaded = false
    state.error = null
  }

  async function toggle(folder: string): Promise<void> {
    if (open.has(folder)) {
      open.delete(folder)
      return
    }
    open.add(folder)
    if (!pending.has(folder)) await load(folder)
  }

  /** Opens every folder down to <path> (a deep link to a file), listing each. */
  async function reveal(path: string): Promise<void> {
    const chain: string[] = []
    for (let folder = parentOf(path); folder !== '/'; folder = parentOf(folder)) chain.unshift(folder)
    for (const folder of chain) {
      if (!open.has(folder)) {
        open.add(folder)
        await load(folder)
      }
    }
  }

  function addPendingFolder(folder: string): void {
    pending.add(folder)
    open.add(folder)
  }

  function forget(path: string): void {
    for (const p of [...pending]) if (isUnder(p, path)) pending.delete(p)
    for (const p of [...open]) if (p !== '/' && isUnder(p, path)) open.delete(p)
  }

  const rows = computed<TreeRow[]>(() => {
    const out: TreeRow[] = []
    const walk = (folder: string, depth: number): void => {
      const listed = folders.get(folder) ?? []
      const names = new Set(listed.map((e) => e.fileName))
      const extra = [...pending].filter((p) => parentOf(p) === folder && !names.has(p.slice(p.lastIndexOf('/') + 1)))
      const entries = [
        ...extra.map((p) => ({ fileName: p.slice(p.lastIndexOf('/') + 1), type: 'Directory' as const, size: 0 })),
        ...listed,
      ].sort((a, b) => (a.type === b.type ? a.fileName.localeCompare(b.fileName) : a.type === 'Directory' ? -1 : 1))
      for (const entry of entries) {
        const path = join(folder, entry.fileName)
        const isFolder = entry.type === 'Directory'
        out.push({ path, name: entry.fileName, folder: isFolder, depth, open: isFolder && open.has(path), size: entry.size })
        if (isFolder && open.has(path)) walk(path, depth + 1)
      }
    }
    walk('/', 0)
    return out
  })

  return { rows, state, refresh, reset, toggle, reveal, addPendingFolder, forget, pending }
}
