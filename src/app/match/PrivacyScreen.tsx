import { useEffect, useRef } from 'react';
import type { GameState, SeatId } from '../../../game/engine';
import { whenOf, seatName } from '../selectors/format';
import { badgeOf } from '../selectors/marks';
import { planningInfo } from '../selectors/planning';
import { SeatStatusList } from '../board/Tracker';
import { Logo } from '../board/Logo';

/** Who has sealed their orders so far, as every seat may see it. */
function Statuses({ G }: { G: GameState }) {
  const info = planningInfo(G, null);
  return (
    <section className="privacy-status" aria-labelledby="status-title">
      <h2 id="status-title">Round {G.round}: who has sealed their orders</h2>
      <SeatStatusList seats={info.seats} />
    </section>
  );
}

/**
 * Between two people's planning: nothing secret on screen until the next seat presses reveal.
 * `G` is the public view.
 */
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
  return (
    <main className="privacy" aria-labelledby="privacy-title">
      <Logo />
      <p className="privacy-round">
        Round {G.round} of {G.rounds} · {whenOf(G, G.round)} · planning
      </p>
      <span className={`mark huge ${badgeOf(G.seats, seat).className}`} aria-hidden="true">
        {badgeOf(G.seats, seat).mark}
      </span>
      <h1 id="privacy-title">Pass to the {seatName(G, seat)}</h1>
      <p>
        Everyone else, look away: the next screen shows this role&apos;s secrets and lets it plan
        its orders.
      </p>
      <button ref={button} type="button" className="btn primary big" onClick={onReveal}>
        I am the {seatName(G, seat)} — press to reveal
      </button>
      <Statuses G={G} />
    </main>
  );
}

/** Every person has submitted; the bots are sealing theirs. Only public facts. */
export function WaitingScreen({ G }: { G: GameState }) {
  return (
    <main className="privacy waiting" aria-labelledby="waiting-title">
      <Logo />
      <h1 id="waiting-title">
        The bots are sealing their orders
        <span className="dots" aria-hidden="true">
          …
        </span>
      </h1>
      <p className="privacy-round">
        Round {G.round} of {G.rounds} · {whenOf(G, G.round)}
      </p>
      <Statuses G={G} />
    </main>
  );
}
