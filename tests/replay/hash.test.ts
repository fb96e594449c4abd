import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../game/replay';
import { botMatch } from './fixtures';

/** The canonical text as first defined: JSON.stringify of copies rebuilt with sorted keys. */
const reference = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    // fromEntries defines own keys, so a "__proto__" key stays data instead of a prototype.
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, (v as Record<string, unknown>)[k]]),
    );
  });

describe('canonical JSON (what state hashes and so every replay file are computed from)', () => {
  it('is the same text as before for every state of a match, so older files still check', () => {
    const { states } = botMatch('classroom', 'canonical');
    for (const s of states) expect(canonicalJson(s)).toBe(reference(s));
  });

  it('is the same text for any JSON-like data, seat-number keys and undefined fields included', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.dictionary(
          fc.constantFrom('0', '1', '10', '2', 'a', 'B', '01', '-1', '1.5'),
          fc.option(fc.integer(), { nil: undefined }),
        ),
        (v, d) => {
          expect(canonicalJson(v)).toBe(reference(v));
          expect(canonicalJson({ d, list: [undefined, d, -0, NaN] })).toBe(
            reference({ d, list: [undefined, d, -0, NaN] }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
