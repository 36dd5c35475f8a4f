import { reactive } from 'vue'

// One question at a time for the whole app, answered in ConfirmDialog (rendered once by App.vue): an in-page dialog, not
// window.confirm, so it follows the theme, can name what is at stake and can be driven by the tests.
export interface ConfirmRequest { title: string; message: string; action: string; danger?: boolean }

export const confirmState = reactive<{ request: ConfirmRequest | null; answer: ((yes: boolean) => void) | null }>({ request: null, answer: null })

/** Resolves true when the user confirms, false when they cancel (or when another question replaces this one). */
export function confirmAction(request: ConfirmRequest): Promise<boolean> {
  confirmState.answer?.(false)
  return new Promise((resolve) => {
    confirmState.request = request
    confirmState.answer = resolve
  })
}

export function answerConfirm(yes: boolean): void {
  const answer = confirmState.answer
  confirmState.request = null
  confirmState.answer = null
  answer?.(yes)
}
