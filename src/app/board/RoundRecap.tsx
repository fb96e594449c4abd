import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { CARDS_STEP, type Recap, type RecapLine } from '../selectors/recap';

interface Props {
  recap: Recap;
  /** Who reads it, e.g. "Regulator" or "Everyone (public view)". */
  audience: string;
  onClose(): void;
  /** A full screen of its own (hot-seat) or a dialog over the board. */
  mode: 'screen' | 'dialog';
  /** The Continue button's words. */
  closeLabel?: string;
}

/** Tab and Shift+Tab cycle within the dialog: the board behind it is not reachable. */
/** One line of the recap: a secret one is marked "only you", a failed order marked failed. */
function RecapItem({ line }: { line: RecapLine }) {
  return (
    <li className={`${line.secret ? 'secret' : ''} ${line.failed ? 'failed' : ''}`.trim()}>
      {line.secret && <span className="tag">only you</span>} {line.text}
    </li>
  );
}

function keepFocusInside(e: ReactKeyboardEvent<HTMLDivElement>): void {
  if (e.key !== 'Tab') return;
  const inside = [
    ...e.currentTarget.querySelectorAll<HTMLElement>('button, [href], summary, [tabindex="0"]'),
  ];
  if (inside.length === 0) return;
  const first = inside[0];
  const last = inside[inside.length - 1];
  const at = document.activeElement;
  if (e.shiftKey && (at === first || !inside.includes(at as HTMLElement))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && at === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * What happened in a round, step by step in the published order of resolution, as the reader
 * may know it: large type for a projector; focus lands on the heading; Escape or Continue closes.
 */
export function RoundRecap({ recap, audience, onClose, mode, closeLabel = 'Continue' }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (mode === 'dialog' && before && document.contains(before)) before.focus();
    };
  }, [mode, recap.round]);
  const empty = recap.steps.length === 0 && recap.cards.length === 0;
  // The cards are listed with who played them and for what; the log's own lines about the same
  // plays are left out, anything else the step wrote stays.
  const cardStep = recap.cards.length ? recap.steps.find((s) => s.step === CARDS_STEP) : undefined;
  const cardLines = (cardStep?.lines ?? []).filter(
    (l) => !/ plays ".*" \(.*\) for /.test(l.text) && !l.text.startsWith('News: '),
  );
  // What happened to the reader comes first; the rest, step by step, leaves those lines out.
  const mineKeys = new Set(recap.mine.map((l) => l.key));
  const steps = (cardStep ? recap.steps.filter((s) => s !== cardStep) : recap.steps)
    .map((s) => ({ ...s, lines: s.lines.filter((l) => !mineKeys.has(l.key)) }))
    .filter((s) => s.lines.length > 0);
  const opening = recap.opening.filter((l) => !mineKeys.has(l.key));
  const personal = audience !== null && !/public/i.test(audience);
  const body = (
    <div className="recap" data-testid="recap">
      <header className="recap-head">
        <h1 id="recap-title" ref={heading} tabIndex={-1}>
          What happened in round {recap.round}
        </h1>
        <p className="recap-sub">
          {recap.quarter} · as seen by: {audience}
        </p>
      </header>
      {personal && (
        <section className="recap-mine" aria-labelledby="recap-mine-title" data-testid="recap-mine">
          <h2 id="recap-mine-title">What happened to you</h2>
          {recap.mine.length === 0 ? (
            <p>Nothing touched you directly this round.</p>
          ) : (
            <ul>
              {recap.mine.map((l) => (
                <RecapItem key={l.key} line={l} />
              ))}
            </ul>
          )}
        </section>
      )}
      {(steps.length > 0 || recap.cards.length > 0) && personal && (
        <h2 className="recap-rest">Everything else, in the order it happened</h2>
      )}
      {recap.cards.length > 0 && (
        <section className="recap-step" aria-labelledby="recap-cards">
          <h2 id="recap-cards">
            <span className="step-num" aria-hidden="true">
              {CARDS_STEP}
            </span>{' '}
            Cards played
          </h2>
          <ul>
            {recap.cards.map((c) => (
              <li key={c.key}>
                <strong>{c.by}</strong> played “{c.title}” ({c.date}) {c.use}.{' '}
                {c.fired ? (
                  <span className="recap-effect">Event: {c.effect}</span>
                ) : (
                  <span className="recap-effect muted">Its event did not happen.</span>
                )}
              </li>
            ))}
            {cardLines.map((l) => (
              <li key={l.key}>{l.text}</li>
            ))}
          </ul>
        </section>
      )}
      {steps.map((s) => (
        <section key={s.step} className="recap-step" aria-labelledby={`recap-step-${s.step}`}>
          <h2 id={`recap-step-${s.step}`}>
            <span className="step-num" aria-hidden="true">
              {s.step}
            </span>{' '}
            {s.name}
          </h2>
          <ul>
            {s.lines.map((l) => (
              <RecapItem key={l.key} line={l} />
            ))}
          </ul>
        </section>
      ))}
      {opening.length > 0 && (
        <section className="recap-step" aria-labelledby="recap-opening">
          <h2 id="recap-opening">As round {recap.round + 1} opens</h2>
          <ul>
            {opening.map((l) => (
              <li key={l.key} className={l.secret ? 'secret' : undefined}>
                {l.secret && <span className="tag">only you</span>} {l.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {empty && <p>Nothing you may see happened this round.</p>}
      <div className="recap-actions">
        <button type="button" className="btn primary big" onClick={onClose}>
          {closeLabel}
        </button>
        <span className="hint">or press Escape</span>
      </div>
    </div>
  );
  if (mode === 'screen')
    return (
      <main className="recap-screen" aria-labelledby="recap-title">
        {body}
      </main>
    );
  return (
    <div className="overlay recap-overlay">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="recap-title"
        className="recap-dialog"
        onKeyDown={keepFocusInside}
      >
        {body}
      </div>
    </div>
  );
}
