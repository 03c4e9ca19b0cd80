import type * as ts from 'typescript';
import { DEFAULT_METADATA_WORDS } from '../definitions/credential-names.js';
import type { Definitions } from '../definitions/resolve-definitions.js';
import { splitIdentifier } from '../definitions/split-identifier.js';
import { isFromLibrary } from './ast-helpers.js';
import { isCleanType } from './is-clean-type.js';
import { isFieldObject } from './is-field-object.js';
import type { TypeScript } from './typescript-api.js';

const METADATA = new Set(DEFAULT_METADATA_WORDS);

/**
 * The source name (`V1Secret.data`) when `decl` declares a data field of a library's type named like a credential:
 * a Kubernetes `V1Secret`'s `data` and `stringData` hold the secret under names that say nothing. A data
 * field is a string or a map of them, in a type none of whose fields is named like a credential, not clean (a boolean, a number), not an object of declared fields
 * (`metadata`), and not named for metadata (`kind`, `type`, `apiVersion`).
 */
export function secretContainerField(ts: TypeScript, checker: ts.TypeChecker, defs: Definitions, decl: ts.Declaration, key: string, type: ts.Type | undefined): string | undefined {
  // A library's type (the program's own can tag its fields with @datapolicy or registerDataPolicy).
  if (!isFromLibrary(decl)) return undefined;
  const owner = ownerName(ts, decl);
  if (owner === undefined || !defs.isCredentialName(owner)) return undefined;
  // `Creds { user, password }` names the field that holds it: the others are judged by their own names.
  if (siblingNames(ts, decl).some((name) => defs.isCredentialName(name))) return undefined;
  if (type === undefined || isCleanType(ts, type) || isFieldObject(ts, type, checker)) return undefined;
  const last = splitIdentifier(key).at(-1);
  return last === undefined || METADATA.has(last) ? undefined : `${owner}.${key}`;
}

// The class, interface or type alias that declares a field.
function ownerName(ts: TypeScript, decl: ts.Declaration): string | undefined {
  const parent = decl.parent as ts.Node | undefined;
  if (parent === undefined) return undefined;
  if (ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent)) return parent.name?.text;
  if (ts.isTypeLiteralNode(parent) && ts.isTypeAliasDeclaration(parent.parent)) return parent.parent.name.text;
  return undefined;
}

function siblingNames(ts: TypeScript, decl: ts.Declaration): string[] {
  const parent = decl.parent as ts.Node | undefined;
  const members: readonly ts.Node[] =
    parent !== undefined && (ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeLiteralNode(parent)) ? parent.members : [];
  return members.flatMap((m) => {
    const name = (m as { name?: ts.Node }).name;
    if (name !== undefined && ts.isPrivateIdentifier(name)) return [name.text.slice(1)];
    return name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? [name.text] : [];
  });
}
