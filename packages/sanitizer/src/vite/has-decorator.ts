/**
 * A decorator's `@` where one can stand: first on its line (after indentation), after `{`, `}`, `;`,
 * `(`, `,`, `=`, `:`, `[`, `?` or `>`, or after `export`, `default` or `return`. A JSDoc tag (` * @param`),
 * a comment directive (`// @ts-expect-error`, `/* @__PURE__ *\/`) or an e-mail address does not match.
 * A false positive (an `@` at the start of a line inside a string) only costs a compile, never correctness.
 */
const DECORATOR = /(?:^|[{};(,=:[?>]|\bexport|\bdefault|\breturn)[ \t]*@[\p{ID_Start}_$]/mu;

/** Whether `code` may hold a decorator (so that the files without one keep Vite's own transform). */
export function hasDecorator(code: string): boolean {
  return code.includes('@') && DECORATOR.test(code);
}
