import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { GameState } from '../state';

/** Keys an object enumerates first, in ascending numeric order: array indices ("0", "12"). */
const INDEX = /^(?:0|[1-9]\d{0,8})$/;

/** An object's keys sorted, in the order an object built with them in that order enumerates. */
function sortedKeys(o: object): string[] {
  const keys = Object.keys(o).sort();
  if (!keys.some((k) => INDEX.test(k))) return keys;
  const indices = keys.filter((k) => INDEX.test(k)).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((k) => !INDEX.test(k))];
}

function write(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      const withJson = v as { toJSON?: () => unknown };
      if (typeof withJson.toJSON === 'function') return write(withJson.toJSON());
      if (Array.isArray(v)) {
        let s = '[';
        for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + (write(v[i]) ?? 'null');
        return s + ']';
      }
      let s = '{';
      let first = true;
      for (const k of sortedKeys(v)) {
        const x = write((v as Record<string, unknown>)[k]);
        if (x === undefined) continue;
        s += (first ? '' : ',') + JSON.stringify(k) + ':' + x;
        first = false;
      }
      return s + '}';
    }
    default:
      return undefined;
  }
}

/**
 * JSON with every object's keys in sorted order, so equal data always gives the same text. The
 * text is exactly `JSON.stringify` of a copy whose objects were rebuilt with their keys sorted
 * (index-like keys, such as seat numbers, come first in numeric order, as any JavaScript object
 * enumerates them), written in one pass without building those copies.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

const encoder = new TextEncoder();

/**
 * The hash of a whole state, secret part included: two states with the same hash are the same
 * position with the same dice still to come. 128 bits as hex, like a seal.
 */
export const stateHash = (state: GameState): string =>
  bytesToHex(sha256(encoder.encode(canonicalJson(state))).subarray(0, 16));
