import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { GameState } from '../state';

/** JSON with every object's keys in sorted order, so equal data always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
    return out;
  });
}

/**
 * The hash of a whole state, secret part included: two states with the same hash are the same
 * position with the same dice still to come. 128 bits as hex, like a seal.
 */
export const stateHash = (state: GameState): string =>
  bytesToHex(sha256(utf8ToBytes(canonicalJson(state))).subarray(0, 16));
