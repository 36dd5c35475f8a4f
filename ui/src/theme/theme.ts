import { ref } from 'vue'

export type Theme = 'light' | 'dark'
const key = 'harrier.theme'

/** The theme shown: the user's choice (kept in localStorage), else the system's (prefers-color-scheme). index.html sets it before the first paint. */
export const theme = ref<Theme>((document.documentElement.dataset.theme as Theme) ?? 'light')

const system = matchMedia('(prefers-color-scheme: dark)')
system.addEventListener('change', (e) => {
  if (!localStorage.getItem(key)) apply(e.matches ? 'dark' : 'light')
})

export function toggleTheme(): void {
  const next: Theme = theme.value === 'dark' ? 'light' : 'dark'
  localStorage.setItem(key, next)
  apply(next)
}

function apply(value: Theme): void {
  theme.value = value
  document.documentElement.dataset.theme = value
}
