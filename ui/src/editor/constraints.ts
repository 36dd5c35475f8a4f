/** One problem of a flow, as the server words it: `5:11: tasks[0].type: unknown type …` (1-based line and column). */
export interface FlowProblem { line: number; column: number; message: string }

const located = /^(\d+):(\d+):\s*(.*)$/

/** Splits the `constraints` text of POST /flows/validate (or a 422's errors) into located problems. */
export function parseConstraints(text: string | null | undefined): FlowProblem[] {
  if (!text) return []
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const match = located.exec(line)
    return match ? { line: Number(match[1]), column: Number(match[2]), message: match[3] } : { line: 1, column: 1, message: line }
  })
}
