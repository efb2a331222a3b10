/**
 * Theme state: the saved preference, the live system preference, and the resolved theme applied
 * to `<html data-theme>` (which the CSS tokens key off).
 */
import { defineStore } from 'pinia';
import { computed, ref, watchEffect } from 'vue';
import { readPreference, resolveTheme, writePreference, type ThemePreference } from './theme-preference';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const useThemeStore = defineStore('theme', () => {
  const storage = safeLocalStorage();
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;

  const preference = ref<ThemePreference>(readPreference(storage));
  const systemPrefersDark = ref(media?.matches ?? false);
  media?.addEventListener('change', (event) => {
    systemPrefersDark.value = event.matches;
  });

  const resolved = computed(() => resolveTheme(preference.value, systemPrefersDark.value));
  watchEffect(() => {
    document.documentElement.dataset.theme = resolved.value;
  });

  function setPreference(next: ThemePreference): void {
    preference.value = next;
    writePreference(storage, next);
  }

  return { preference, resolved, setPreference };
});
