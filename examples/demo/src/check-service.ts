import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeProject, formatText } from '@klog-ts/checker';

const SERVICE = join(import.meta.dirname, '..', '..', 'service');
/** Inside the demo package, so that the copy resolves the @klog-ts packages as the service does (the demo depends on the same). */
const COPY = join(import.meta.dirname, '..', '.service-copy');

/** The planted mistake: log the whole User (its password field is tagged) instead of its name. */
const CLEAN = "logger.infoS('User logged in', 'user', user.name);";
const MISTAKE = "logger.infoS('User logged in', 'user', user);";

/**
 * Copies the example service, plants one realistic mistake in its login handler, and runs klog-check on
 * the copy: the finding shows the path from the tagged `password` field to the logging call. (The service
 * as committed has no findings; its pre-submit lint would refuse the mistake.)
 */
export async function checkServiceWithMistake(): Promise<string> {
  rmSync(COPY, { recursive: true, force: true });
  mkdirSync(COPY, { recursive: true });
  cpSync(join(SERVICE, 'src'), join(COPY, 'src'), { recursive: true });
  writeFileSync(join(COPY, 'tsconfig.json'), JSON.stringify({ extends: '../../../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['src'] }));
  const handler = join(COPY, 'src', 'login-handler.ts');
  const source = readFileSync(handler, 'utf8');
  if (!source.includes(CLEAN)) throw new Error(`the demo expects examples/service/src/login-handler.ts to contain: ${CLEAN}`);
  writeFileSync(handler, source.replace(CLEAN, MISTAKE));
  try {
    const { findings } = await analyzeProject({ tsconfig: join(COPY, 'tsconfig.json') });
    return findings.length === 0 ? 'klog-check found nothing (unexpected)\n' : formatText(findings, { cwd: join(COPY, '..') });
  } finally {
    rmSync(COPY, { recursive: true, force: true });
  }
}
