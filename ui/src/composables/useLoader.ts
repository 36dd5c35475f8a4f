import { ref, type Ref } from 'vue'

/** The state of one request a page shows: its value, its error text, and whether it is under way. */
export function useLoader<T>(load: () => Promise<T>): { data: Ref<T | null>; error: Ref<string | null>; loading: Ref<boolean>; reload: () => Promise<void> } {
  const data = ref<T | null>(null) as Ref<T | null>
  const error = ref<string | null>(null)
  const loading = ref(false)
  async function reload(): Promise<void> {
    loading.value = true
    try {
      data.value = await load()
      error.value = null
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }
  return { data, error, loading, reload }
}
