/**
 * Type names that mark a secret: the sanitizer's `Secret<T>` class, or a branded type of that name
 * (`type Secret<T> = T & { readonly __brand: 'secret' }`). A wrapper class (one with a reveal-like method)
 * renders redacted when logged; a branded type is the raw value and is a source by itself.
 */
export const SECRET_TYPE_NAMES: readonly string[] = ['Secret'];

/** Methods whose result is the wrapped secret when called on a `Secret` value. */
export const REVEAL_METHOD_NAMES: readonly string[] = ['reveal', 'unwrap', 'expose', 'exposeSecret', 'revealSecret'];

/** Whether a type or alias name is a secret type name. */
export function isSecretTypeName(name: string): boolean {
  return SECRET_TYPE_NAMES.includes(name);
}

/** Whether a method name is reveal-like (its result on a `Secret` receiver is the secret). */
export function isRevealMethodName(name: string): boolean {
  return REVEAL_METHOD_NAMES.includes(name);
}
