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

/**
 * The shape of a match's state, which a file's checkpoints hash: raise it when the state's
 * fields change, so that a file recorded before is told apart rather than called changed.
 * 2: every round's seals, only the last round's plans and log lines, the indicators as a table.
 */
export const STATE_LAYOUT = 2;

let fingerprint: string | null = null;

/**
 * 8 hex digits of the SHA-256 of the rules' numbers, every card, every move's name, the
 * shipped scenarios (without their discussion prompts, which change no play) and the state's
 * layout.
 */
export function rulesFingerprint(): string {
  const scenarios = Object.values(SCENARIOS).map((s) => ({ ...s, prompts: undefined }));
  const stateLayout = STATE_LAYOUT;
  fingerprint ??= bytesToHex(
    sha256(
      utf8ToBytes(
        canonicalJson({ rules: RULES, cards: CARDS, moves: MOVE_NAMES, scenarios, stateLayout }),
      ),
    ),
  ).slice(0, 8);
  return fingerprint;
}
