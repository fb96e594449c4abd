import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { randInt, type RngState } from '../random';
import type { CardPlay, Order, SealedPlan } from '../state';

/**
 * Sealed orders. When a seat submits, everyone sees the SHA-256 of a secret salt and the orders;
 * when the orders are revealed, anyone can recompute it. The salt keeps a short plan from being
 * guessed by trying every possible plan against the seal.
 */

/** The exact text that is hashed: the salt, then the orders and the card as canonical JSON. */
export function sealedText(salt: string, orders: readonly Order[], card: CardPlay | null): string {
  const canonicalOrders = orders.map((o) => ({ move: o.move, args: sortedKeys(o.args) }));
  const canonicalCard = card ? { card: card.card, use: card.use } : null;
  return `${salt}|${JSON.stringify({ orders: canonicalOrders, card: canonicalCard })}`;
}

/** The seal: the first 128 bits of the SHA-256, as hex (ample against forging, half the bytes on the wire). */
export const sealOf = (salt: string, orders: readonly Order[], card: CardPlay | null): string =>
  bytesToHex(sha256(utf8ToBytes(sealedText(salt, orders, card))).subarray(0, 16));

/** A fresh salt from the match's secret generator: 128 bits as hex. */
export function newSalt(rng: RngState): string {
  let out = '';
  for (let i = 0; i < 4; i++) out += randInt(rng, 0x10000).toString(16).padStart(4, '0');
  for (let i = 0; i < 4; i++) out += randInt(rng, 0x10000).toString(16).padStart(4, '0');
  return out;
}

export type SealCheck = 'matches' | 'broken' | 'hidden';

/** Whether a revealed plan matches the seal published when it was submitted. */
export function checkSeal(plan: SealedPlan): SealCheck {
  if (plan.salt === null || plan.orders === null) return 'hidden';
  return sealOf(plan.salt, plan.orders, plan.card) === plan.seal ? 'matches' : 'broken';
}

function sortedKeys<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort()) {
    const value = (obj as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}
