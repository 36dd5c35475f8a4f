// The topology of a flow, as a graph of its tasks: pure data built from the flow's JSON (the API's flow document), laid
// out by dagre and drawn by TopologyGraph.vue. Flowable tasks open their children: Sequential-like ones (tasks run in
// order), Parallel ones (every child from the parent), If (then/else), Switch (cases/defaults), Dag (dependsOn);
// the flow's `errors` branch from the start, `finally` runs after everything.

export interface TopologyNode { id: string; label: string; type: string; kind: 'start' | 'end' | 'task' | 'flowable'; subflow?: string }
export interface TopologyEdge { from: string; to: string; label?: string; dashed?: boolean }
export interface Topology { nodes: TopologyNode[]; edges: TopologyEdge[] }

type Task = Record<string, unknown> & { id?: string; type?: string }

const flowables = /\.(Sequential|Parallel|If|Switch|ForEach|ForEachItem|EachSequential|EachParallel|Dag|WorkingDirectory|AllowFailure|LoopUntil)$/

export function buildTopology(flow: { tasks?: unknown; errors?: unknown; finally?: unknown }): Topology {
  const graph: Topology = { nodes: [{ id: '__start', label: 'start', type: '', kind: 'start' }], edges: [] }
  const main = walk(graph, list(flow.tasks), ['__start'])
  const errors = list(flow.errors).length ? walk(graph, list(flow.errors), ['__start'], { label: 'on error', dashed: true }) : []
  const last = list(flow.finally).length ? walk(graph, list(flow.finally), [...main, ...errors], { label: 'finally' }) : [...main, ...errors]
  graph.nodes.push({ id: '__end', label: 'end', type: '', kind: 'end' })
  for (const from of last) graph.edges.push({ from, to: '__end' })
  return graph
}

/** Adds the tasks of a list, run one after the other from `entries`; returns the nodes the list ends on. */
function walk(graph: Topology, tasks: Task[], entries: string[], firstEdge: Partial<TopologyEdge> = {}): string[] {
  let exits = entries
  tasks.forEach((task, index) => {
    exits = addTask(graph, task, exits, index === 0 ? firstEdge : {})
  })
  return exits
}

function addTask(graph: Topology, task: Task, entries: string[], edge: Partial<TopologyEdge>): string[] {
  const type = String(task.type ?? '')
  const id = String(task.id ?? '?')
  const node: TopologyNode = { id, label: id, type: type.split('.').pop() ?? type, kind: flowables.test(type) ? 'flowable' : 'task' }
  if (/\.(Subflow|ForEachItem)$/.test(type) && task.namespace && task.flowId) node.subflow = `${String(task.namespace)}/${String(task.flowId)}`
  graph.nodes.push(node)
  for (const from of entries) graph.edges.push({ from, to: id, ...edge })
  if (node.kind !== 'flowable') return [id]

  const short = node.type
  if (short === 'If') {
    const then = walk(graph, list(task.then), [id], { label: 'then' })
    const otherwise = list(task.else).length ? walk(graph, list(task.else), [id], { label: 'else' }) : [id]
    return [...then, ...otherwise]
  }
  if (short === 'Switch') {
    const cases = Object.entries((task.cases ?? {}) as Record<string, unknown>)
      .flatMap(([value, tasks]) => walk(graph, list(tasks), [id], { label: value }))
    const defaults = list(task.defaults).length ? walk(graph, list(task.defaults), [id], { label: 'default' }) : [id]
    return [...cases, ...defaults]
  }
  if (short === 'Dag') return addDag(graph, list(task.tasks), id)
  if (short === 'Parallel' || short === 'EachParallel') {
    const children = list(task.tasks)
    return children.length ? children.flatMap((child) => addTask(graph, child, [id], {})) : [id]
  }
  return walk(graph, list(task.tasks), [id])
}

/** Dag: each task after the tasks it dependsOn (or after the Dag itself); the Dag ends on the tasks nothing depends on. */
function addDag(graph: Topology, items: Task[], dag: string): string[] {
  const depended = new Set<string>()
  for (const item of items) {
    const task = (item.task ?? {}) as Task
    const after = Array.isArray(item.dependsOn) ? item.dependsOn.map(String) : []
    after.forEach((d) => depended.add(d))
    addTask(graph, task, after.length ? after : [dag], {})
  }
  const ends = items.map((i) => String(((i.task ?? {}) as Task).id ?? '?')).filter((i) => !depended.has(i))
  return ends.length ? ends : [dag]
}

function list(value: unknown): Task[] {
  return Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Task[]) : []
}
