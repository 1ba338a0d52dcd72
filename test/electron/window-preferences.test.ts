import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * SECURITY.md T1.1/T1.2, statically: the ONE BrowserWindow factory's webPreferences literal is
 * read from the source (window.ts imports electron, so it cannot be loaded here) and each
 * hardening flag is asserted. The runtime check on the packaged app (getLastWebPreferences)
 * needs a real Electron and runs in release CI.
 */
const mainDir = join(import.meta.dirname, '..', '..', 'electron', 'main');

function literalValue(node: ts.Expression): unknown {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isStringLiteral(node) || ts.isNumericLiteral(node)) return node.text;
  return `<expr:${node.getText()}>`;
}

function findWebPreferences(file: string): Record<string, unknown>[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Record<string, unknown>[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText() === 'BrowserWindow') {
      const options = node.arguments?.[0];
      if (!options || !ts.isObjectLiteralExpression(options)) throw new Error(`${file}: BrowserWindow options must be an object literal`);
      const prefs = options.properties.find((p) => p.name?.getText() === 'webPreferences');
      if (!prefs || !ts.isPropertyAssignment(prefs) || !ts.isObjectLiteralExpression(prefs.initializer)) {
        throw new Error(`${file}: webPreferences must be an inline object literal`);
      }
      const values: Record<string, unknown> = {};
      for (const p of prefs.initializer.properties) {
        if (!ts.isPropertyAssignment(p)) throw new Error(`${file}: webPreferences may hold only plain properties (no spreads)`);
        values[p.name.getText()] = literalValue(p.initializer);
      }
      found.push(values);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function ipcMainCalls(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const calls: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && /^ipcMain\./.test(node.expression.getText())) {
      calls.push(`${file.split(/[/\\]/).pop()}: ${node.expression.getText()}(${node.arguments[0]?.getText() ?? ''})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

describe('BrowserWindow hardening', () => {
  const sources = readdirSync(mainDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it('has exactly one BrowserWindow factory, in window.ts', () => {
    const withWindows = sources.filter((f) => /new\s+BrowserWindow\s*\(/.test(readFileSync(join(mainDir, f), 'utf8')));
    expect(withWindows).toEqual(['window.ts']);
    expect(findWebPreferences(join(mainDir, 'window.ts'))).toHaveLength(1);
  });

  it('sets every hardening flag to its safe literal value', () => {
    const [prefs] = findWebPreferences(join(mainDir, 'window.ts'));
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    // devTools follows app.isPackaged (index.ts passes !app.isPackaged); never a literal true.
    expect(prefs?.devTools).toBe('<expr:options.devTools>');
    for (const risky of ['enableBlinkFeatures', 'additionalArguments', 'disableBlinkFeatures']) expect(prefs, risky).not.toHaveProperty(risky);
  });

  it('never uses file:// and never turns on software WebGL by default', () => {
    const all = sources.map((f) => readFileSync(join(mainDir, f), 'utf8')).join('\n');
    expect(all).not.toMatch(/loadFile\s*\(/);
    expect(all).not.toMatch(/['"]file:\/\//);
    expect(all).not.toMatch(/enable-unsafe-swiftshader|use-angle/);
  });

  it('registers exactly one IPC handler and no raw ipcMain listeners (SECURITY.md T3.1)', () => {
    const calls = sources.flatMap((f) => ipcMainCalls(join(mainDir, f)));
    expect(calls).toEqual(['index.ts: ipcMain.handle(INVOKE_CHANNEL)']);
  });
});
