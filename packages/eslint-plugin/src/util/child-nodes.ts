import type { TSESTree } from '@typescript-eslint/utils';

/** The child nodes of an AST node, read from its own keys (not `parent`, nor positions); `skip` leaves keys out. */
export function childNodes(node: TSESTree.Node, skip?: (key: string) => boolean): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range' || skip?.(key)) continue;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof item === 'object' && item !== null && typeof (item as { type?: unknown }).type === 'string') {
        children.push(item as TSESTree.Node);
      }
    }
  }
  return children;
}
