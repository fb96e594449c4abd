import { TALK_MAX_CHARS } from '../../protocol';

const INVISIBLE = /[\p{Cf}\p{Cc}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu;

/**
 * A message's text as people send it to each other (a match's chat, a session's talk): plain,
 * without control or invisible characters, 1..TALK_MAX_CHARS; null if `v` is not one.
 */
export function cleanText(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > TALK_MAX_CHARS * 4) return null;
  const text = v.normalize('NFC').replace(INVISIBLE, ' ').replace(/\s+/gu, ' ').trim();
  if (text.length === 0 || [...text].length > TALK_MAX_CHARS) return null;
  return text;
}
