import { useId, useState } from 'react';
import type { TalkMessage } from '../../protocol';

export interface Recipient {
  /** What `say` sends as `to` (undefined: the whole table). */
  value: unknown;
  label: string;
}

/** Who a message came from and went to, in words. */
function heading(m: TalkMessage, seatName: (table: number, seat: string) => string): string {
  const from =
    m.from.kind === 'facilitator'
      ? 'Facilitator'
      : `${m.from.name} (${seatName(m.from.table, m.from.seat)})`;
  const to =
    m.to.kind === 'broadcast'
      ? 'everyone'
      : m.to.kind === 'table'
        ? `table ${m.to.table + 1}`
        : `${seatName(m.to.table, m.to.seat)} only`;
  return `${from} → ${to}`;
}

/**
 * Talk: the messages this browser may read, oldest first, and a line to write one. Every
 * message is rendered as text (never as HTML).
 */
export function TalkPanel({
  talk,
  recipients,
  seatName,
  onSay,
  disabled,
}: {
  talk: TalkMessage[];
  recipients: Recipient[];
  seatName: (table: number, seat: string) => string;
  onSay: (text: string, to: unknown) => Promise<string | null>;
  disabled?: string;
}) {
  const [text, setText] = useState('');
  const [to, setTo] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const toID = useId();
  return (
    <section className="panel talk" aria-labelledby="talk-title">
      <h2 id="talk-title">Messages</h2>
      <ol className="talk-list" aria-live="polite" data-testid="talk-list">
        {talk.length === 0 && <li className="muted">No messages yet.</li>}
        {talk.map((m) => (
          <li key={m.id} className={`talk-item ${m.to.kind}`}>
            <span className="talk-head">{heading(m, seatName)}</span>
            <span className="talk-text">{m.text}</span>
          </li>
        ))}
      </ol>
      {disabled ? (
        <p className="muted">{disabled}</p>
      ) : (
        <form
          className="talk-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            void onSay(text, recipients[to]?.value).then((err) => {
              setProblem(err);
              if (!err) setText('');
            });
          }}
        >
          <label htmlFor={toID}>Send to</label>
          <select id={toID} value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {recipients.map((r, i) => (
              <option key={r.label} value={i}>
                {r.label}
              </option>
            ))}
          </select>
          <label className="talk-input">
            <span className="sr-only">Message</span>
            <input
              type="text"
              value={text}
              maxLength={500}
              onChange={(e) => setText(e.target.value)}
              placeholder="Write a message"
            />
          </label>
          <button type="submit" className="btn small">
            Send
          </button>
          {problem && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
