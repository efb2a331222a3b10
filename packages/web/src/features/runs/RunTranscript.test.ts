import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { numbered, text, toolCall, toolResult } from '../../test-support/run-fixtures';
import type { AgentEvent } from '@dash/shared';
import RunTranscript from './RunTranscript.vue';
import { TranscriptModel } from './transcript-model';

/** The list itself is under test here: a window as large as the run, so no rows leave it. */
function modelWith(events: AgentEvent[]): TranscriptModel {
  const model = new TranscriptModel({ windowRows: 1_000_000 });
  model.append(numbered(events));
  return model;
}

function bigModel(count: number): TranscriptModel {
  const events: AgentEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    if (i % 10 === 3) events.push(toolCall(`t${i}`, 'Bash', { command: `echo ${i}` }));
    else if (i % 10 === 4) events.push(toolResult(`t${i - 1}`, `${i - 1}`));
    else events.push(text(`line **${i}**`));
  }
  return modelWith(events);
}

const mountTranscript = (model: TranscriptModel, version = 1) =>
  mount(RunTranscript, { props: { model, version, fallbackHeight: 600 }, attachTo: document.body });

describe('RunTranscript virtualization', () => {
  it('renders a bounded number of rows for 100,000 events', async () => {
    const model = bigModel(100_000);
    const sut = mountTranscript(model);
    await flushPromises();

    const rendered = sut.findAll('[data-index]');
    expect(model.rows.length).toBe(90_000);
    expect(rendered.length).toBeGreaterThan(5);
    // 600 px of viewport plus 600 px overscan on each side at the 44 px estimate: ~41 rows.
    expect(rendered.length).toBeLessThanOrEqual(45);
    // Following the output: the last row is rendered, the first is not.
    expect(sut.find('[data-index="89999"]').exists()).toBe(true);
    expect(sut.find('[data-index="0"]').exists()).toBe(false);
    expect(sut.get('[role="feed"]').attributes('aria-label')).toBe('Run transcript');
    expect(sut.get('[data-index="89999"]').attributes()).toMatchObject({ role: 'article', 'aria-setsize': '90000', 'aria-posinset': '90000' });
    sut.unmount();
  });

  it('renders the rows at the scroll position', async () => {
    const sut = mountTranscript(bigModel(100_000));
    await flushPromises();
    const scroller = sut.get('[role="feed"]').element as HTMLElement;

    scroller.scrollTop = 44 * 50_000;
    scroller.dispatchEvent(new Event('scroll'));
    await flushPromises();

    const indices = sut.findAll('[data-index]').map((row) => Number(row.attributes('data-index')));
    expect(indices.length).toBeLessThanOrEqual(45);
    expect(Math.min(...indices)).toBeLessThanOrEqual(50_000);
    expect(Math.max(...indices)).toBeGreaterThanOrEqual(50_000);
    sut.unmount();
  });

  it('keeps rendering a bounded window as live events arrive', async () => {
    const model = bigModel(1_000);
    const sut = mountTranscript(model);

    for (let batch = 0; batch < 20; batch += 1) {
      model.append(numbered([text(`live ${batch}`)], 'run-1', model.lastSeq + 1));
      await sut.setProps({ version: batch + 2 });
    }

    expect(sut.findAll('[data-index]').length).toBeLessThanOrEqual(45);
    expect(sut.text()).toContain('live 19');
    sut.unmount();
  });
});

describe('RunTranscript rows', () => {
  it('folds tool calls to a name and summary, and expands to input and output', async () => {
    const sut = mountTranscript(
      modelWith([toolCall('t1', 'Write', { file_path: 'a.md', content: 'hello' }), toolResult('t1', 'written')]),
    );
    const button = sut.get('button.tool');

    expect(button.text()).toContain('Write');
    expect(button.text()).toContain('a.md');
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(sut.text()).not.toContain('written');

    await button.trigger('click');

    expect(button.attributes('aria-expanded')).toBe('true');
    expect(sut.text()).toContain('"content": "hello"');
    expect(sut.text()).toContain('written');
    sut.unmount();
  });

  it('highlights error results', async () => {
    const sut = mountTranscript(modelWith([toolCall('t1', 'Bash', { command: 'false' }), toolResult('t1', 'boom', true)]));

    expect(sut.get('button.tool').classes()).toContain('tool--error');
    expect(sut.get('.tool__state').text()).toBe('error');
    await sut.get('button.tool').trigger('click');
    expect(sut.get('.tool__pre--error').text()).toBe('boom');
    sut.unmount();
  });

  it('updates a tool row in place when its result arrives later', async () => {
    const model = modelWith([toolCall('t1', 'Bash', { command: 'sleep 1' })]);
    const sut = mountTranscript(model);
    expect(sut.get('.tool__state').text()).toBe('running');

    model.append(numbered([toolResult('t1', 'done')], 'run-1', 2));
    await sut.setProps({ version: 2 });

    expect(sut.get('.tool__state').text()).toBe('done');
    sut.unmount();
  });

  it('renders assistant text as Markdown without ever creating HTML from it', () => {
    const sut = mountTranscript(modelWith([text('## Done\n\nSee `a.md` <script>alert(1)</script><img src=x onerror=alert(1)>')]));

    expect(sut.get('h2').text()).toBe('Done');
    expect(sut.get('code').text()).toBe('a.md');
    expect(sut.find('script').exists()).toBe(false);
    expect(sut.find('img').exists()).toBe(false);
    expect(sut.text()).toContain('<script>alert(1)</script>');
    sut.unmount();
  });

  it('moves focus between rows with move(), like j and k', async () => {
    const sut = mountTranscript(modelWith([text('first'), text('second'), text('third')]));
    const transcript = sut.vm as unknown as { move(step: 1 | -1): void };

    transcript.move(1);
    await flushPromises();
    expect(document.activeElement?.getAttribute('data-index')).toBe('0');
    transcript.move(1);
    transcript.move(1);
    transcript.move(1);
    await flushPromises();
    expect(document.activeElement?.getAttribute('data-index')).toBe('2');
    transcript.move(-1);
    await flushPromises();
    expect(document.activeElement?.textContent).toContain('second');
    sut.unmount();
  });
});

describe('RunTranscript window', () => {
  it('stays bounded while following 100,000 live events, with the earlier ones offered above', async () => {
    const model = new TranscriptModel({ windowRows: 2_000 });
    const sut = mountTranscript(model);

    for (let batch = 0; batch < 20; batch += 1) {
      const events: AgentEvent[] = [];
      for (let i = 0; i < 5_000; i += 1) events.push(text(`line ${batch * 5_000 + i}`));
      model.append(numbered(events, 'run-1', model.lastSeq + 1));
      await sut.setProps({ version: batch + 2 });
      expect(model.rows.length).toBeLessThanOrEqual(2_000);
    }
    await flushPromises();

    expect(sut.findAll('[data-index]').length).toBeLessThanOrEqual(45);
    expect(sut.text()).toContain('line 99999');
    const setSize = Number(sut.get('[data-index]').attributes('aria-setsize'));
    expect(setSize).toBe(model.rows.length);
    expect(sut.get('[data-test="earlier"]').text()).toContain(`${(100_000 - model.rows.length).toLocaleString('en-US')} earlier events not loaded`);
    // No pager: nothing to load with.
    expect(sut.find('[data-test="earlier"] button').exists()).toBe(false);
    sut.unmount();
  }, 30_000);
});
