import { useEffect, useRef, useState } from 'react';
import type { MoveArgs, MoveOption } from '../../../game/engine';
import type { OrderPreview } from '../../../game/preview';
import { costRange, groupMoves, type Field } from '../selectors/moves';
import { MoveForm } from './MoveForm';

interface Props {
  options: MoveOption[];
  /** Why the seat can add no order now (all given), shown once instead of on every move. */
  waiting: string | null;
  label(field: Field, value: string | number): string;
  /** The engine's numbers for an order before it is given. */
  preview?(move: MoveOption['move'], args: MoveArgs): OrderPreview;
  /** Adds the order; returns why it was refused, or null when it was taken. */
  onMove(move: MoveOption['move'], args: MoveArgs): string | null | void;
}

/** What the player just did with a move, shown beside it. */
interface Feedback {
  move: string;
  ok: boolean;
  text: string;
}

/** Every move of the role by family: open one to choose; moves not possible now say why. */
export function MovesPanel({ options, waiting, label, preview, onMove }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const heads = useRef(new Map<string, HTMLElement>());
  /** The move whose head takes the focus once the form has closed. */
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (!refocus.current) return;
    heads.current.get(refocus.current)?.focus();
    refocus.current = null;
  });
  const close = (move: string) => {
    refocus.current = move;
    setOpen(null);
  };
  const head = (move: string) => (el: HTMLElement | null) => {
    if (el) heads.current.set(move, el);
    else heads.current.delete(move);
  };
  return (
    <div className="moves">
      {waiting && (
        <p className="moves-waiting">
          <span aria-hidden="true">⊘ </span>No more orders: {waiting}. Withdraw one to change your
          plan.
        </p>
      )}
      {groupMoves(options).map((g) => (
        <section key={g.family} className="move-group" aria-label={`${g.family} moves`}>
          <h3>{g.family}</h3>
          <ul>
            {g.options.map((o) => (
              <li
                key={o.move}
                className={`move ${o.allowed ? 'allowed' : 'blocked'} ${open === o.move ? 'open' : ''}`}
                data-move={o.move}
              >
                {o.allowed ? (
                  <button
                    ref={head(o.move)}
                    type="button"
                    className="move-head"
                    aria-expanded={open === o.move}
                    onClick={() => {
                      setFeedback(null);
                      setOpen(open === o.move ? null : o.move);
                    }}
                  >
                    <span className="move-label">{o.label}</span>
                    <span className="move-cost">{costRange(o)}</span>
                  </button>
                ) : (
                  <div ref={head(o.move)} className="move-head" aria-disabled="true" tabIndex={-1}>
                    <span className="move-label">{o.label}</span>
                    <span className="move-cost">{waiting ? '' : 'not now'}</span>
                  </div>
                )}
                <p className="move-summary">{o.summary}</p>
                {!o.allowed &&
                  !waiting &&
                  o.reason &&
                  !(feedback?.ok && feedback.move === o.move) && (
                    <p className="move-reason">
                      <span aria-hidden="true">⊘ </span>Not now: {o.reason}
                    </p>
                  )}
                <p
                  className={`move-feedback ${feedback?.ok ? 'ok' : 'bad'}`}
                  role="status"
                  data-testid={`feedback-${o.move}`}
                >
                  {feedback?.move === o.move && (
                    <>
                      <span aria-hidden="true">{feedback.ok ? '✓ ' : '⊘ '}</span>
                      {feedback.text}
                    </>
                  )}
                </p>
                {o.allowed && open === o.move && (
                  <MoveForm
                    option={o}
                    label={label}
                    preview={preview ? (args) => preview(o.move, args) : undefined}
                    onCancel={() => close(o.move)}
                    onSubmit={(args) => {
                      const error = onMove(o.move, args);
                      setFeedback(
                        error
                          ? { move: o.move, ok: false, text: `Not added: ${error}` }
                          : {
                              move: o.move,
                              ok: true,
                              text: `Added to your orders: ${o.label}.`,
                            },
                      );
                      close(o.move);
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
