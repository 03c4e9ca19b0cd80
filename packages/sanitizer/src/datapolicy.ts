import { tagClassField, tagPrototypeField } from './decorator-tags.js';
import { toKinds, type DataPolicyKind } from './kinds.js';

/**
 * What `@datapolicy(...)` returns: a standard (TC39) class-field decorator, and a legacy
 * (`experimentalDecorators`, as NestJS and TypeORM use) property decorator.
 */
export interface DataPolicyDecorator {
  <This, Value>(value: undefined, context: ClassFieldDecoratorContext<This, Value>): void;
  (prototype: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): void;
}

/** What a legacy decorator was applied to, from its third argument ("a method"); undefined for a field. */
function legacyMember(descriptor: unknown): string | undefined {
  if (typeof descriptor === 'number') return 'a parameter';
  if (typeof descriptor !== 'object' || descriptor === null) return undefined;
  if ('get' in descriptor || 'set' in descriptor) return 'an accessor';
  // Babel's legacy field descriptors carry an initializer, never a function value.
  return typeof (descriptor as { value?: unknown }).value === 'function' ? 'a method' : undefined;
}

/**
 * Tags a class field with the datapolicy kinds of what it holds (Kubernetes' `datapolicy:"password"`
 * struct tag). While the field holds a non-empty value, the sanitizer replaces it with
 * `[REDACTED:<kinds>]` (or blocks or drops the entry, by mode), wherever the instance appears: a key/value
 * pair, nested in an object, an array, a Map, an error, a bound value. Works as a standard (TC39) field
 * decorator and as a legacy (`experimentalDecorators`) property decorator; either way the tag is found
 * through the instance's prototype chain, so subclasses (`extends`, `util.inherits`, `Object.create`)
 * inherit it.
 *
 * @example
 * class Credentials {
 *   user = 'alice';
 *   @datapolicy('password') password = 'hunter2';
 * }
 */
export function datapolicy(...kinds: DataPolicyKind[]): DataPolicyDecorator {
  const list = toKinds(kinds, '@datapolicy');
  const where = `@datapolicy(${list.join(', ')})`;
  function datapolicyField(target: unknown, context: unknown, descriptor?: unknown): void {
    if (typeof context === 'string' || typeof context === 'symbol') {
      // Legacy: (prototype, name) for an instance field, (constructor, name) for a static one.
      const member = legacyMember(descriptor);
      if (member !== undefined) throw new TypeError(`${where} applies to class fields only, not to ${member}`);
      if (typeof target !== 'object' || target === null || typeof context !== 'string') return;
      tagPrototypeField(target, context, list);
      return;
    }
    const field = context as ClassFieldDecoratorContext | undefined;
    if (field?.kind !== 'field') {
      throw new TypeError(`${where} applies to class fields only, ${field === undefined ? 'and was called without a decorator context' : `not to a ${String(field.kind)}`}`);
    }
    // Static, private and symbol-keyed fields are never written by the encoders: nothing to redact
    // (the tag still documents the field for readers and the static checker).
    if (field.static || field.private || typeof field.name !== 'string') return;
    tagClassField(field, field.name, list);
  }
  return datapolicyField;
}
