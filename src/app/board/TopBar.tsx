import { useState, type ReactNode } from 'react';
import { QuitDialog } from './QuitDialog';
import { Logo } from './Logo';

/** The band across the top: the word mark, the round tracker and the menu buttons. */
export function TopBar({
  children,
  onRules,
  onCharts,
  chartsOpen,
  onQuit,
  onKeep,
  quitWarning,
  onRecap,
  recapLabel,
}: {
  children: ReactNode;
  onRules(): void;
  onCharts(): void;
  chartsOpen: boolean;
  onQuit(): void;
  /** Leave and keep the game to resume later (a game on this screen). */
  onKeep?: () => void;
  quitWarning: string;
  /** Opens the last round's recap (absent before the first resolution). */
  onRecap?: () => void;
  recapLabel?: string;
}) {
  const [asking, setAsking] = useState(false);
  return (
    <header className="top-bar">
      <Logo small />
      {children}
      <div className="top-actions">
        {onRecap && (
          <button type="button" className="btn ghost" onClick={onRecap}>
            {recapLabel ?? 'Recap'}
          </button>
        )}
        <button type="button" className="btn ghost" aria-pressed={chartsOpen} onClick={onCharts}>
          Charts
        </button>
        <button type="button" className="btn ghost" onClick={onRules}>
          Rules
        </button>
        <button
          type="button"
          className="btn ghost"
          aria-haspopup="dialog"
          onClick={() => setAsking(true)}
        >
          Quit
        </button>
      </div>
      {asking && (
        <QuitDialog
          message={quitWarning}
          onLeave={onQuit}
          onKeep={onKeep}
          onStay={() => setAsking(false)}
        />
      )}
    </header>
  );
}
