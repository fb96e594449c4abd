import { useEffect, useRef } from 'react';
import type { GameState, SeatId } from '../../../game/engine';
import { ROLE_MARK, quarterOf, roleOfSeat, seatName } from '../selectors/format';
import { logLines } from '../selectors/news';
import { Logo } from '../board/Logo';

/** Between two people's turns: nothing secret on screen until the next seat presses reveal. */
export function PrivacyScreen({
  G,
  seat,
  onReveal,
}: {
  G: GameState;
  seat: SeatId;
  onReveal(): void;
}) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), [seat]);
  const role = roleOfSeat(G, seat) ?? 'facilitator';
  return (
    <main className="privacy" aria-labelledby="privacy-title">
      <Logo />
      <p className="privacy-round">
        Round {G.round} of {G.rounds} · {quarterOf(G.startYear, G.round)}
      </p>
      <span className={`mark huge role-${role}`} aria-hidden="true">
        {ROLE_MARK[role]}
      </span>
      <h1 id="privacy-title">Pass to the {seatName(G, seat)}</h1>
      <p>Everyone else, look away: the next screen shows this role&apos;s secrets.</p>
      <button ref={button} type="button" className="btn primary big" onClick={onReveal}>
        I am the {seatName(G, seat)} — press to reveal
      </button>
    </main>
  );
}

/** While bots play between people's turns: only public news. */
export function WaitingScreen({ G, botName }: { G: GameState; botName: string }) {
  const lines = logLines(G, null).slice(0, 6);
  return (
    <main className="privacy waiting" aria-labelledby="waiting-title">
      <Logo />
      <h1 id="waiting-title">
        The {botName} (bot) is playing
        <span className="dots" aria-hidden="true">
          …
        </span>
      </h1>
      <p className="privacy-round">
        Round {G.round} of {G.rounds} · {quarterOf(G.startYear, G.round)}
      </p>
      <section aria-label="Latest public news" className="waiting-log">
        <ul>
          {lines.map((l) => (
            <li key={l.key}>{l.text}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}
