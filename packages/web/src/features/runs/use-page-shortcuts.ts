/**
 * Single-key shortcuts that belong to one page (the run page's `s`, `f`, `j`, `k`).
 *
 * The shell's global shortcuts include `g <key>` sequences (`g s` = go to System). This matcher
 * knows those prefixes too and swallows the second key of a `g` sequence, so `g s` navigates
 * without also triggering the page's `s`, whichever keydown listener runs first. It never calls
 * preventDefault for a swallowed sequence, so the shell still sees it.
 */
import { onBeforeUnmount, onMounted } from 'vue';
import { registerPageShortcuts } from '../shortcuts/page-shortcut-registry';
import { createSequenceMatcher } from '../shortcuts/sequence-matcher';
import { isEditableTarget } from '../shortcuts/use-keyboard-shortcuts';

export interface PageShortcut {
  readonly key: string;
  readonly description: string;
  readonly run: () => void;
}

/** The prefix of the shell's navigation sequences. */
const SHELL_PREFIX = 'g';

export function usePageShortcuts(shortcuts: readonly PageShortcut[]): void {
  const sequences = [
    ...shortcuts.map((s) => ({ keys: [s.key], shortcut: s as PageShortcut | null })),
    ...shortcuts.map((s) => ({ keys: [SHELL_PREFIX, s.key], shortcut: null })),
  ];
  const matcher = createSequenceMatcher(sequences);

  function onKeydown(event: KeyboardEvent): void {
    if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    // Handled elsewhere (the shell matched `g <key>`), typed into a field, or a dialog is open.
    if (event.defaultPrevented || isEditableTarget(event.target) || document.querySelector('dialog[open]')) {
      matcher.reset();
      return;
    }
    const match = matcher.feed(event.key, event.timeStamp || performance.now());
    if (match?.shortcut) {
      event.preventDefault();
      match.shortcut.run();
    }
  }

  // Listed in the shortcut help while the page is mounted.
  let unregister: (() => void) | null = null;
  onMounted(() => {
    window.addEventListener('keydown', onKeydown);
    unregister = registerPageShortcuts(shortcuts.map((s) => ({ keys: [s.key], description: s.description })));
  });
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeydown);
    unregister?.();
  });
}
