import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The shape of a generated codebase; the same options always produce the same bytes. */
export interface CodebaseOptions {
  readonly files: number;
  readonly seed: number;
}

/** mulberry32: a small deterministic PRNG, so the codebase is identical on every run and machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['pod', 'node', 'deployment', 'service', 'replicaSet', 'configMap', 'namespace', 'job'];
const VERBS = ['Synced', 'Reconciled', 'Updated', 'Scheduled', 'Evicted', 'Validated', 'Observed', 'Queued'];

// Ambient declarations of klog-ts and the sanitizer, so the codebase needs no installed packages.
const TYPES = `declare module '@klog-ts/core' {
  export interface ObjectRef { readonly name: string; readonly namespace?: string }
  export interface KMetadata { metadata?: { name?: string; namespace?: string } }
  export interface Verbose {
    enabled(): boolean;
    infoS(msg: string, ...kv: unknown[]): void;
    errorS(err: unknown, msg: string, ...kv: unknown[]): void;
  }
  export interface Logger {
    info(msg: string, ...kv: unknown[]): void;
    error(err: unknown, msg: string, ...kv: unknown[]): void;
    infoS(msg: string, ...kv: unknown[]): void;
    errorS(err: unknown, msg: string, ...kv: unknown[]): void;
    V(level: number): Logger;
    withValues(...kv: unknown[]): Logger;
    withName(name: string): Logger;
  }
  export function infoS(msg: string, ...kv: unknown[]): void;
  export function errorS(err: unknown, msg: string, ...kv: unknown[]): void;
  export function V(level: number): Verbose;
  export function background(): Logger;
  export function KObj(obj: KMetadata): ObjectRef;
  export function KRef(namespace: string, name: string): ObjectRef;
}
declare module '@klog-ts/sanitizer' {
  export class Secret<T> { private constructor(); reveal(): T }
  export function secret<T>(value: T): Secret<T>;
  export function datapolicy(kind: string): <This, V>(target: undefined, context: ClassFieldDecoratorContext<This, V>) => void;
}
`;

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    },
    include: ['types/**/*.d.ts', 'src/**/*.ts'],
  },
  null,
  2,
)}\n`;

function modelFile(i: number, next: () => number): string {
  const kind = KINDS[i % KINDS.length] ?? 'pod';
  const type = `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${i}`;
  const fields = Array.from({ length: 4 + Math.floor(next() * 6) }, (_, f) => `  field${f} = ${f};`).join('\n');
  return `import { datapolicy } from '@klog-ts/sanitizer';

/** A generated model with one tagged field. */
export class ${type} {
  metadata = { name: '${kind}-${i}', namespace: 'ns-${i % 17}' };
  owner = 'team-${i % 5}';
${fields}
  @datapolicy('token') accessToken = '';

