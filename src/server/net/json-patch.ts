/** One RFC 6902 operation, as boardgame.io's client applies them (rfc6902's applyPatch). */
export type PatchOp =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What JSON.stringify keeps of an object member (undefined and functions are dropped). */
const present = (v: unknown): boolean => v !== undefined && typeof v !== 'function';

/** An array element as JSON sees it (undefined and functions become null). */
const element = (v: unknown): unknown => (present(v) ? v : null);

const escape = (key: string): string =>
  key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;

/**
 * The operations that turn JSON.parse(JSON.stringify(prev)) into JSON.parse(JSON.stringify(next)).
 * Subtrees shared by reference (immer's structural sharing survives the player-view filter) are
 * skipped without a look. Arrays that lost items at the front and gained some at the end (a
 * bounded log) become removes at 0 and appends; other arrays of changed length are replaced.
 */
export function diffJson(prev: unknown, next: unknown): PatchOp[] {
  const ops: PatchOp[] = [];
  diffValue(prev, next, '', ops);
  return ops;
}

function diffValue(a: unknown, b: unknown, path: string, ops: PatchOp[]): void {
  if (a === b) return;
  if (isObject(a) && isObject(b)) return diffObject(a, b, path, ops);
  if (Array.isArray(a) && Array.isArray(b)) return diffArray(a, b, path, ops);
  if (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)) return;
  ops.push({ op: 'replace', path, value: b });
}

function diffObject(a: JsonObject, b: JsonObject, path: string, ops: PatchOp[]): void {
  for (const key of Object.keys(a)) {
    if (present(a[key]) && !(Object.prototype.hasOwnProperty.call(b, key) && present(b[key])))
      ops.push({ op: 'remove', path: `${path}/${escape(key)}` });
  }
  for (const key of Object.keys(b)) {
    const bv = b[key];
    if (!present(bv)) continue;
    const av = Object.prototype.hasOwnProperty.call(a, key) ? a[key] : undefined;
    if (av === bv) continue;
    if (!present(av)) ops.push({ op: 'add', path: `${path}/${escape(key)}`, value: bv });
    else diffValue(av, bv, `${path}/${escape(key)}`, ops);
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const probe: PatchOp[] = [];
  diffValue(element(a), element(b), '', probe);
  return probe.length === 0;
}

function diffArray(a: unknown[], b: unknown[], path: string, ops: PatchOp[]): void {
  // A window that slid (a bounded log): b = a[drop..] + appended items.
  if (a.length > 0 && b.length > 0 && a[0] !== b[0]) {
    const drop = a.indexOf(b[0], 1);
    if (drop > 0 && keeps(a, b, drop)) {
      for (let i = 0; i < drop; i++) ops.push({ op: 'remove', path: `${path}/0` });
      for (let i = a.length - drop; i < b.length; i++)
        ops.push({ op: 'add', path: `${path}/-`, value: element(b[i]) });
      return;
    }
  }
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++)
    if (a[i] !== b[i]) diffValue(element(a[i]), element(b[i]), `${path}/${i}`, ops);
  for (let i = common; i < b.length; i++)
    ops.push({ op: 'add', path: `${path}/-`, value: element(b[i]) });
  for (let i = a.length - 1; i >= common; i--) ops.push({ op: 'remove', path: `${path}/${i}` });
}

/** Does `b` start with a[drop..] (and so only appends after it)? */
function keeps(a: unknown[], b: unknown[], drop: number): boolean {
  const kept = a.length - drop;
  if (kept > b.length) return false;
  for (let i = 0; i < kept; i++) if (!same(a[drop + i], b[i])) return false;
  return true;
}
