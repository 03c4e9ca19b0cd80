// Source templates of the generated benchmark codebase: one domain = model, repository, service,
// controller, mapper, validator, and helpers, written the way a Kubernetes-facing Node service is.

/** Declarations of the runtime packages, so the generated project needs no node_modules. */
export const AMBIENT_TYPES = `declare module '@klog-ts/core' {
  export interface ObjectRef { readonly name: string; readonly namespace?: string }
  export interface Verbose { infoS(msg: string, ...kv: unknown[]): void; info(msg: string, ...kv: unknown[]): void }
  export interface Logger {
    infoS(msg: string, ...kv: unknown[]): void;
    errorS(err: unknown, msg: string, ...kv: unknown[]): void;
    V(level: number): Verbose;
    withValues(...kv: unknown[]): Logger;
    withName(name: string): Logger;
  }
  export function background(): Logger;
  export function KObj(obj: { metadata?: { name?: string; namespace?: string } }): ObjectRef;
}
declare module '@klog-ts/sanitizer' {
  export class Secret<T> { private constructor(); reveal(): T }
  export function secret<T>(value: T, kind: string): Secret<T>;
  export function datapolicy(kind: string): <This, V>(target: undefined, context: ClassFieldDecoratorContext<This, V>) => void;
}
`;

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Template inputs for one entity. */
export interface Entity {
  readonly name: string; // e.g. invoice7
  readonly fields: readonly string[];
  readonly secretField: string; // tagged @datapolicy
  readonly leak: 'none' | 'field' | 'param' | 'object';
}

export function model(e: Entity): string {
  const C = cap(e.name);
  return `import { datapolicy } from '@klog-ts/sanitizer';

export interface ${C}Metadata {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  resourceVersion: string;
}

export class ${C} {
  metadata: ${C}Metadata = { name: '', namespace: 'default', labels: {}, resourceVersion: '1' };
${e.fields.map((f) => `  ${f} = '';`).join('\n')}
  @datapolicy('token') ${e.secretField} = '';
  createdAt = new Date(0);
  revision = 0;

  constructor(init: Partial<Omit<${C}, 'displayName'>> = {}) {
    Object.assign(this, init);
  }

  get displayName(): string {
    return \`\${this.metadata.namespace}/\${this.metadata.name}\`;
  }
}

export type ${C}Patch = Partial<Pick<${C}, ${e.fields.map((f) => `'${f}'`).join(' | ')}>>;
`;
}

export function repository(e: Entity): string {
  const C = cap(e.name);
  return `import { ${C}, type ${C}Patch } from '../models/${e.name}.js';

export class ${C}Repository {
  private readonly items = new Map<string, ${C}>();

  async get(key: string): Promise<${C} | undefined> {
    await Promise.resolve();
    return this.items.get(key);
  }

  async list(namespace: string): Promise<${C}[]> {
    await Promise.resolve();
    return [...this.items.values()].filter((item) => item.metadata.namespace === namespace);
  }

  async put(item: ${C}): Promise<void> {
    await Promise.resolve();
    item.revision += 1;
    this.items.set(item.displayName, item);
  }

  async patch(key: string, patch: ${C}Patch): Promise<${C} | undefined> {
    const current = await this.get(key);
    if (current === undefined) return undefined;
    const next = new ${C}({ ...current, ...patch });
    await this.put(next);
    return next;
  }
}
`;
}

export function helpers(e: Entity): string {
  const C = cap(e.name);
  return `import { createHash } from 'node:crypto';
import type { ${C} } from '../models/${e.name}.js';

export function fingerprint${C}(item: ${C}): string {
  return createHash('sha256').update(item.${e.secretField}).digest('hex').slice(0, 12);
}

export function describe${C}(item: ${C}): string {
  return [${e.fields.map((f) => `item.${f}`).join(', ')}].filter((v) => v !== '').join(', ');
}

export function validate${C}(item: ${C}): string[] {
  const problems: string[] = [];
${e.fields.map((f) => `  if (item.${f}.length > 253) problems.push('${f} is too long');`).join('\n')}
  if (item.${e.secretField}.length === 0) problems.push('${e.secretField} is required');
  return problems;
}

export function render${C}Row(item: ${C}, columns: readonly string[]): string {
  const cells = columns.map((c) => (c === 'name' ? item.metadata.name : c === 'namespace' ? item.metadata.namespace : '-'));
  return cells.join('\\t');
}
`;
}

