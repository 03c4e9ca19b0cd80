import { ts } from 'ts-morph';

const renamed = new WeakMap<ts.SourceFile, Map<string, string>>();

/**
 * The exported name behind a local name when the file imports it renamed (`import { infoS as log }` →
 * `infoS`), else the local name itself. One pass over the file's imports, cached per file.
 */
export function importedName(file: ts.SourceFile, local: string): string {
  let names = renamed.get(file);
  if (names === undefined) {
    names = new Map();
    for (const statement of file.statements) {
      const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
      if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        if (element.propertyName !== undefined) names.set(element.name.text, element.propertyName.text);
      }
    }
    renamed.set(file, names);
  }
  return names.get(local) ?? local;
}
