/**
 * Fields a library redacts in its own objects before a program can hold them: a credential-named field
 * listed in `fields`, anywhere under `property` of the class or interface `type` that `module` declares, is
 * not a secret that object holds. Types alone cannot say this; each entry is read from the library's code.
 */
export interface LibraryRedaction {
  /** Package name, as an error carrier's (`@octokit/request-error`). */
  readonly module: string;
  readonly type: string;
  readonly property: string;
  /** The redacted fields' names, lower case. */
  readonly fields: readonly string[];
}

/**
 * Octokit's `RequestError` keeps a copy of the failed request whose `authorization` header is cut to its scheme
 * (`token [REDACTED]`; a header with no space in it is kept, which Octokit never sends) and whose URL loses
 * `client_secret` and `access_token`. The body is kept as given, so a credential there still counts.
 */
export const LIBRARY_REDACTIONS: readonly LibraryRedaction[] = [
  { module: '@octokit/request-error', type: 'RequestError', property: 'request', fields: ['authorization'] },
];
