import { createRouter, createWebHistory } from 'vue-router'
import FlowsPage from './pages/FlowsPage.vue'
import ExecutionsPage from './pages/ExecutionsPage.vue'
import ExecutionPage from './pages/ExecutionPage.vue'
import ExecutePage from './pages/ExecutePage.vue'
import NotFoundPage from './pages/NotFoundPage.vue'
import TriggersPage from './pages/TriggersPage.vue'
import KeyValuesPage from './pages/KeyValuesPage.vue'

// Every page has its own URL (shareable); the server answers index.html for any of them (src/Harrier.Server/Ui).
// The flow editor and the revisions diff (and Monaco with them) are separate chunks, loaded only on those pages.
const FlowPage = () => import('./pages/FlowPage.vue')
const RevisionsPage = () => import('./pages/RevisionsPage.vue')
// The namespace files page opens files in Monaco too: a chunk of its own, Monaco loaded only when a file is opened.
const NamespaceFilesPage = () => import('./pages/NamespaceFilesPage.vue')

export const router = createRouter({
  history: createWebHistory('/ui/'),
  routes: [
    { path: '/', redirect: '/flows' },
    { path: '/flows', component: FlowsPage, meta: { title: 'Flows' } },
    { path: '/flows/new', component: FlowPage, meta: { title: 'New flow' } },
    { path: '/flows/:namespace/:id', component: FlowPage, props: true, meta: { title: 'Flow' } },
    // A flow's tabs: each its own URL, so a tab can be shared (the editor is the flow's own address).
    { path: '/flows/:namespace/:id/:tab(topology|executions|triggers)', component: FlowPage, props: true, meta: { title: 'Flow' } },
    { path: '/flows/:namespace/:id/revisions', component: RevisionsPage, props: true, meta: { title: 'Revisions' } },
    { path: '/flows/:namespace/:id/execute', component: ExecutePage, props: true, meta: { title: 'Execute' } },
    { path: '/executions', component: ExecutionsPage, meta: { title: 'Executions' } },
    { path: '/triggers', component: TriggersPage, meta: { title: 'Triggers' } },
    { path: '/kv', component: KeyValuesPage, meta: { title: 'KV store' } },
    { path: '/namespaces/files', component: NamespaceFilesPage, meta: { title: 'Namespace files' } },
    { path: '/namespaces/:namespace/files', component: NamespaceFilesPage, props: true, meta: { title: 'Namespace files' } },
    { path: '/executions/:id', component: ExecutionPage, props: true, meta: { title: 'Execution' } },
    // The `url` the API gives a created execution (Kestra's shape), and Kestra's own flow editor address.
    { path: '/executions/:namespace/:flowId/:id', redirect: (to) => `/executions/${String(to.params.id)}` },
    { path: '/flows/edit/:namespace/:id', redirect: (to) => `/flows/${String(to.params.namespace)}/${String(to.params.id)}` },
    // Kestra's tab addresses; its "edit" and "overview" tabs are Harrier's editor.
    { path: '/flows/edit/:namespace/:id/:tab', redirect: (to) => {
      const tab = ['topology', 'executions', 'triggers'].includes(String(to.params.tab)) ? `/${String(to.params.tab)}` : ''
      return `/flows/${String(to.params.namespace)}/${String(to.params.id)}${tab}`
    } },
    { path: '/:rest(.*)*', component: NotFoundPage, meta: { title: 'Not found' } },
  ],
})

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} · Harrier`
})
