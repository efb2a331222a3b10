import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { ApiError } from '../api/api-error';
import DialogShell from './DialogShell.vue';

let wrapper: VueWrapper | null = null;

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
});

interface HostState {
  open: Ref<boolean>;
  busy: Ref<boolean>;
  error: ShallowRef<ApiError | null>;
  events: string[];
}

/** A form dialog as the features use it: v-model:open, one text field focused on opening. */
async function mountDialog(props: Record<string, unknown> = {}, initiallyOpen = true): Promise<{ sut: VueWrapper; state: HostState }> {
  const state: HostState = { open: ref(initiallyOpen), busy: ref(false), error: shallowRef<ApiError | null>(null), events: [] };
  const Host = defineComponent(() => {
    const field = ref<HTMLInputElement | null>(null);
    return () =>
      h(
        DialogShell,
        {
          open: state.open.value,
          'onUpdate:open': (v: boolean) => {
            state.events.push(`update:open ${v}`);
            state.open.value = v;
          },
          title: 'Rename the thing',
          titleId: 'rename-title',
          submitLabel: 'Rename',
          busyLabel: 'Renaming…',
          busy: state.busy.value,
          error: state.error.value,
          errorTestId: 'rename-error',
          submitTestId: 'rename-submit',
          initialFocus: () => field.value,
          'data-test': 'rename-dialog',
          onShow: () => state.events.push('show'),
          onSubmit: () => state.events.push('submit'),
          onCancel: () => state.events.push('cancel'),
          ...props,
        },
        () => [h('button', { type: 'button', 'data-test': 'first' }, 'First'), h('input', { ref: field, 'data-test': 'name' })],
      );
  });
  wrapper = mount(Host, { attachTo: document.body });
  await flushPromises();
  return { sut: wrapper, state };
}

const dialogOf = (sut: VueWrapper): HTMLDialogElement => sut.get('[data-test="rename-dialog"]').element as HTMLDialogElement;

describe('DialogShell', () => {
  it('opens as a modal titled by its heading, tells the form first, and focuses the chosen field', async () => {
    const { sut, state } = await mountDialog();

    const dialog = dialogOf(sut);
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe('rename-title');
    expect(sut.get('#rename-title').text()).toBe('Rename the thing');
    expect(state.events).toEqual(['show']);
    expect(document.activeElement).toBe(sut.get('[data-test="name"]').element);
  });

  it('opens when the model turns true later, and again after closing', async () => {
    const { sut, state } = await mountDialog({}, false);
    expect(dialogOf(sut).open).toBe(false);
    expect(state.events).toEqual([]);

    state.open.value = true;
    await flushPromises();
    expect(dialogOf(sut).open).toBe(true);

    state.open.value = false;
    await flushPromises();
    expect(dialogOf(sut).open).toBe(false);

    state.open.value = true;
    await flushPromises();
    expect(dialogOf(sut).open).toBe(true);
    expect(state.events.filter((e) => e === 'show')).toHaveLength(2);
  });

  it('closes on Escape and keeps what was typed', async () => {
    const { sut, state } = await mountDialog();
    const input = sut.get('[data-test="name"]');
    await input.setValue('draft name');

    await input.trigger('keydown', { key: 'Escape' });
    await flushPromises();

    expect(state.open.value).toBe(false);
    expect(dialogOf(sut).open).toBe(false);
    expect(state.events).not.toContain('cancel');
    expect((input.element as HTMLInputElement).value).toBe('draft name');
  });

  it('leaves an Escape that a control inside already handled alone', async () => {
    const { sut, state } = await mountDialog();
    const input = sut.get('[data-test="name"]').element;
    input.addEventListener('keydown', (event) => event.preventDefault());

    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await flushPromises();

    expect(state.open.value).toBe(true);
    expect(dialogOf(sut).open).toBe(true);
  });

  it('follows a close the browser does itself (the model turns false)', async () => {
    const { sut, state } = await mountDialog();
    dialogOf(sut).close();
    await flushPromises();
    expect(state.open.value).toBe(false);
  });

  it('closes with the cancel button (telling the form) and with the close button (not telling it)', async () => {
    const { sut, state } = await mountDialog({ cancelLabel: 'Discard', closeLabel: 'Close (keeps the draft)' });
    expect(sut.get('[data-test="dialog-cancel"]').text()).toBe('Discard');
    expect(sut.get('[data-test="dialog-close"]').attributes('aria-label')).toBe('Close (keeps the draft)');

    await sut.get('[data-test="dialog-close"]').trigger('click');
    await flushPromises();
    expect(state.open.value).toBe(false);
    expect(state.events).not.toContain('cancel');

    state.open.value = true;
    await flushPromises();
    await sut.get('[data-test="dialog-cancel"]').trigger('click');
    await flushPromises();
    expect(state.open.value).toBe(false);
    expect(state.events).toContain('cancel');
  });

  it('gives focus back to where it was when it closes, however it closes', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const { sut, state } = await mountDialog({}, false);

    state.open.value = true;
    await flushPromises();
    expect(document.activeElement).toBe(sut.get('[data-test="name"]').element);
    await sut.get('[data-test="name"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(document.activeElement).toBe(opener);

    state.open.value = true;
    await flushPromises();
    await sut.get('[data-test="dialog-cancel"]').trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it("focuses its cancel button when the initial focus is 'cancel'", async () => {
    const { sut } = await mountDialog({ initialFocus: 'cancel' });
    expect(document.activeElement).toBe(sut.get('[data-test="dialog-cancel"]').element);
  });

  it('has no close button unless it is given a name', async () => {
    const { sut } = await mountDialog();
    expect(sut.find('[data-test="dialog-close"]').exists()).toBe(false);
    expect(sut.get('[data-test="dialog-cancel"]').text()).toBe('Cancel');
  });

  it('submits the form, and disables submit with the busy label while busy', async () => {
    const { sut, state } = await mountDialog();
    const submit = sut.get('[data-test="rename-submit"]');
    expect(submit.attributes('type')).toBe('submit');
    expect(submit.text()).toBe('Rename');
    expect(submit.attributes('disabled')).toBeUndefined();
    expect(submit.classes()).toContain('btn--primary');

    await sut.get('form').trigger('submit');
    expect(state.events).toContain('submit');

    state.busy.value = true;
    await flushPromises();
    expect(submit.text()).toBe('Renaming…');
    expect(submit.attributes('disabled')).toBeDefined();

    state.busy.value = false;
    await flushPromises();
    expect(submit.text()).toBe('Rename');
    expect(submit.attributes('disabled')).toBeUndefined();
  });

  it('marks a dangerous submit', async () => {
    const { sut } = await mountDialog({ danger: true });
    expect(sut.get('[data-test="rename-submit"]').classes()).toEqual(expect.arrayContaining(['btn', 'btn--danger']));
  });

  it('shows a failure with its code above the buttons, and hides it when cleared', async () => {
    const { sut, state } = await mountDialog();
    expect(sut.find('[data-test="rename-error"]').exists()).toBe(false);

    state.error.value = new ApiError({ code: 'CONFLICT', message: 'Somebody renamed it first', status: 409, requestId: 'req-9' });
    await flushPromises();
    const notice = sut.get('[data-test="rename-error"]');
    expect(notice.text()).toContain('Somebody renamed it first');
    expect(notice.text()).toContain('CONFLICT');
    expect(notice.element.closest('form')).toBe(sut.get('form').element);

    state.error.value = null;
    await flushPromises();
    expect(sut.find('[data-test="rename-error"]').exists()).toBe(false);
  });
});
