import { onBeforeUnmount, ref } from 'vue'
import { searchExecutions, type ExecutionFilter } from '../api/executions'
import { useLoader } from './useLoader'

/**
 * A page of executions, newest first, reloaded every 2 s while `autoRefresh` is on and the tab is visible, with the
 * clock running durations are measured against. The executions list and a flow's Executions tab both show one.
 */
export function useExecutionList(filter: () => ExecutionFilter) {
  const executions = useLoader(() => searchExecutions(filter()))
  const autoRefresh = ref(true)
  const now = ref(Date.now())
  const timer = setInterval(() => {
    now.value = Date.now()
    if (autoRefresh.value && !executions.loading.value && document.visibilityState === 'visible') void executions.reload()
  }, 2000)
  onBeforeUnmount(() => clearInterval(timer))
  return { executions, autoRefresh, now }
}
