/**
 * No shell interpolation anywhere in the server: every use of node:child_process in src/ is read
 * with the TypeScript parser and must be `spawn`/`execFile` (never `exec`/`execSync`), with a
 * command that is not built from a template string or concatenation, an argv array, and no
 * `shell` option. The checker is tested on bad samples too, so it cannot pass vacuously.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;
const ALLOWED = new Set(['spawn', 'execFile']);
const CHILD_PROCESS = new Set(['node:child_process', 'child_process']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const isBuiltText = (node: ts.Expression): boolean =>
  ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken);

/** Problems in one file's use of child_process (empty when it has none or uses it safely). */
export function childProcessProblems(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  const imported = new Map<string, string>(); // local name → child_process export
  const namespaces = new Set<string>();
  const where = (node: ts.Node): string => `${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && CHILD_PROCESS.has(node.moduleSpecifier.text)) {
      const bindings = node.importClause?.namedBindings;
      if (node.importClause?.name) namespaces.add(node.importClause.name.text);
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const exported = (element.propertyName ?? element.name).text;
          if (element.isTypeOnly || /^[A-Z]/.test(exported)) continue;
          if (!ALLOWED.has(exported)) problems.push(`${where(element)}: imports ${exported} from child_process (use spawn/execFile with an argv array)`);
          imported.set(element.name.text, exported);
        }
      }
    }
    // `shell: <anything but false>` in any object literal is refused outright.
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'shell' && node.initializer.kind !== ts.SyntaxKind.FalseKeyword) {
      problems.push(`${where(node)}: a \`shell\` option`);
    }
    if (ts.isShorthandPropertyAssignment(node) && node.name.text === 'shell') problems.push(`${where(node)}: a \`shell\` option`);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      let name: string | null = null;
      if (ts.isIdentifier(callee) && imported.has(callee.text)) name = imported.get(callee.text) ?? null;
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && namespaces.has(callee.expression.text)) name = callee.name.text;
      if (name !== null) {
        if (!ALLOWED.has(name)) problems.push(`${where(node)}: calls child_process.${name}`);
        const [command, args] = node.arguments;
        if (command && (isBuiltText(command) || ts.isNoSubstitutionTemplateLiteral(command))) problems.push(`${where(node)}: ${name} command is built from a template string`);
        if (!args || !(ts.isArrayLiteralExpression(args) || ts.isIdentifier(args) || ts.isPropertyAccessExpression(args))) {
          problems.push(`${where(node)}: ${name} without an argv array`);
        } else if (isBuiltText(args as ts.Expression)) {
          problems.push(`${where(node)}: ${name} argv is a string`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return problems;
}

describe('child processes in packages/server/src', () => {
  it('are spawned with argv arrays only: no exec, no shell, no command built from a template string', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    const users = files.filter((f) => /child_process/.test(readFileSync(f, 'utf8')));
    // The supervisor's spawn and the process sampler's execFile are the known users.
    expect(users.map((f) => relative(SRC, f)).sort()).toEqual(expect.arrayContaining(['runners/supervisor/agent-process.ts', 'runners/supervisor/process-sampler.ts']));
    expect(users.flatMap((f) => childProcessProblems(relative(SRC, f), readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the checker catches each forbidden shape', () => {
    const bad = (code: string) => childProcessProblems('sample.ts', `import { spawn, exec, execFile } from 'node:child_process';\nimport * as cp from 'child_process';\n${code}`);
    expect(bad('')).toEqual(['sample.ts:1: imports exec from child_process (use spawn/execFile with an argv array)']);
    const only = (code: string) => childProcessProblems('s.ts', `import { spawn } from 'node:child_process';\nimport * as cp from 'child_process';\n${code}`);
    expect(only("spawn('ls', ['-l']);")).toEqual([]);
    expect(only('spawn(cmd, args, { detached: true, shell: false });')).toEqual([]);
    expect(only("spawn('ls', ['-l'], { shell: true });")).toEqual(['s.ts:3: a `shell` option']);
    expect(only('const shell = true; spawn(cmd, args, { shell });')).toEqual(['s.ts:3: a `shell` option']);
    expect(only('spawn(`git log ${branch}`, []);')).toEqual(['s.ts:3: spawn command is built from a template string']);
    expect(only("spawn('git ' + branch, []);")).toEqual(['s.ts:3: spawn command is built from a template string']);
    expect(only("spawn('sh');")).toEqual(['s.ts:3: spawn without an argv array']);
    expect(only("cp.exec('ls -l');")).toEqual(['s.ts:3: calls child_process.exec', 's.ts:3: exec without an argv array']);
    expect(only("cp.execSync(`rm ${path}`, []);")).toEqual(['s.ts:3: calls child_process.execSync', 's.ts:3: execSync command is built from a template string']);
  });
});
