import { useEffect, useRef, type KeyboardEvent } from 'react';

interface Props {
  message: string;
  /** Leave, the game lost (local) or the seat kept (online). */
  onLeave(): void;
  /** Leave, the local game kept in this browser to resume later; absent online. */
  onKeep?: () => void;
  onStay(): void;
}

/** Keeps Tab inside the dialog. */
function trapTab(e: KeyboardEvent<HTMLDivElement>): void {
  if (e.key !== 'Tab') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const first = buttons[0];
  const last = buttons[buttons.length - 1];
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * Asked before leaving a table, in the page (not the browser's confirm box): keep the game for
 * later, end it, or stay. Focus starts on the safest choice; Escape stays.
 */
export function QuitDialog({ message, onLeave, onKeep, onStay }: Props) {
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    safe.current?.focus();
    return () => {
      if (before && document.contains(before)) before.focus();
    };
  }, []);
  return (
    <div className="overlay" onClick={(e) => e.target === e.currentTarget && onStay()}>
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="quit-title"
        aria-describedby="quit-text"
        className="quit-dialog panel"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onStay();
          trapTab(e);
        }}
      >
        <h2 id="quit-title">Leave the table?</h2>
        <p id="quit-text">{message}</p>
        <div className="quit-actions">
          {onKeep && (
            <button ref={safe} type="button" className="btn primary" onClick={onKeep}>
              Keep the game for later
            </button>
          )}
          <button type="button" className="btn danger" onClick={onLeave}>
            {onKeep ? 'End the game' : 'Leave'}
          </button>
          <button
            ref={onKeep ? undefined : safe}
            type="button"
            className="btn ghost"
            onClick={onStay}
          >
            Stay
          </button>
        </div>
      </div>
    </div>
  );
}
