import { declarationName, type SinkCall } from '@klog-ts/taint/typescript';
import type { ts } from 'ts-morph';
import { RULE_ID, type Finding, type Location, type PathStep } from '../report/finding.js';
import { sinkDisplay } from './sink-display.js';
import type { Flow, Source } from '@klog-ts/taint/engine';

function locate(node: ts.Node): Location {
  const file = node.getSourceFile();
  const target = declarationName(node) ?? node;
  const { line, character } = file.getLineAndCharacterOfPosition(target.getStart(file));
  return { file: file.fileName, line: line + 1, column: character + 1 };
}

function describe(source: Source): string {
  switch (source.kind) {
    case 'datapolicy':
      return `value '${source.name}' tagged @datapolicy(${source.policy ?? ''})`;
    case 'secret-type':
      return `value of Secret type '${source.name}'`;
    case 'secret-reveal':
      return `revealed content of Secret '${source.name}'`;
    case 'credential-name':
      return `credential '${source.name}'`;
    case 'log-key':
      return `value under the credential-like key '${source.name}'`;
  }
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Turns a traced flow at a sink into a finding with locations and a readable path. */
export function toFinding(sink: SinkCall, flow: Flow): Finding {
  const at = locate(sink.call);
  const source = locate(flow.source.node);
  const lineText = sink.call.getSourceFile().text.split('\n')[at.line - 1] ?? '';
  const path: PathStep[] = [{ ...source, note: `source: ${describe(flow.source)}` }];
  for (const s of flow.steps) {
    const loc = locate(s.node);
    const last = path[path.length - 1];
    if (last !== undefined && last.file === loc.file && last.line === loc.line && last.note === s.note) continue;
    path.push({ ...loc, note: s.note });
  }
  const display = sinkDisplay(sink);
  const verb = sink.role === 'binding' ? 'is bound to a logger by' : 'is logged by';
  path.push({ ...at, note: `${verb} ${display}()` });
  return {
    ruleId: RULE_ID,
    ...at,
    sink: display,
    role: sink.role,
    source: { ...source, kind: flow.source.kind, name: flow.source.name, ...(flow.source.policy === undefined ? {} : { policy: flow.source.policy }) },
    path,
    message: `${capitalize(describe(flow.source))} ${verb} ${display}()`,
    snippet: lineText.trim(),
  };
}
