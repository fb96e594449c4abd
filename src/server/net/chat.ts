import { randomBytes } from 'node:crypto';
import type { ChatFrame } from '../../protocol';
import type { ChatRecord } from '../storage/types';

/**
 * A match's chat: stored with the match (storage/types.ts `appendChat`), each message with the
 * round the match was in when the server took it, then sent to every socket watching the
 * match, on this process and (cluster/chat.ts) on the others. A socket gets the chat so far
 * with its first sync of a match, so a reload or a reconnection misses nothing.
 */

/**
 * Most messages one match's chat keeps. The oldest are kept and the newest refused: the record
 * of a match never changes under a reader, and a full chat costs a syncing socket at most this
 * many frames.
 */
export const MATCH_CHAT_CAP = 500;

export const chatFrame = (m: ChatRecord): ChatFrame => ({
  id: m.id,
  sender: m.seat,
  payload: m.text,
  round: m.round,
});

/** The server's id for a message: random, so two processes never give the same one. */
export const newChatID = (): string => randomBytes(9).toString('base64url');

/** Match chat stored by the other server processes (several processes: cluster/chat.ts). */
export interface SharedChat {
  /** Tells the other processes of a message this one stored. */
  publish(matchID: string, message: ChatRecord): void;
  /** `listener` hears each message another process stored. */
  onMessage(listener: (matchID: string, message: ChatRecord) => void): void;
}
