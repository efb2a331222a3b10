/**
 * One line that says what a tool call does, from its name and input: the command for Bash, the
 * path for file tools, the pattern for searches, else the first short string in the input.
 */
const SUMMARY_MAX = 160;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Input keys that name the subject of a call, in order of preference. */
const subjectKeys = ['command', 'file_path', 'path', 'notebook_path', 'pattern', 'url', 'query', 'description', 'prompt', 'skill'];

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SUMMARY_MAX ? `${flat.slice(0, SUMMARY_MAX - 1)}…` : flat;
}

export function summarizeToolCall(name: string, input: unknown): string {
  if (typeof input === 'string') return oneLine(input);
  if (!isRecord(input)) return '';
  if (name === 'TodoWrite' && Array.isArray(input.todos)) return `${input.todos.length} to-do items`;
  if ((name === 'Grep' || name === 'Glob') && typeof input.pattern === 'string') {
    const where = typeof input.path === 'string' ? ` in ${input.path}` : '';
    return oneLine(`${input.pattern}${where}`);
  }
  for (const key of subjectKeys) {
    const value = input[key];
    if (typeof value === 'string' && value.trim() !== '') return oneLine(value);
  }
  for (const value of Object.values(input)) {
    if (typeof value === 'string' && value.trim() !== '') return oneLine(value);
  }
  return '';
}
