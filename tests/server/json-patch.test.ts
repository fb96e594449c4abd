/** diffJson (patch frames) against rfc6902's applyPatch, which boardgame.io's client uses, and the bench's own applier. */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPatch, type Operation } from 'rfc6902';
import { applyOps } from '../../bench/server/apply-patch';
import { diffJson, type PatchOp } from '../../src/server/net/json-patch';

const json = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    fc.string({ maxLength: 3 }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('v'), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c/d', 'e~f', '0', '-'), tie('v'), { maxKeys: 4 }),
  ),
}));
const doc = fc.dictionary(fc.constantFrom('a', 'b', 'log'), json.v);
const wire = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

function patched(a: unknown, b: unknown): unknown {
  const base = wire(a) as object;
  const errors = applyPatch(base, wire(diffJson(a, b)) as Operation[]);
  expect(errors.every((e) => e === null)).toBe(true);
  return base;
}

describe('diffJson', () => {
  it('turns any JSON document into any other, as sent over the wire', () => {
    fc.assert(
      fc.property(doc, doc, (a, b) => isDeepStrictEqual(patched(a, b), wire(b))),
      { numRuns: 5000 },
    );
  });

  it('sends a sliding log as removes at the front and appends', () => {
    const log = Array.from({ length: 40 }, (_, i) => ({ n: i }));
    const next = { log: [...log.slice(2), { n: 40 }, { n: 41 }] };
    const ops = diffJson({ log }, next);
    expect(ops).toEqual([
      { op: 'remove', path: '/log/0' },
      { op: 'remove', path: '/log/0' },
      { op: 'add', path: '/log/-', value: { n: 40 } },
      { op: 'add', path: '/log/-', value: { n: 41 } },
    ]);
    expect(patched({ log }, next)).toEqual(next);
  });

  it('skips shared subtrees and sends only what changed', () => {
    const shared = { big: Array.from({ length: 100 }, (_, i) => i) };
    expect(diffJson({ shared, x: 1 }, { shared, x: 2 })).toEqual([
      { op: 'replace', path: '/x', value: 2 },
    ]);
  });
});

describe("the load harness's patch applier", () => {
  it('does what rfc6902 does with every patch the server can send', () => {
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const ops = wire(diffJson(a, b)) as PatchOp[];
        const mine = wire(a);
        expect(applyOps(mine, ops)).toBe(true);
        return isDeepStrictEqual(mine, patched(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a patch that does not fit, so the seat re-syncs', () => {
    expect(applyOps({ a: [1] }, [{ op: 'replace', path: '/a/3', value: 0 }])).toBe(false);
    expect(applyOps({ a: 1 }, [{ op: 'add', path: '/b/c', value: 0 }])).toBe(false);
    expect(applyOps({ a: 1 }, [{ op: 'replace', path: '/z', value: 0 }])).toBe(false);
    expect(applyOps({ a: 1 }, [{ op: 'remove', path: '/z' }])).toBe(false);
  });
});
