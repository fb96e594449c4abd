import type { State } from 'boardgame.io';
import type { Authority } from '../authority/authority';
import type { BotMove } from '../served/served-game';
import type { MatchMetadata } from '../storage/types';

export interface BotRunnerOptions {
  /** Pause before a bot acts, so people can follow (0 in tests and benchmarks). */
  delayMs?: number;
  onError?: (matchID: string, seat: string, error: string) => void;
  /**
   * Several processes (cluster/): may this process play the match's bots now? At most one
   * process at a time gets true for a match; asked before each step and each move.
   */
  claim?: (matchID: string) => Promise<boolean>;
}

/** How often one bot move is retried when other seats' moves keep making its stateID stale. */
const STALE_RETRIES = 50;

type Seat = MatchMetadata['seats'][number];

/**
 * Plays bot seats on the server. Whenever a match changes, each bot seat that may act gets its
 * own filtered view (exactly what its socket would receive) and asks the game's bot what to do:
 * a whole plan (`planBotMoves`: in Chokepoint, a round's card, orders and submission, for every
 * bot seat that has not submitted) or one move (`chooseBotMove`). Each move goes through
 * Authority.submit, the same validated path a socket uses. One bot step runs at a time per
 * match; a change during a step runs another step after it. Runs with or without browsers.
 */
export class BotRunner {
  /** Matches with a step scheduled or running. */
  private readonly busy = new Set<string>();
  /** Matches that changed while their step ran: step again when it ends. */
  private readonly again = new Set<string>();
  /** Matches with at least one bot seat (moves in other matches need no bot step). */
  private readonly withBots = new Set<string>();
  private stopped = false;

  constructor(
    private readonly authority: Authority,
    private readonly opts: BotRunnerOptions = {},
  ) {
    authority.onUpdate((matchID) => {
      if (this.withBots.has(matchID)) this.kick(matchID);
    });
    // A match without bot seats has no step to take: no kick, so no bot claim either (with
    // several processes a claim makes its process read the match, and be sent every write).
    authority.onMetadata((matchID, metadata) => {
      if (metadata.seats.some((s) => s.kind === 'bot')) {
        this.withBots.add(matchID);
        this.kick(matchID);
      } else this.withBots.delete(matchID);
    });
  }

  /** Resumes every unfinished match (after a restart). */
  async resumeAll(): Promise<number> {
    const list = await this.authority.store.listMatches({
      gameName: this.authority.game.name,
      finished: false,
    });
    for (const m of list) {
      if (!m.metadata.seats.some((s) => s.kind === 'bot')) continue;
      this.withBots.add(m.matchID);
      this.kick(m.matchID);
    }
    return list.length;
  }

  kick(matchID: string): void {
    if (this.stopped) return;
    if (this.busy.has(matchID)) {
      this.again.add(matchID);
      return;
    }
    this.busy.add(matchID);
    setTimeout(() => {
      this.step(matchID)
        .catch((e: unknown) => this.opts.onError?.(matchID, '?', `bot step failed: ${String(e)}`))
        .finally(() => {
          this.busy.delete(matchID);
          if (this.again.delete(matchID)) this.kick(matchID);
        });
    }, this.opts.delayMs ?? 0);
  }

  stop(): void {
    this.stopped = true;
  }

  /** One bot seat acts (the first, in seat order, that has something to do); its moves bring the next step. */
  private async step(matchID: string): Promise<void> {
    if (this.stopped) return;
    if (this.opts.claim && !(await this.opts.claim(matchID))) return;
    const { authority } = this;
    const match = await authority.load(matchID);
    if (!match || match.metadata.paused || match.state.ctx.gameover !== undefined) return;
    const { state } = match;
    for (const seat of match.metadata.seats) {
      if (seat.kind !== 'bot' || !authority.game.flow.isPlayerActive(state.G, state.ctx, seat.id))
        continue;
      const moves = this.decide(matchID, seat, state);
      if (moves.length === 0) continue;
      for (const move of moves) if (!(await this.send(matchID, seat, move))) break;
      return;
    }
  }

  /** What the game's bot does now for this seat, from exactly the view its socket would get. */
  private decide(matchID: string, seat: Seat, state: State): BotMove[] {
    const { served, views } = this.authority;
    const view = views.update(matchID, seat.id, state).state;
    const level = seat.botLevel ?? 'heuristic';
    const rngSeed = `${matchID}:${state._stateID}:${seat.id}`;
    try {
      if (served.planBotMoves) return served.planBotMoves(view, seat.id, level, rngSeed);
      const choice = served.chooseBotMove?.(view, seat.id, level, rngSeed);
      return choice ? [choice] : [];
    } catch (e) {
      this.opts.onError?.(matchID, seat.id, `bot threw: ${String(e)}`);
      return [];
    }
  }

  /**
   * Submits one bot move on the match's current state. Other seats may move between reading the
   * stateID and the move's turn in the queue: then it is retried on the newer state. Returns
   * whether the bot should go on with its plan: a refused move is reported and skipped (the rest
   * of a plan, its submission above all, still goes in), but a seat that is no longer a bot, a
   * paused or finished match, or a stopped runner ends it.
   */
  private async send(matchID: string, seat: Seat, move: BotMove): Promise<boolean> {
    const action = { type: 'MAKE_MOVE', payload: { type: move.move, args: move.args } };
    for (let tries = 0; tries <= STALE_RETRIES; tries++) {
      if (this.stopped) return false;
      if (this.opts.claim && !(await this.opts.claim(matchID))) return false;
      const match = await this.authority.load(matchID);
      if (!match || match.metadata.paused || match.state.ctx.gameover !== undefined) return false;
      const result = await this.authority.submit(
        matchID,
        seat.id,
        action,
        match.state._stateID,
        (m) =>
          m.seats.find((s) => s.id === seat.id)?.kind === 'bot' ? null : 'seat is no longer a bot',
      );
      if (result.ok) return true;
      if (result.error === 'stale stateID') continue;
      if (result.error === 'seat is no longer a bot' || result.error === 'match paused')
        return false;
      if (result.error === 'game over') return false;
      this.opts.onError?.(matchID, seat.id, `${move.move}: ${result.error}`);
      return true;
    }
    return false;
  }
}
