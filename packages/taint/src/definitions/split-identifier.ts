// Acronym runs (`API` in `APIKey`), capitalised or lower-case words, digit runs.
const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

/**
 * Splits an identifier, property key or header name into lower-case words:
 * `APIKey` → `["api","key"]`, `x-auth-token` → `["x","auth","token"]`, `db_password2` → `["db","password","2"]`.
 */
export function splitIdentifier(name: string): string[] {
  return (name.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** Case- and separator-insensitive form of a name, used for exact exclusions: `Secret_Name` → `secretname`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
