import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { CARDS } from '../events/cards';
import { MOVE_NAMES } from '../moves';
import { RULES } from '../rules';
import { SCENARIOS } from '../scenarios';
import { canonicalJson } from './hash';

/**
 * The rules a replay file was recorded under. The version is the rulebook's name for the rules
 * (CHANGELOG.md: "Rules 2.0"); raise it when the rules change in a way players should know of.
 * The fingerprint is computed from the numbers of the rules, the cards and the moves, so a file
 * recorded before a quieter change (a tuned number, a card's effect) is told apart as well.
 */
export const RULES_VERSION = '2.0';

let fingerprint: string | null = null;

/**
 * 8 hex digits of the SHA-256 of the rules' numbers, every card, every move's name and the
 * shipped scenarios (without their discussion prompts, which change no play).
 */
export function rulesFingerprint(): string {
  const scenarios = Object.values(SCENARIOS).map((s) => ({ ...s, prompts: undefined }));
  fingerprint ??= bytesToHex(
    sha256(
      utf8ToBytes(canonicalJson({ rules: RULES, cards: CARDS, moves: MOVE_NAMES, scenarios })),
    ),
  ).slice(0, 8);
  return fingerprint;
}
