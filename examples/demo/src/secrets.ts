import { createLogger, type LogFormat } from '@klog-ts/core';
import { datapolicy, installSanitizer, secret } from '@klog-ts/sanitizer';

/** Database settings as a service keeps them: the password field carries Kubernetes' datapolicy tag. */
class DatabaseConfig {
  host = 'postgres.shop.svc';
  user = 'orders';
  @datapolicy('password') password = 'hunter2';
}

/**
 * The same mistake, logging a whole configuration object and an API token, in both formats: with the
 * sanitizer installed the tagged field and the Secret print as `[REDACTED:<kind>]`, the rest survives.
 */
export function logSecrets(format: LogFormat, output: NodeJS.WritableStream): void {
  installSanitizer();
  const logger = createLogger({ format, output, verbosity: 2 }).withName('orders-api');
  const token = secret('ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'token');
  // The ESLint rule catches this line at the keyboard; the demo keeps it to show the run-time defence.
  // eslint-disable-next-line @klog-ts/no-secret-logging -- a deliberate mistake, redacted below
  logger.info('Connecting to the database', 'config', new DatabaseConfig(), 'apiToken', token);
}
