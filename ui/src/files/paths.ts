// Namespace file paths as the API takes them: "/" is the root, "/a/b.py" a file, no trailing slash.

export function join(folder: string, name: string): string {
  return `${folder === '/' ? '' : folder}/${name}`
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash <= 0 ? '/' : path.slice(0, slash)
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** What a user typed ("scripts/a.py", "/scripts//a.py ") as an API path, or null when it names no file. */
export function normalise(text: string): string | null {
  const segments = text.trim().split('/').map((s) => s.trim()).filter(Boolean)
  return segments.length ? `/${segments.join('/')}` : null
}

/** Whether <path> is <folder> itself or lies under it. */
export function isUnder(path: string, folder: string): boolean {
  return folder === '/' || path === folder || path.startsWith(`${folder}/`)
}
