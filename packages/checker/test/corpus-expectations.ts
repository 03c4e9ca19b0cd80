import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** An expectation written in a fixture: `// expect-finding: <kind>` or `// expect-clean` on a sink line. */
export interface Expectation {
  readonly file: string;
  readonly line: number;
  readonly kind: string | undefined; // undefined: the line must not be reported
}

const MARK = /\/\/\s*expect-(finding:\s*([\w-]+)|clean)\b/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every expectation in the `.ts` files under `dir`. */
export function readExpectations(dir: string): Expectation[] {
  return tsFiles(dir).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, i) => {
        const m = MARK.exec(text);
        return m === null ? [] : [{ file, line: i + 1, kind: m[2] }];
      }),
  );
}

/** Fixture groups: the directories under `root` that hold a tsconfig.json. */
export function fixtureGroups(root: string): string[] {
  return readdirSync(root)
    .map((name) => join(root, name))
    .filter((dir) => statSync(dir).isDirectory() && readdirSync(dir).includes('tsconfig.json'));
}
