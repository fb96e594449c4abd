import type { Authority } from '../authority/authority';

export interface BotRunnerOptions {
  /** Pause before a bot moves, so people can follow (0 in tests and benchmarks). */
  delayMs?: number;
  onError?: (matchID: string, seat: string, error: string) => void;
}

/**
 * Plays bot seats on the server. Whenever a match changes, each bot seat that
 * may act gets its own filtered view (exactly what its socket would receive),
 * asks the game's bot for a move, and submits it through Authority.submit, the
 * same validated path a socket uses. Runs with or without browsers attached.
 */
export class BotRunner {
  private readonly pending = new Set<string>();
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
    authority.onMetadata((matchID, metadata) => {
      if (metadata.seats.some((s) => s.kind === 'bot')) this.withBots.add(matchID);
      else this.withBots.delete(matchID);
      this.kick(matchID);
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
    if (this.stopped || this.pending.has(matchID)) return;
    this.pending.add(matchID);
    setTimeout(() => {
      this.pending.delete(matchID);
      this.step(matchID).catch((e: unknown) =>
        this.opts.onError?.(matchID, '?', `bot step failed: ${String(e)}`),
      );
    }, this.opts.delayMs ?? 0);
  }

  stop(): void {
    this.stopped = true;
  }

  private async step(matchID: string): Promise<void> {
    if (this.stopped) return;
    const { authority } = this;
    const match = await authority.load(matchID);
    if (!match || match.metadata.paused || match.state.ctx.gameover !== undefined) return;
    const { state } = match;
    for (const seat of match.metadata.seats) {
      if (seat.kind !== 'bot' || !authority.game.flow.isPlayerActive(state.G, state.ctx, seat.id))
        continue;
      const view = authority.views.update(matchID, seat.id, state).state;
      let choice;
      try {
        choice = authority.served.chooseBotMove(
          view,
          seat.id,
          seat.botLevel ?? 'heuristic',
          `${matchID}:${state._stateID}:${seat.id}`,
        );
      } catch (e) {
        this.opts.onError?.(matchID, seat.id, `bot threw: ${String(e)}`);
        continue;
      }
      if (!choice) continue;
      const action = { type: 'MAKE_MOVE', payload: { type: choice.move, args: choice.args } };
      const result = await authority.submit(matchID, seat.id, action, state._stateID, (m) =>
        m.seats.find((s) => s.id === seat.id)?.kind === 'bot' ? null : 'seat is no longer a bot',
      );
      if (!result.ok && result.error !== 'stale stateID')
        this.opts.onError?.(matchID, seat.id, result.error);
      return; // a successful move triggers the next step through onUpdate
    }
  }
}