export function service(e: Entity, deps: readonly string[]): string {
  const C = cap(e.name);
  const leak =
    e.leak === 'field'
      ? `\n    this.log.V(4).infoS('Stored ${e.name}', '${e.name}', KObj(item), 'value', item.${e.secretField});`
      : e.leak === 'object'
        ? `\n    this.log.V(5).infoS('Stored ${e.name}', 'object', item);`
        : '';
  return `import { background, KObj, type Logger } from '@klog-ts/core';
import { ${C} } from '../models/${e.name}.js';
import { ${C}Repository } from '../repositories/${e.name}-repository.js';
import { describe${C}, fingerprint${C}, validate${C} } from '../helpers/${e.name}-helpers.js';
${deps.map((d) => `import { ${cap(d)}Service } from './${d}-service.js';`).join('\n')}

export class ${C}Service {
  private readonly log: Logger = background().withName('${e.name}-service');
  private readonly repo = new ${C}Repository();
${deps.map((d) => `  private readonly ${d}Service = new ${cap(d)}Service();`).join('\n')}

  async create(namespace: string, name: string, input: Partial<${C}>): Promise<${C}> {
    const item = new ${C}({ ...input, metadata: { name, namespace, labels: {}, resourceVersion: '1' } });
    const problems = validate${C}(item);
    if (problems.length > 0) {
      this.log.errorS(new Error(problems.join('; ')), 'Invalid ${e.name}', '${e.name}', KObj(item));
      throw new Error(\`invalid ${e.name}: \${problems.join('; ')}\`);
    }
    await this.repo.put(item);
    this.log.infoS('Created ${e.name}', '${e.name}', KObj(item), 'fingerprint', fingerprint${C}(item));${leak}
    return item;
  }

  async describe(namespace: string, name: string): Promise<string> {
    const item = await this.repo.get(\`\${namespace}/\${name}\`);
    if (item === undefined) {
      this.log.V(2).infoS('Not found', '${e.name}', \`\${namespace}/\${name}\`);
      return '';
    }
    const text = describe${C}(item);
    this.log.V(3).infoS('Described ${e.name}', '${e.name}', KObj(item), 'summary', text);
    return text;
  }

  async sync(namespace: string): Promise<number> {
    const items = await this.repo.list(namespace);
    for (const item of items) {
      this.log.V(4).infoS('Syncing', '${e.name}', KObj(item), 'revision', item.revision);
    }
${deps.map((d) => `    await this.${d}Service.sync(namespace);`).join('\n')}
    return items.length;
  }
}
`;
}

export function controller(e: Entity): string {
  const C = cap(e.name);
  const paramLeak = e.leak === 'param' ? `\n    this.log.infoS('Login for ${e.name}', 'user', user, 'password', password);` : '';
  return `import { background, type Logger } from '@klog-ts/core';
import { ${C}Service } from '../services/${e.name}-service.js';

interface Request {
  params: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: { user?: string; password?: string; fields?: Record<string, string> };
}

interface Response {
  status(code: number): Response;
  json(body: unknown): void;
}

export class ${C}Controller {
  private readonly log: Logger = background().withName('${e.name}-controller');
  constructor(private readonly service = new ${C}Service()) {}

  async get(req: Request, res: Response): Promise<void> {
    const { namespace = 'default', name = '' } = req.params;
    const text = await this.service.describe(namespace, name);
    this.log.V(2).infoS('GET ${e.name}', 'namespace', namespace, 'name', name, 'found', text !== '');
    res.status(text === '' ? 404 : 200).json({ text });
  }

  async login(req: Request, res: Response): Promise<void> {
    const { user = '', password = '' } = req.body;
    const ok = password.length >= 12;${paramLeak}
    this.log.infoS('Login attempt', 'user', user, 'ok', ok, 'hasAuth', req.headers.authorization !== undefined);
    res.status(ok ? 200 : 401).json({ ok });
  }
}
`;
}
