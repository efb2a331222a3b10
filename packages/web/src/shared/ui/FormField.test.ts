import { mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import FormField from './FormField.vue';

let wrapper: VueWrapper | null = null;

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
});

interface SlotProps {
  id: string;
  invalid: boolean;
  describedBy: string | undefined;
  attrs: Record<string, unknown>;
}

/** A field whose control binds the slot's `attrs`, as native controls do. */
function mountField(props: Record<string, unknown>, slots: Record<string, () => unknown> = {}): VueWrapper {
  wrapper = mount(FormField, {
    props: { id: 'name', label: 'Name', ...props },
    slots: { default: (p: SlotProps) => h('input', { ...p.attrs, 'data-test': 'control' }), ...slots },
  });
  return wrapper;
}

describe('FormField', () => {
  it('labels the control by its id and marks it valid without an error', () => {
    const sut = mountField({});
    expect(sut.get('label').attributes('for')).toBe('name');
    expect(sut.get('label').text()).toBe('Name');
    const control = sut.get('[data-test="control"]');
    expect(control.attributes('id')).toBe('name');
    expect(control.attributes('aria-invalid')).toBe('false');
    expect(control.attributes('aria-describedby')).toBeUndefined();
    expect(sut.find('[role="alert"]').exists()).toBe(false);
  });

  it('shows the error as an alert the control is described by and marked invalid with', () => {
    const sut = mountField({ error: 'Give it a name.', errorTestId: 'name-error' });
    const error = sut.get('[data-test="name-error"]');
    expect(error.text()).toBe('Give it a name.');
    expect(error.attributes('role')).toBe('alert');
    expect(error.attributes('id')).toBe('name-error');
    const control = sut.get('[data-test="control"]');
    expect(control.attributes('aria-invalid')).toBe('true');
    expect(control.attributes('aria-describedby')).toBe('name-error');
  });

  it('uses a given error id', () => {
    const sut = mountField({ error: 'Too long', errorId: 'create-err-name' });
    expect(sut.get('[role="alert"]').attributes('id')).toBe('create-err-name');
    expect(sut.get('[data-test="control"]').attributes('aria-describedby')).toBe('create-err-name');
  });

  it('describes the control by the error, then the hint when the hint has an id', () => {
    const sut = mountField({ hint: 'Lowercase letters only.', hintId: 'name-hint' });
    const hint = sut.get('#name-hint');
    expect(hint.text()).toBe('Lowercase letters only.');
    expect(sut.get('[data-test="control"]').attributes('aria-describedby')).toBe('name-hint');
  });

  it('leaves a hint without an id out of the description', () => {
    const sut = mountField({ hint: 'Separated by commas.' });
    expect(sut.get('.field__hint').text()).toBe('Separated by commas.');
    expect(sut.get('[data-test="control"]').attributes('aria-describedby')).toBeUndefined();
  });

  it('takes markup in the hint slot', () => {
    const sut = mountField({ hintId: 'tools-hint' }, { hint: () => [h('code', 'Read'), ' or more'] });
    expect(sut.get('#tools-hint code').text()).toBe('Read');
    expect(sut.get('[data-test="control"]').attributes('aria-describedby')).toBe('tools-hint');
  });

  it('follows the error as it comes and goes', async () => {
    const error = ref<string | null>(null);
    const Host = defineComponent(() => () =>
      h(FormField, { id: 'name', label: 'Name', error: error.value, hintId: 'name-hint', hint: 'Short.' }, { default: (p: SlotProps) => h('input', { ...p.attrs, 'data-test': 'control' }) }),
    );
    wrapper = mount(Host);
    const control = () => wrapper!.get('[data-test="control"]');

    error.value = 'Taken';
    await nextTick();
    expect(control().attributes('aria-invalid')).toBe('true');
    expect(control().attributes('aria-describedby')).toBe('name-error name-hint');
    expect(wrapper.get('#name-error').text()).toBe('Taken');

    error.value = null;
    await nextTick();
    expect(control().attributes('aria-invalid')).toBe('false');
    expect(control().attributes('aria-describedby')).toBe('name-hint');
    expect(wrapper.find('#name-error').exists()).toBe(false);
  });

  it('gives composite controls invalid and describedBy, and names them through labelId', () => {
    wrapper = mount(FormField, {
      props: { id: 'skills', label: 'Skills', labelId: 'skills-label', error: 'Pick one', hintId: 'skills-hint', hint: 'Any number.' },
      slots: {
        default: (p: SlotProps) =>
          h('div', { role: 'group', 'aria-labelledby': 'skills-label', 'aria-describedby': p.describedBy, 'data-invalid': String(p.invalid), 'data-test': 'group' }),
      },
    });
    expect(wrapper.find('label').exists()).toBe(false);
    expect(wrapper.get('#skills-label').text()).toBe('Skills');
    const group = wrapper.get('[data-test="group"]');
    expect(group.attributes('aria-describedby')).toBe('skills-error skills-hint');
    expect(group.attributes('data-invalid')).toBe('true');
  });

  it('spans the row when wide', () => {
    expect(mountField({ wide: true }).classes()).toContain('field--wide');
  });
});
