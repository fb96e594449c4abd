import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
} from 'react';
import type { Role } from '../../../game/engine';
import { TALK_MAX_CHARS } from '../../protocol';
import { seatBadges } from '../selectors/marks';
import type { SeatRow } from './seats';
import { CHAT_NO_ANSWER, CHAT_OFFLINE } from './transport';

/** A message of the match's chat as the board shows it. */
export interface TalkLine {
  id: string;
  sender: string;
  text: string;
  /** The round it was said in (null if the server did not say). */
  round: number | null;
}

/** boardgame.io's `chatMessages` as our server fills them (`ChatFrame`), checked field by field. */
export function talkLines(raw: readonly unknown[] | undefined): TalkLine[] {
  const out: TalkLine[] = [];
  for (const m of raw ?? []) {
    if (typeof m !== 'object' || m === null) continue;
    const { id, sender, payload, round } = m as Record<string, unknown>;
    if (typeof id !== 'string' || typeof payload !== 'string') continue;
    out.push({
      id,
      sender: String(sender),
      text: payload,
      round: typeof round === 'number' ? round : null,
    });
  }
  return out;
}

/** Characters as the server counts them (code points, not UTF-16 units). */
export const charCount = (text: string): number => [...text].length;

/** Why a message was not sent, in words for the person who wrote it. */
export function refusalText(error: string, text: string): string {
  if (error === 'rate limited' || error.startsWith('too many'))
    return 'You are sending messages too fast. Wait a few seconds, then send again.';
  if (error.startsWith('a message is'))
    return charCount(text.trim()) > TALK_MAX_CHARS
      ? `It is too long: a message is at most ${TALK_MAX_CHARS} characters, and this one has ${charCount(text.trim())}. Shorten it, then send again.`
      : `The server refused it: ${error}.`;
  if (error.startsWith("this match's chat is full"))
    return "This match's chat is full: no more messages can be added.";
  if (error === 'not seated') return 'Only the players seated at this table can write here.';
  if (error === 'seat changed hands') return 'This seat is no longer yours, so you cannot write.';
  if (error === CHAT_OFFLINE)
    return 'You are not connected to the server. Send it again once the board has reconnected.';
  if (error === CHAT_NO_ANSWER) return 'The server did not answer. Try again in a moment.';
  return `The server refused it: ${error}.`;
}

/** Who said it: "You", or the seat and the name of whoever holds it. */
function senderName(rows: SeatRow[], seat: string, me: string | null): string {
  const row = rows.find((r) => r.id === seat);
  const label = row?.label ?? `Seat ${seat}`;
  if (seat === me) return `You (${label})`;
  return row?.kind === 'person' && row.name ? `${label} (${row.name})` : label;
}

/** How long the chat must be quiet before a new message is announced. */
const ANNOUNCE_AFTER_MS = 600;

const readKey = (matchID: string) => `chokepoint:chat-read:${matchID}`;
function storedRead(matchID: string): number {
  try {
    return Number(window.localStorage.getItem(readKey(matchID))) || 0;
  } catch {
    return 0;
  }
}
function storeRead(matchID: string, n: number): void {
  try {
    window.localStorage.setItem(readKey(matchID), String(n));
  } catch {
    // Private browsing: the count of read messages lasts as long as the page.
  }
}

interface Props {
  matchID: string;
  /** boardgame.io's `chatMessages`: the match's chat as this socket received it. */
  messages: readonly unknown[] | undefined;
  rows: SeatRow[];
  /** This browser's seat; null for a spectator. */
  me: string | null;
  /**
   * Sends a message to the table: resolves with null once the server has it, or with why not.
   * Absent for a spectator, whom the server does not let write.
   */
  send?: (text: string) => Promise<string | null>;
}

/**
 * The match's table talk: a button in the presence strip (with how many messages are new) that
 * opens a panel with the messages, who said each and in which round, and, for a seated player,
 * a line to write to everyone at the table (Enter sends). A refused message stays in the line
 * with the reason; every message is shown as text, never as markup.
 */
