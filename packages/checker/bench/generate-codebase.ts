import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './random.js';
import { AMBIENT_TYPES, controller, helpers, model, repository, service, type Entity } from './templates.js';

const FIELDS = ['description', 'owner', 'region', 'endpoint', 'tier', 'email', 'team', 'costCenter', 'image', 'hostname', 'zone', 'channel'];
const SECRET_FIELDS = ['accessKey', 'webhookSecret', 'signingKey', 'credential', 'seed', 'recoveryCode'];
const NOUNS = ['invoice', 'cluster', 'tenant', 'volume', 'route', 'policy', 'quota', 'job', 'backup', 'webhook'];

/** What was generated: the file count and how many findings the planted leaks should produce. */
export interface GeneratedCodebase {
  readonly dir: string;
  readonly files: number;
  readonly lines: number;
  readonly plantedLeaks: number;
}

/**
 * Writes a deterministic TypeScript codebase of `entities` domains (5 files each: model with a
 * `@datapolicy` field, repository, helpers, service, controller) plus barrels, into `dir` (recreated).
 * About one domain in eight has a planted leak (a tagged field, a credential parameter, or a whole object
 * holding a secret, logged through klog-ts).
 */
export function generateCodebase(dir: string, entities = 200, seed = 1933): GeneratedCodebase {
  const random = seededRandom(seed);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['types', 'src/models', 'src/repositories', 'src/helpers', 'src/services', 'src/controllers']) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  let files = 0;
  let lines = 0;
  const write = (path: string, text: string): void => {
    writeFileSync(join(dir, path), text);
    files++;
    lines += text.split('\n').length;
  };
  write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: { target: 'ES2022', lib: ['ES2023'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [] },
      include: ['types/*.d.ts', 'src/**/*.ts'],
    }),
  );
  write('types/runtime.d.ts', `${AMBIENT_TYPES}declare module 'node:crypto' {\n  interface Hash { update(data: string): Hash; digest(encoding: 'hex'): string }\n  export function createHash(algorithm: string): Hash;\n}\n`);
  let plantedLeaks = 0;
  const names: string[] = [];
  for (let i = 0; i < entities; i++) {
    const name = `${random.pick(NOUNS)}${i}`;
    const fields = FIELDS.filter(() => random.chance(0.4)).slice(0, 5);
    if (fields.length === 0) fields.push('description');
    const roll = random.int(24);
    const leak: Entity['leak'] = roll === 0 ? 'field' : roll === 1 ? 'param' : roll === 2 ? 'object' : 'none';
    if (leak !== 'none') plantedLeaks++;
    const entity: Entity = { name, fields, secretField: random.pick(SECRET_FIELDS), leak };
    const deps = names.length === 0 ? [] : [...new Set([random.pick(names), random.pick(names)])].slice(0, random.int(3));
    write(`src/models/${name}.ts`, model(entity));
    write(`src/repositories/${name}-repository.ts`, repository(entity));
    write(`src/helpers/${name}-helpers.ts`, helpers(entity));
    write(`src/services/${name}-service.ts`, service(entity, deps));
    write(`src/controllers/${name}-controller.ts`, controller(entity));
    names.push(name);
  }
  for (let g = 0; g * 10 < names.length; g++) {
    const group = names.slice(g * 10, g * 10 + 10);
    write(`src/index-${g}.ts`, group.map((n) => `export * from './controllers/${n}-controller.js';`).join('\n') + '\n');
  }
  return { dir, files: files - 1, lines, plantedLeaks };
}
