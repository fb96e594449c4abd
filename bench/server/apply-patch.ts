import type { PatchOp } from '../../src/server/net/json-patch';

type Container = Record<string, unknown> | unknown[];

const unescape = (token: string): string =>
  token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;

/**
 * Applies the add / replace / remove operations the server sends (RFC 6902) to `doc` in place,
 * taking values as they are (they come fresh from JSON.parse, so nothing else holds them).
 * False if an operation does not fit the document: the caller then re-syncs, as boardgame.io's
 * client does. The load harness uses this instead of rfc6902, which clones every value.
 */
export function applyOps(doc: unknown, ops: readonly PatchOp[]): boolean {
  for (const op of ops) {
    const tokens = op.path.split('/').slice(1).map(unescape);
    const last = tokens.pop();
    if (last === undefined) return false;
    let parent: unknown = doc;
    for (const t of tokens) {
      if (typeof parent !== 'object' || parent === null) return false;
      parent = (parent as Record<string, unknown>)[t];
    }
    if (typeof parent !== 'object' || parent === null) return false;
    if (!apply(parent as Container, last, op)) return false;
  }
  return true;
}

function apply(parent: Container, key: string, op: PatchOp): boolean {
  if (!Array.isArray(parent)) {
    if (op.op !== 'add' && !Object.prototype.hasOwnProperty.call(parent, key)) return false;
    if (op.op === 'remove') return delete parent[key];
    parent[key] = op.value;
    return true;
  }
  const index = key === '-' ? parent.length : Number(key);
  if (!Number.isInteger(index) || index < 0) return false;
  if (op.op === 'add') {
    if (index > parent.length) return false;
    parent.splice(index, 0, op.value);
  } else if (index >= parent.length) {
    return false;
  } else if (op.op === 'replace') {
    parent[index] = op.value;
  } else {
    parent.splice(index, 1);
  }
  return true;
}
