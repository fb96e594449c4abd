import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { ActionPayload, CardUse, GameState, MoveArgs, SeatId } from '../../../game/engine';
import { dashboard } from '../selectors/dashboard';
import { seatMoves, labeler } from '../selectors/moves';
import { lastResolvedRound, logLines, newsCards, signalLines } from '../selectors/news';
import { planProblem, planningInfo } from '../selectors/planning';
import { hasSecrets, roundRecap } from '../selectors/recap';
import { roleOfSeat, seatName } from '../selectors/format';
import { MapView } from './MapView';
import { MovesPanel } from './MovesPanel';
import { LogPanel, NewsCards } from './NewsPanel';
import { PlanningPanel } from './PlanningPanel';
import { RolePanel } from './RolePanel';
import { RoundRecap } from './RoundRecap';
import { TopBar } from './TopBar';
import { Tracker } from './Tracker';
import { previewOrder } from '../../../game/preview';
import { FacilitatorDesk } from './FacilitatorDesk';
import { isFacilitator } from '../selectors/facilitator';

const ChartsPanel = lazy(() => import('../charts/ChartsPanel'));
const RoleCards = lazy(() => import('../learn/RoleCards'));
const Guide = lazy(() => import('../guide/Guide').then((m) => ({ default: m.Guide })));

type Result = { ok: true } | { ok: false; error: string } | void;

/** When the recap of a newly resolved round opens by itself. */
export type AutoRecap = 'always' | 'secret' | 'never';

/** What boardgame.io's BoardProps give a board, plus the table's extras. */
export interface BoardProps {
  G: GameState;
  playerID: SeatId;
  /** One planning action: add or withdraw an order, choose a card, submit. */
  act(payload: ActionPayload): Result;
  guide?: boolean;
  onRules(): void;
  onQuit(): void;
  /** Leave, keeping a game on this screen to resume later (offered in the Quit dialog). */
  onKeep?: () => void;
  /** What leaving costs, asked before Quit: a local game is lost, a networked seat is kept. */
  quitWarning?: string;
  /** 'always': the recap opens after each resolution; 'secret': only when it holds this seat's own lines. */
  autoRecap?: AutoRecap;
}

/** One seat's board: thin; everything shown comes from the selectors. */
export function Board({
  G,
  playerID: seat,
  act,
  guide = false,
  onRules,
  onQuit,
  onKeep,
  quitWarning = 'Leave this game? It will be lost.',
  autoRecap = 'always',
}: BoardProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const [charts, setCharts] = useState(false);
  const [cards, setCards] = useState(false);
  const resolved = lastResolvedRound(G);
  const recap = useMemo(
    () => (resolved >= 1 ? roundRecap(G, seat, resolved) : null),
    [G, seat, resolved],
  );
  const [recapOpen, setRecapOpen] = useState<number | null>(() =>
    recap && (autoRecap === 'always' || (autoRecap === 'secret' && hasSecrets(recap)))
      ? resolved
      : null,
  );
  const [recapSeen, setRecapSeen] = useState(resolved);
  if (recapSeen !== resolved) {
    // A round resolved while this board was up: its recap comes first.
    setRecapSeen(resolved);
    if (recap && autoRecap !== 'never' && (autoRecap === 'always' || hasSecrets(recap)))
      setRecapOpen(resolved);
  }
  const info = useMemo(() => planningInfo(G, seat), [G, seat]);
  const d = useMemo(() => dashboard(G, seat), [G, seat]);
  const options = useMemo(() => seatMoves(G, seat), [G, seat]);
  const label = useMemo(() => labeler(G), [G]);
  useEffect(() => {
    // The benchmark reads this mark: the first board on screen, ready for input.
    if (performance.getEntriesByName('board-interactive').length === 0)
      performance.mark('board-interactive');
  }, []);
  /** Sends one planning action; returns why it was refused, or null. */
  const send = (payload: ActionPayload): string | null => {
    const problem = planProblem(G, seat, payload);
    const error =
      problem ??
      (() => {
        const r = act(payload);
        return r && !r.ok ? r.error : null;
      })();
    setNotice(error ? `Not done: ${error}` : null);
    return error;
  };
  const allSpent = info.used >= info.budget;
  return (
    <div className="board">
      <a className="skip" href="#plan-title">
        Skip to your orders
      </a>
      <TopBar
        onRules={onRules}
        onCharts={() => setCharts(!charts)}
        chartsOpen={charts}
        onQuit={onQuit}
        onKeep={onKeep}
        quitWarning={quitWarning}
        onRecap={recap ? () => setRecapOpen(resolved) : undefined}
        recapLabel={recap ? `Round ${resolved} recap` : undefined}
      >
        <Tracker info={info} />
      </TopBar>
      {guide && G.round === 1 && info.planner && (
        <Suspense fallback={null}>
          <Guide
            G={G}
            seat={seat}
            onOrder={(move, args) => void send({ action: 'order', move, args })}
            onCard={(card, use) => void send({ action: 'card', card, use })}
          />
        </Suspense>
      )}
      <main className="board-main">
        <div className="board-map">
          <NewsCards news={newsCards(G)} />
          <MapView G={G} seat={seat} options={options} />
          {charts && (
            <Suspense fallback={<p role="status">Loading charts…</p>}>
              <ChartsPanel G={G} />
            </Suspense>
          )}
        </div>
        <aside className="board-side" aria-label="Your orders and your role">
          <PlanningPanel
            info={info}
            notice={notice}
            onWithdraw={(index) => void send({ action: 'withdraw', index })}
            onCard={(card: string | null, use: CardUse) => void send({ action: 'card', card, use })}
            onSubmit={() => void send({ action: 'submit' })}
          >
            <MovesPanel
              options={options}
              waiting={allSpent ? `all ${info.budget} orders for this round are given` : null}
              label={label}
              preview={(move, args) => previewOrder(G, seat, move, args)}
              onMove={(move: string, args: MoveArgs) => send({ action: 'order', move, args })}
            />
          </PlanningPanel>
          {isFacilitator(G, seat) ? (
            <FacilitatorDesk G={G} />
          ) : (
            <RolePanel d={d} onCards={() => setCards(true)} />
          )}
        </aside>
        <div className="news-row">
          <LogPanel lines={logLines(G, seat)} signals={signalLines(G)} />
        </div>
      </main>
      {cards && (
        <Suspense fallback={<p role="status">Opening the role cards…</p>}>
          <RoleCards G={G} mine={roleOfSeat(G, seat)} onClose={() => setCards(false)} />
        </Suspense>
      )}
      {recap && recapOpen === resolved && (
        <RoundRecap
          recap={recap}
          audience={seatName(G, seat)}
          mode="dialog"
          onClose={() => setRecapOpen(null)}
        />
      )}
    </div>
  );
}
