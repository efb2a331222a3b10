/**
 * `dashboard`: the command-line client of the Multi-Agent Dashboard (docs/cli.md).
 *
 *   dashboard login --url <server> --token <token>
 *   dashboard tasks list [--status queued,running] [--limit 50]
 *   dashboard tasks create --title <t> --description <d> [--priority high] [--assignee emp_001] [--label x]… [--max-retries n] [--budget-usd 2.5] [--watch]
 *   dashboard tasks show <taskId>
 *   dashboard tasks watch <taskId>
 *   dashboard workflows start [--template <id>] --title <t> --request <text> [--priority high]
 *   dashboard runs tail <runId>
 *   --json on any command: JSON lines instead of text.
 *
 * Exit codes: 0 ok · 1 the watched task/run did not succeed · 2 usage · 3 API error · 4 auth · 5 unreachable.
 */
import { parseArgs } from 'node:util';
import { login, runsTail, tasksCreate, tasksList, tasksShow, tasksWatch, workflowsStart, type CliContext } from './commands.js';
import { CliError, EXIT } from './cli-error.js';
import { Terminal } from './output.js';

const USAGE = `usage: dashboard <command>
  login --url <server> --token <token>
  tasks list [--status s1,s2] [--limit n]
  tasks create --title <t> --description <d> [--priority p] [--assignee emp] [--label l]... [--max-retries n] [--budget-usd usd] [--watch]
  tasks show <taskId>
  tasks watch <taskId>
  workflows start [--template id] --title <t> --request <text> [--priority p]
  runs tail <runId>
options: --json (JSON lines), --help`;

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, out: NodeJS.WritableStream, err: NodeJS.WritableStream & { isTTY?: boolean }): Promise<number> {
  const term = new Terminal(out, err);
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        status: { type: 'string' },
        limit: { type: 'string' },
        title: { type: 'string' },
        description: { type: 'string' },
        priority: { type: 'string' },
        assignee: { type: 'string' },
        label: { type: 'string', multiple: true },
        watch: { type: 'boolean' },
        'max-retries': { type: 'string' },
        'budget-usd': { type: 'string' },
        template: { type: 'string' },
        request: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const ctx: CliContext = { env, term, json: values.json === true };
    const [group, action, arg] = positionals;
    if (values.help || group === undefined) {
      term.line(USAGE);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    const command = group === 'login' ? 'login' : `${group} ${action ?? ''}`;
    switch (command) {
      case 'login':
        return await login(ctx, values.url, values.token);
      case 'tasks list':
        return await tasksList(ctx, { ...(values.status && { status: values.status }), ...(values.limit && { limit: values.limit }) });
      case 'tasks show':
        return await tasksShow(ctx, arg);
      case 'tasks watch':
        return await tasksWatch(ctx, arg);
      case 'tasks create':
        return await tasksCreate(ctx, {
          ...(values.title !== undefined && { title: values.title }),
          ...(values.description !== undefined && { description: values.description }),
          ...(values.priority !== undefined && { priority: values.priority }),
          ...(values.assignee !== undefined && { assignee: values.assignee }),
          ...(values.label !== undefined && { label: values.label }),
          ...(values['max-retries'] !== undefined && { maxRetries: values['max-retries'] }),
          ...(values['budget-usd'] !== undefined && { budgetUsd: values['budget-usd'] }),
          watch: values.watch === true,
        });
      case 'workflows start':
        return await workflowsStart(ctx, {
          ...(values.template !== undefined && { template: values.template }),
          ...(values.title !== undefined && { title: values.title }),
          ...(values.request !== undefined && { request: values.request }),
          ...(values.priority !== undefined && { priority: values.priority }),
        });
      case 'runs tail':
        return await runsTail(ctx, arg);
      default:
        throw new CliError(EXIT.usage, `unknown command: ${positionals.join(' ')}\n${USAGE}`);
    }
  } catch (e) {
    term.done();
    if (e instanceof CliError) {
      err.write(`dashboard: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      err.write(`dashboard: ${e.message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    err.write(`dashboard: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.api;
  }
}
