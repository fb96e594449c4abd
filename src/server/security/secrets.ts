import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretHash } from '../storage/types';

/**
 * Seat credentials and creator tokens are 192-bit random tokens, so a salted
 * SHA-256 is enough (no password stretching needed); only the hash is stored
 * and comparison is constant-time.
 */
export function newToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(
  secret: string,
  salt = randomBytes(16).toString('base64url'),
): SecretHash {
  const hash = createHash('sha256').update(salt).update('\0').update(secret).digest('base64url');
  return { salt, hash };
}

export function verifySecret(secret: unknown, stored: SecretHash | undefined): boolean {
  if (typeof secret !== 'string' || secret.length === 0 || secret.length > 256 || !stored)
    return false;
  const actual = Buffer.from(hashSecret(secret, stored.salt).hash);
  const expected = Buffer.from(stored.hash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Characters in a join code: 32^12 = 2^60 codes (see the server README for the arithmetic). */
export const JOIN_CODE_LENGTH = 12;

/** An unambiguous join code (no 0/O, 1/I); 256 is a multiple of 32, so each letter is uniform. */
export function newJoinCode(length = JOIN_CODE_LENGTH): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return out;
}

export function newMatchID(): string {
  return randomBytes(12).toString('base64url');
}
