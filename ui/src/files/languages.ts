// Monaco's language for a namespace file, by extension. Only languages whose tokenizers editor/monaco.ts registers are
// named here; anything else opens as plain text.
const byExtension: Record<string, string> = {
  yml: 'yaml', yaml: 'yaml',
  py: 'python',
  sql: 'sql',
  sh: 'shell', bash: 'shell', zsh: 'shell',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'typescript',
  r: 'r', rb: 'ruby', ps1: 'powershell', md: 'markdown',
}

export function languageOf(path: string): string {
  const dot = path.lastIndexOf('.')
  return dot < 0 ? 'plaintext' : byExtension[path.slice(dot + 1).toLowerCase()] ?? 'plaintext'
}
