// @ts-check
/**
 * Writes each logging call's own `file:line` into the call, so that klog-ts never captures a stack:
 * `log.infoS('Done', 'pod', p)` becomes `__klogCallMethodAt("/src/a.ts", 12, log, "infoS", 'Done', 'pod', p)`.
 * Only files that import `@klog-ts/core` are touched; no line is added or removed, so every other position
 * (and stack trace) stays where it was. Plain JavaScript, because Node loads loader hooks before any
 * TypeScript support.
 */

/** Methods and functions whose call site klog-ts records (V and enabled consult -vmodule by file). */
export const LOGGING_CALLS = new Set([
  'infoS', 'errorS', 'info', 'error', 'infof', 'infoln', 'warning', 'warningf', 'warningln', 'errorf', 'errorln',
  'enabled', 'V', 'withValues',
]);

const IMPORT = '@klog-ts/core';

/** @param {string} fileName */
function scriptKind(ts, fileName) {
  if (/\.[cm]?tsx?$/.test(fileName)) return fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return fileName.endsWith('x') ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}

/** The removed text's line feeds, kept so that no line moves. */
function keepLines(text) {
  return text.replace(/[^\n]/g, '');
}

/**
 * @param {typeof import('typescript')} ts the TypeScript compiler API (used only to parse)
 * @param {string} source the module's source text
 * @param {string} file the absolute path reported as the call site
 * @returns {string} the source with call sites written in, or the same text when nothing applies
 */
export function insertCallSites(ts, source, file) {
  if (!source.includes(IMPORT)) return source;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, scriptKind(ts, file));
  /** @type {{ at: number, end: number, text: string }[]} */
  const edits = [];
  const fileLiteral = JSON.stringify(file);
  const lineOf = (node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;

  const visit = (node) => {
    if (ts.isCallExpression(node) && node.questionDotToken === undefined && node.typeArguments === undefined) {
      const callee = node.expression;
      const argsAt = node.arguments.pos;
      const rest = node.arguments.length > 0 ? ', ' : '';
      if (ts.isPropertyAccessExpression(callee) && callee.questionDotToken === undefined && ts.isIdentifier(callee.name)
        && LOGGING_CALLS.has(callee.name.text) && callee.expression.kind !== ts.SyntaxKind.SuperKeyword
        && !(ts.isIdentifier(callee.expression) && callee.expression.text === 'console')) {
        const receiver = callee.expression;
        edits.push({ at: receiver.getStart(sourceFile), end: receiver.getStart(sourceFile), text: `__klogCallMethodAt(${fileLiteral}, ${lineOf(callee.name)}, ` });
        const between = source.slice(receiver.end, argsAt);
        edits.push({ at: receiver.end, end: argsAt, text: `${keepLines(between)}, ${JSON.stringify(callee.name.text)}${rest}` });
      } else if (ts.isIdentifier(callee) && LOGGING_CALLS.has(callee.text)) {
        edits.push({ at: callee.getStart(sourceFile), end: callee.getStart(sourceFile), text: `__klogCallFunctionAt(${fileLiteral}, ${lineOf(callee)}, ` });
        edits.push({ at: callee.end, end: argsAt, text: `${keepLines(source.slice(callee.end, argsAt))}${rest}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (edits.length === 0) return source;

  // Apply from the end; at one position the outer call (pushed first) must end up outermost.
  let out = source;
  edits
    .map((edit, order) => ({ ...edit, order }))
    .sort((a, b) => b.at - a.at || b.order - a.order)
    .forEach(({ at, end, text }) => {
      out = out.slice(0, at) + text + out.slice(end);
    });
  const helpers = `import { callMethodAt as __klogCallMethodAt, callFunctionAt as __klogCallFunctionAt } from ${JSON.stringify(IMPORT)};`;
  // On the first line (after a hashbang), so no line moves.
  const hashbang = out.startsWith('#!') ? out.indexOf('\n') + 1 : 0;
  return out.slice(0, hashbang) + helpers + out.slice(hashbang);
}
