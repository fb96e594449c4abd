import { AUTH_HEADERS } from '../../protocol';
import { readReplay, type ReplayResult } from '../../../game/replay';

/**
 * Downloads an online match's replay file from the server and plays it again (checking it as
 * it goes). The server hands it to anyone once the match is over, and before that to its host,
 * whose token this browser kept when it created the match.
 */
export async function fetchMatchReplay(matchID: string): Promise<ReplayResult> {
  const token = window.localStorage.getItem(`chokepoint:creator:${matchID}`);
  let res: Response;
  let text: string;
  try {
    res = await fetch(`/api/matches/${encodeURIComponent(matchID)}/replay`, {
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
