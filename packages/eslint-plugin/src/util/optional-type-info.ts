import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';
import { ESLintUtils } from '@typescript-eslint/utils';

/**
 * The parser's type information when the file is linted with a TypeScript program, else `undefined`.
 * Syntactic rules use it to be more precise under typed linting without requiring it.
 */
export function optionalTypeInfo(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParserServicesWithTypeInformation | undefined {
  const services = ESLintUtils.getParserServices(context, true);
  return services.program ? services : undefined;
}
