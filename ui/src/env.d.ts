/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor'
}
declare module 'monaco-editor/esm/vs/*'
declare module 'monaco-yaml/yaml.worker.js?worker' {
  const WorkerFactory: new () => Worker
  export default WorkerFactory
}
declare module 'monaco-editor/esm/vs/editor/editor.worker.js?worker' {
  const WorkerFactory: new () => Worker
  export default WorkerFactory
}