  describe(): string {
    return \`\${this.metadata.namespace}/\${this.metadata.name}\`;
  }
}

export interface ${type}Spec {
  replicas: number;
  image: string;
  labels: Record<string, string>;
}

export function default${type}Spec(): ${type}Spec {
  return { replicas: ${1 + (i % 3)}, image: 'registry.test/${kind}:${i}', labels: { app: '${kind}' } };
}
`;
}

function utilFile(i: number, next: () => number): string {
  const helpers = Array.from({ length: 3 + Math.floor(next() * 4) }, (_, h) => {
    const op = h % 3 === 0 ? 'value.trim().toLowerCase()' : h % 3 === 1 ? '`${value}-${suffix}`' : 'value.split(",").join(suffix)';
    return `export function helper${i}x${h}(value: string, suffix = '${h}'): string {
  if (value.length > ${10 + h}) {
    return ${op};
  }
  return value + suffix;
}

export function checksum${i}x${h}(value: string): number {
  let sum = 0;
  for (let k = 0; k < value.length; k++) sum = (sum * 31 + value.charCodeAt(k)) | 0;
  return sum;
}
`;
  });
  return `import { createHash } from 'node:crypto';

export function hashOf${i}(secretValue: string): string {
  return createHash('sha256').update(secretValue).digest('hex');
}

${helpers.join('\n')}`;
}

function serviceFile(i: number, models: readonly number[], utils: readonly number[], next: () => number): string {
  const model = models[Math.floor(next() * models.length)] ?? 0;
  const other = models[Math.floor(next() * models.length)] ?? 0;
  const util = utils[Math.floor(next() * utils.length)] ?? 0;
  const kindOf = (m: number) => KINDS[m % KINDS.length] ?? 'pod';
  const typeOf = (m: number) => `${kindOf(m).charAt(0).toUpperCase()}${kindOf(m).slice(1)}${m}`;
  const functions = Array.from({ length: 3 + Math.floor(next() * 4) }, (_, f) => {
    const verb = VERBS[(i + f) % VERBS.length] ?? 'Synced';
    const key = kindOf(model);
    return `export async function handle${i}x${f}(items: readonly ${typeOf(model)}[], apiPassword: string): Promise<number> {
  const log = logger.withValues('handler', 'handle${i}x${f}');
  let count = 0;
  for (const item of items) {
    const label = helper${util}x0(item.owner);
    if (label.length === 0) continue;
    log.V(2).info('${verb} ${key}', '${key}', KObj(item), 'label', label, 'index', count);${
      // One service in twenty leaks a tagged field: the typed rule has findings to report.
      i % 20 === 0 && f === 0 ? "\n    log.V(9).info('Debug', 'token', item.accessToken);" : ''
    }
    count += checksum${util}x0(label) > 0 ? 1 : 0;
  }
  if (count === 0) {
    errorS(new Error('no items'), 'Nothing to ${verb.toLowerCase()}', 'handler', ${f});
  }
  const digest = hashOf${util}(apiPassword);
  infoS('${verb} batch', 'count', count, 'digest', digest, 'passwordLength', apiPassword.length);
  V(4).infoS('Batch details', 'spec', default${typeOf(other)}Spec().image);
  await Promise.resolve();
  return count;
}
`;
  });
  return `import { background, errorS, infoS, KObj, V } from '@klog-ts/core';
import type { ${typeOf(model)} } from '../models/model-${model}.js';
import { default${typeOf(other)}Spec } from '../models/model-${other}.js';
import { checksum${util}x0, hashOf${util}, helper${util}x0 } from '../util/util-${util}.js';

const logger = background().withName('service-${i}');

${functions.join('\n')}`;
}

/**
 * Writes a codebase of `files` TypeScript files (10% models with a `@datapolicy` field, 20% helpers, 70%
 * services that log through klog-ts) under `dir`, replacing what was there. Deterministic for a seed.
 */
export function generateCodebase(dir: string, options: CodebaseOptions): void {
  const next = random(options.seed);
  const modelCount = Math.max(1, Math.round(options.files * 0.1));
  const utilCount = Math.max(1, Math.round(options.files * 0.2));
  const serviceCount = Math.max(1, options.files - modelCount - utilCount);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['types', 'src/models', 'src/util', 'src/services']) mkdirSync(path.join(dir, sub), { recursive: true });
  writeFileSync(path.join(dir, 'tsconfig.json'), TSCONFIG);
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'generated-codebase', private: true, type: 'module' })}\n`);
  writeFileSync(path.join(dir, 'types/klog-ts.d.ts'), TYPES);
  const models = Array.from({ length: modelCount }, (_, i) => i);
  const utils = Array.from({ length: utilCount }, (_, i) => i);
  for (const i of models) writeFileSync(path.join(dir, `src/models/model-${i}.ts`), modelFile(i, next));
  for (const i of utils) writeFileSync(path.join(dir, `src/util/util-${i}.ts`), utilFile(i, next));
  for (let i = 0; i < serviceCount; i++) {
    writeFileSync(path.join(dir, `src/services/service-${i}.ts`), serviceFile(i, models, utils, next));
  }
}
