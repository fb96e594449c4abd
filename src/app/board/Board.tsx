import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import {
  moveProblem,
  turnProblem,
  type GameState,
  type MoveArgs,
  type SeatId,
} from '../../../game/engine';
import { dashboard } from '../selectors/dashboard';
import { seatMoves, labeler } from '../selectors/moves';
import { logLines, newsView, signalLines } from '../selectors/news';
import { turnInfo } from '../selectors/turn';
import { MapView } from './MapView';
import { MovesPanel } from './MovesPanel';
import { LogPanel, NewsCard } from './NewsPanel';
import { RolePanel } from './RolePanel';
import { TopBar } from './TopBar';
import { Tracker } from './Tracker';
import { TurnBar } from './TurnBar';
import { Guide } from '../guide/Guide';

const ChartsPanel = lazy(() => import('../charts/ChartsPanel'));

type Result = { ok: true } | { ok: false; error: string } | void;

/** What boardgame.io's BoardProps give a board, plus the table's extras. */
export interface BoardProps {
  G: GameState;
  playerID: SeatId;
  sendMove(name: string, args: MoveArgs): Result;
  pass(): Result;
  botTurn?: string | null;
  guide?: boolean;
  onRules(): void;
  onQuit(): void;
  /** What leaving costs, asked before Quit: a local game is lost, a networked seat is kept. */
  quitWarning?: string;
}

/** One seat's board: thin; everything shown comes from the selectors. */
export function Board({
  G,
  playerID: seat,
  sendMove,
  pass,
  botTurn = null,
  guide = false,
  onRules,
  onQuit,
  quitWarning = 'Leave this game? It will be lost.',
}: BoardProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const [charts, setCharts] = useState(false);
  const info = turnInfo(G, seat);
  const d = useMemo(() => dashboard(G, seat), [G, seat]);
  const options = useMemo(() => seatMoves(G, seat), [G, seat]);
  const label = useMemo(() => labeler(G), [G]);
  useEffect(() => {
    // The benchmark reads this mark: the first board on screen, ready for input.
    if (performance.getEntriesByName('board-interactive').length === 0)
      performance.mark('board-interactive');
  }, []);
  const report = (r: Result) => setNotice(r && !r.ok ? `Not done: ${r.error}` : null);
  const onMove = (name: string, args: MoveArgs) => {
    const problem = turnProblem(G, seat) ?? moveProblem(G, seat, name, args);
    if (problem) setNotice(`Not done: ${problem}`);
    else report(sendMove(name, args));
  };
  return (
    <div className="board">
      <a className="skip" href="#moves-title">
        Skip to your moves
      </a>
      <TopBar
        onRules={onRules}
        onCharts={() => setCharts(!charts)}
        chartsOpen={charts}
        onQuit={onQuit}
        quitWarning={quitWarning}
      >
        <Tracker info={info} />
      </TopBar>
      {guide && G.round === 1 && info.mine && <Guide />}
      <main className="board-main">
        <div className="board-map">
          <NewsCard news={newsView(G)} />
          <MapView G={G} seat={seat} />
          {charts && (
            <Suspense fallback={<p role="status">Loading charts…</p>}>
              <ChartsPanel G={G} />
            </Suspense>
          )}
        </div>
        <aside className="board-side" aria-label="Your role and moves">
          <TurnBar
            seatName={d.seatName}
            mine={info.mine}
            actionsLeft={info.actionsLeft}
            botTurn={botTurn}
            activeName={info.activeName}
            notice={notice}
            onPass={() => report(pass())}
          />
          <RolePanel d={d} />
          <section className="panel" aria-labelledby="moves-title">
            <h2 id="moves-title" tabIndex={-1}>
              Your moves
            </h2>
            <MovesPanel
              options={options}
              waiting={turnProblem(G, seat)}
              label={label}
              onMove={onMove}
            />
          </section>
        </aside>
        <div className="news-row">
          <LogPanel lines={logLines(G, seat)} signals={signalLines(G)} />
        </div>
      </main>
    </div>
  );
}
