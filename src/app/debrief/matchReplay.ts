import { AUTH_HEADERS } from '../../protocol';
import { readReplay, type ReplayResult } from '../../../game/replay';
import { sessionApi } from '../session/client';

interface Options {
  /** Ask for the table talk too. */
  messages?: boolean;
  /** The class session the match belongs to: its facilitator's token, if this browser has it. */
  session?: string | null;
}

/**
 * Downloads an online match's replay file from the server and plays it again (checking it as
 * it goes). The server hands it to anyone once the match is over, and before that to its host,
 * whose token this browser kept when it created the match, or its class session's facilitator.
 */
export async function fetchMatchReplay(
  matchID: string,
  { messages = false, session = null }: Options = {},
): Promise<ReplayResult> {
  const token =
    (session ? sessionApi.facilitatorToken(session) : null) ??
    window.localStorage.getItem(`chokepoint:creator:${matchID}`);
  const query = messages ? '?messages=1' : '';
  let res: Response;
  let text: string;
  try {
    res = await fetch(`/api/matches/${encodeURIComponent(matchID)}/replay${query}`, {
      headers: token ? { [AUTH_HEADERS.creator]: `Bearer ${token}` } : {},
    });
    text = await res.text();
  } catch {
    return { ok: false, error: 'Could not reach the server.' };
  }
  if (res.ok) return readReplay(text);
  let why = `the server answered ${res.status}`;
  try {
    why = (JSON.parse(text) as { error?: string }).error ?? why;
  } catch {
    // not JSON: keep the status
  }
  return { ok: false, error: `Could not download this match's replay: ${why}.` };
}