export function TableTalk({ matchID, messages, rows, me, send }: Props) {
  const lines = useMemo(() => talkLines(messages), [messages]);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [read, setRead] = useState(() => storedRead(matchID));
  const toggle = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const ids = useId();
  const [panelID, titleID, inputID, hintID, problemID] = [
    'panel',
    'title',
    'in',
    'hint',
    'err',
  ].map((s) => `${ids}${s}`);

  // Open, every message is read; the count is kept, so a reload does not call them new again.
  if (open && read < lines.length) setRead(lines.length);
  const unread = open ? 0 : Math.max(0, lines.length - read);
  useEffect(() => storeRead(matchID, read), [matchID, read]);
  // The newest message in view as it arrives.
  useLayoutEffect(() => {
    if (open && log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [open, lines.length]);
  useEffect(() => {
    if (open) (input.current ?? log.current)?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const badges = seatBadges(rows.map((r) => ({ role: r.role as Role, name: r.label })));
  const count = charCount(draft.trim());
  const latest = lines.at(-1);
  // Closed, a screen reader still hears of a new message from someone else: once things are
  // quiet, so that the chat so far, arriving message by message after a reload, is one notice.
  const news =
    unread > 0 && latest && latest.sender !== me
      ? `${unread} new in table talk, the latest from ${senderName(rows, latest.sender, me)}: ${latest.text}`
      : '';
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setAnnounced(news), ANNOUNCE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [news]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!send || busy) return;
    const text = draft;
    if (!text.trim()) {
      setProblem('Write your message first.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    void send(text).then((error) => {
      setBusy(false);
      setProblem(error ? `${refusalText(error, text)} Your message is still in the box.` : null);
      // Said: the line empties, unless it was changed meanwhile. Refused: it stays as written.
      if (!error) setDraft((now) => (now === text ? '' : now));
    });
  };

  return (
    <div className="chat-dock">
      <button
        ref={toggle}
        type="button"
        className={`btn small chat-toggle ${unread > 0 ? 'has-new' : ''}`}
        aria-expanded={open}
        aria-controls={open ? panelID : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Table talk
        {unread > 0 && <span className="chat-new">{unread} new</span>}
      </button>
      <p className="sr-only" aria-live="polite">
        {announced}
      </p>
      {open && (
        <section
          id={panelID}
          className="panel chat-panel"
          aria-labelledby={titleID}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <div className="chat-panel-head">
            <h2 id={titleID}>Table talk</h2>
            <button type="button" className="btn ghost small" onClick={close}>
              Close
            </button>
          </div>
          <div
            ref={log}
            className="chat-log"
            role="log"
            aria-label="Messages at this table"
            tabIndex={0}
            data-testid="chat-log"
          >
            {lines.length === 0 ? (
              <p className="muted">
                No messages yet. The players at this table and its spectators read what is written
                here.
              </p>
            ) : (
              <ol className="chat-lines">
                {lines.map((m) => {
                  const i = rows.findIndex((r) => r.id === m.sender);
                  const badge = badges[i];
                  return (
                    <li key={m.id} className={`chat-line ${m.sender === me ? 'mine' : ''}`}>
                      <span className="chat-meta">
                        <span
                          className={`mark small ${badge?.className ?? 'role-facilitator'}`}
                          aria-hidden="true"
                        >
                          {badge?.mark ?? '?'}
                        </span>
                        <span className="chat-who">{senderName(rows, m.sender, me)}</span>
                        {m.round !== null && <span className="chat-round">round {m.round}</span>}
                      </span>
                      <span className="chat-text">{m.text}</span>
                    </li>
                  );
                })}
              </ol>
            )}
          </div>
          {send ? (
            <form className="chat-write" noValidate onSubmit={submit}>
              <label htmlFor={inputID}>Message to everyone at the table</label>
              <div className="chat-write-row">
                <input
                  ref={input}
                  id={inputID}
                  type="text"
                  value={draft}
                  autoComplete="off"
                  enterKeyHint="send"
                  aria-describedby={problem ? `${problemID} ${hintID}` : hintID}
                  aria-invalid={problem ? true : undefined}
                  onChange={(e) => setDraft(e.target.value)}
                />
                <button type="submit" className="btn primary small" aria-disabled={busy}>
                  {busy ? 'Sending…' : 'Send'}
                </button>
              </div>
              <p id={hintID} className={`chat-hint ${count > TALK_MAX_CHARS ? 'over' : ''}`}>
                Enter sends.{' '}
                <span>
                  {count} / {TALK_MAX_CHARS} characters
                  {count > TALK_MAX_CHARS ? ': too long' : ''}
                </span>
              </p>
              {problem && (
                <p id={problemID} className="chat-problem" role="alert">
                  <strong>Not sent.</strong> {problem}
                </p>
              )}
            </form>
          ) : (
            <p className="muted chat-readonly">
              You are watching: only the players seated at this table can write here.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
