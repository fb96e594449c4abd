import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Does the request's address ask for the talk too (`?messages=1`)? */
export const wantsMessages = (url: string | undefined): boolean =>
  new URLSearchParams((url ?? '').split('?')[1] ?? '').get('messages') === '1';

/** JSON response; never HTML, never sniffed. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Reads a JSON object body of at most `limit` bytes. */
export async function readJson(
  req: IncomingMessage,
  limit = 16 * 1024,
): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new HttpError(413, 'body too large');
    chunks.push(buf);
  }
  if (size === 0) return {};
  if (!type.startsWith('application/json')) throw new HttpError(415, 'expected application/json');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpError(400, 'expected a JSON object');
  return value as Record<string, unknown>;
}

/**
 * What a name loses: format characters (Cf: bidi marks and overrides, zero-width joiners and
 * spaces, word joiners, invisible operators, the soft hyphen, tag characters…), controls (Cc),
 * line and paragraph separators, private-use and lone surrogates, and every default-ignorable
 * code point: variation selectors and the "filler" letters that render as nothing (Hangul
 * fillers U+115F, U+1160, U+3164, U+FFA0, Khmer and Mongolian invisibles, the combining
 * grapheme joiner); plus the blank Braille pattern U+2800.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Co}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** A character that shows: a letter, digit, punctuation mark or symbol. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * A display name: plain text with invisible, control and bidi characters removed, whitespace
 * collapsed, 1-24 characters of which at least one shows. It is stored and sent as text; the
 * board renders it as text (never as HTML).
 */
export function cleanName(value: unknown): string {
  if (typeof value !== 'string' || value.length > 256)
    throw new HttpError(400, 'name must be a string of at most 24 characters');
  const name = value.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  if (!VISIBLE.test(name)) throw new HttpError(400, 'name needs at least one visible character');
  if ([...name].length > 24) throw new HttpError(400, 'name must be 1-24 characters');
  return name;
}

export function str(body: Record<string, unknown>, key: string, max = 64): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length > max)
    throw new HttpError(400, `${key} must be a string of at most ${max} characters`);
  return v;
}
