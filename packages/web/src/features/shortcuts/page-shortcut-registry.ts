/**
 * The shortcuts of the page on screen, for the help dialog: pages register theirs while mounted
 * (usePageShortcuts does it), and the dialog lists them under "On this page".
 */
import { shallowRef } from 'vue';

export interface RegisteredShortcut {
  readonly keys: readonly string[];
  readonly description: string;
}

const entries = shallowRef<ReadonlyArray<{ owner: symbol; shortcut: RegisteredShortcut }>>([]);

/** Everything registered, in registration order. */
export const pageShortcuts = () => entries.value.map((e) => e.shortcut);

/** Adds `shortcuts` until the returned function is called. */
export function registerPageShortcuts(shortcuts: readonly RegisteredShortcut[]): () => void {
  const owner = Symbol('page-shortcuts');
  entries.value = [...entries.value, ...shortcuts.map((shortcut) => ({ owner, shortcut }))];
  return () => {
    entries.value = entries.value.filter((e) => e.owner !== owner);
  };
}
