import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, ref, type Ref } from 'vue';
import ConfirmDialog from './ConfirmDialog.vue';

let wrapper: VueWrapper | null = null;

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  document.body.innerHTML = '';
});

interface HostState {
  open: Ref<boolean>;
  events: string[];
}

/**
 * As the pages use it: a button that opens it (v-model:open), a body in the default slot. Two of
 * them side by side, as a list of memories has, to check their ids do not collide.
 */
async function mountConfirm(props: Record<string, unknown> = {}): Promise<{ sut: VueWrapper; state: HostState; opener: HTMLButtonElement }> {
  const state: HostState = { open: ref(false), events: [] };
  const Host = defineComponent(() => () => [
    h('button', { type: 'button', 'data-test': 'opener', onClick: () => (state.open.value = true) }, 'Delete'),
    h(
      ConfirmDialog,
      {
        open: state.open.value,
        'onUpdate:open': (v: boolean) => {
          state.events.push(`update:open ${v}`);
          state.open.value = v;
        },
        title: 'Delete this memory?',
        confirmLabel: 'Delete',
        'data-test': 'sut',
        onConfirm: () => state.events.push('confirm'),
        ...props,
      },
      () => [h('p', 'It is removed for good.')],
    ),
    h(ConfirmDialog, { open: false, title: 'Another', confirmLabel: 'Go', 'data-test': 'other' }, () => 'Other body'),
  ]);
  wrapper = mount(Host, { attachTo: document.body });
  await flushPromises();
  const opener = wrapper.get('[data-test="opener"]').element as HTMLButtonElement;
  opener.focus();
  await wrapper.get('[data-test="opener"]').trigger('click');
  await flushPromises();
  return { sut: wrapper, state, opener };
}

const dialogOf = (sut: VueWrapper): HTMLDialogElement => sut.get('[data-test="sut"]').element as HTMLDialogElement;
const button = (sut: VueWrapper, test: 'confirm' | 'dialog-cancel') => sut.get(`[data-test="sut"] [data-test="${test}"]`);

describe('ConfirmDialog', () => {
  it('opens as a modal named by its title and described by its body, with the cancel button focused', async () => {
    const { sut } = await mountConfirm();
    const dialog = dialogOf(sut);
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.open).toBe(true);
    expect(dialog.classList).toContain('confirm');

    const titleId = dialog.getAttribute('aria-labelledby') ?? '';
    const bodyId = dialog.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(titleId)?.textContent).toBe('Delete this memory?');
    expect(document.getElementById(bodyId)?.textContent).toBe('It is removed for good.');
    const other = sut.get('[data-test="other"]').element;
    expect([other.getAttribute('aria-labelledby'), other.getAttribute('aria-describedby')]).not.toContain(titleId);
    expect(other.getAttribute('aria-describedby')).not.toBe(bodyId);

    // Not the confirm button: a stray Enter must not confirm.
    expect(document.activeElement).toBe(button(sut, 'dialog-cancel').element);
    expect(button(sut, 'dialog-cancel').text()).toBe('Cancel');
    expect(button(sut, 'confirm').text()).toBe('Delete');
  });

  it('emits confirm once and closes when confirmed, giving focus back to the opener', async () => {
    const { sut, state, opener } = await mountConfirm();
    await button(sut, 'confirm').trigger('click');
    await flushPromises();

    expect(state.events).toEqual(['confirm', 'update:open false']);
    expect(dialogOf(sut).open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('closes without confirming on the cancel button', async () => {
    const { sut, state, opener } = await mountConfirm({ cancelLabel: 'Keep it' });
    expect(button(sut, 'dialog-cancel').text()).toBe('Keep it');
    await button(sut, 'dialog-cancel').trigger('click');
    await flushPromises();

    expect(state.events).toEqual(['update:open false']);
    expect(dialogOf(sut).open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('closes without confirming on Escape', async () => {
    const { sut, state } = await mountConfirm();
    await button(sut, 'dialog-cancel').trigger('keydown', { key: 'Escape' });
    await flushPromises();

    expect(state.events).toEqual(['update:open false']);
    expect(dialogOf(sut).open).toBe(false);
  });

  it('marks a dangerous action, and a plain one as primary', async () => {
    const plain = await mountConfirm();
    expect(button(plain.sut, 'confirm').classes()).toContain('btn--primary');
    plain.sut.unmount();

    const danger = await mountConfirm({ danger: true });
    expect(button(danger.sut, 'confirm').classes()).toEqual(expect.arrayContaining(['btn', 'btn--danger']));
    expect(button(danger.sut, 'confirm').classes()).not.toContain('btn--primary');
  });
});
