// Monaco with YAML only, and monaco-yaml driven by the server's flow JSON Schema (completion of task types and
// properties, hovers, schema validation). Imported only by the flow editor, so it is a chunk of its own, loaded lazily.
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js'
import './monacoFeatures'
import 'monaco-editor/esm/vs/languages/definitions/yaml/register.js'
import { configureMonacoYaml } from 'monaco-yaml'
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker'
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker'
import { flowSchema } from '../api/flows'

declare global {
  interface Window { MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker } }
}

window.MonacoEnvironment = {
  getWorker: (_id, label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
}

/** The URI of every flow model: the schema applies to it. */
export const flowModelUri = monaco.Uri.parse('file:///flow.yaml')

let schemaLoaded: Promise<void> | null = null

/** Loads the schema once per page load; an editor works (without completion) when the server has none. */
export function configureFlowSchema(): Promise<void> {
  schemaLoaded ??= flowSchema().then(
    (schema) => {
      configureMonacoYaml(monaco, {
        enableSchemaRequest: false,
        validate: true,
        completion: true,
        hover: true,
        schemas: [{ uri: `${location.origin}/api/v1/plugins/schemas/flow`, fileMatch: ['flow.yaml'], schema: schema as never }],
      })
    },
    () => {
      configureMonacoYaml(monaco, { validate: true, schemas: [] })
    },
  )
  return schemaLoaded
}

export { monaco }
