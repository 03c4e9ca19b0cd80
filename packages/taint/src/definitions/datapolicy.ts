/** Name of the decorator (`@datapolicy('password')`) and of the JSDoc tag (`@datapolicy token`). */
export const DATAPOLICY_TAG = 'datapolicy';

/** The Kubernetes datapolicy kinds. Any other string is a user-defined kind and is a secret all the same. */
export const DATAPOLICY_KINDS: readonly string[] = ['password', 'token', 'security-key'];

/** The runtime package that exports `datapolicy`, `secret` and `Secret`. */
export const SANITIZER_MODULE = '@klog-ts/sanitizer';

/** Whether a decorator or JSDoc tag name is the datapolicy tag (`datapolicy`, or `sanitizer.datapolicy`). */
export function isDatapolicyTagName(name: string): boolean {
  return name === DATAPOLICY_TAG || name.endsWith(`.${DATAPOLICY_TAG}`);
}
