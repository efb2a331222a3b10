/**
 * Global keyboard shortcuts. Keys typed into form fields, and chords with Ctrl/Alt/Meta, are left
 * alone so shortcuts never steal text input or browser/OS bindings.
 */
import { onBeforeUnmount, onMounted } from 'vue';
import { createSequenceMatcher, type KeySequence } from './sequence-matcher';

export interface Shortcut extends KeySequence {
  /** Shown in the help dialog. */
  readonly description: string;
  readonly run: () => void;
}

const nonTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True for elements that take typed text, where a bare letter must reach the field. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !nonTextInputs.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function useKeyboardShortcuts(shortcuts: readonly Shortcut[]): void {
  const matcher = createSequenceMatcher(shortcuts);

  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isEditableTarget(event.target)) {
      matcher.reset();
      return;
    }
    const match = matcher.feed(event.key, event.timeStamp || performance.now());
    if (match) {
      event.preventDefault();
      match.run();
    }
  }

  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
