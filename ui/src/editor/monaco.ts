// Monaco with YAML (and the namespace files' languages, below), and monaco-yaml driven by the server's flow JSON Schema (completion of task types and
// properties, hovers, schema validation). Imported only by the flow editor, so it is a chunk of its own, loaded lazily.
// edcore.main: the editor API with its features (find, folding, hover, suggest…) but none of the languages and their
// heavy workers (CSS, HTML, JSON, TypeScript); YAML's tokenizer is added alone. monaco-editor stays on 0.52: from 0.53 on
// createWebWorker takes a Worker, while monaco-yaml 5.5 still passes a label and a module id (its workers then fail).
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js'
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js'
// The namespace files editor's languages (files/languages.ts): each registers a tokenizer that loads only when used.
import 'monaco-editor/esm/vs/basic-languages/python/python.contribution.js'
import 'monaco-editor/esm/vs/basic-languages/sql/sql.contribution.js'
import 'monaco-editor/esm/vs/basic-languages/shell/shell.contribution.js'
import 'monaco-editor/esm/vs/basic-languages/javascript/javascript.contribution.js'
import 'monaco-editor/esm/vs/basic-languages/typescript/typescript.contribution.js'
import 'monaco-editor/esm/vs/basic-languages/r/r.contribution.js'
import 'monaco-editor/esm/vs/basic-languages/ruby/ruby.contribution.js'
import 'monaco-editor/esm/vs/basic-languages/powershell/powershell.contribution.js'
import 'monaco-editor/esm/vs/basic-languages/markdown/markdown.contribution.js'
import { configureMonacoYaml } from 'monaco-yaml'
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker'
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker'
import { flowSchema } from '../api/flows'

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
