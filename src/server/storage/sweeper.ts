import type { Authority } from '../authority/authority';

export interface SweepOptions {
  /** An unfinished match with no move for this long is deleted (default 14 days). */
  idleMs: number;
  /** A finished match is deleted this long after its last move (default 90 days). */
  finishedMs: number;
  /**
   * An ended session (its roster, tables and talk) is deleted this long after its last change
   * (default 90 days); its tables' matches go as finished matches do.
   */
  endedSessionMs: number;
  /** How often the sweeper runs (default hourly; 0 = never on its own). */
  everyMs: number;
  /** Matches deleted per run at most (the rest go next run). */
  batch: number;
  /** The clock (tests move it). */
  now: () => number;
}

const DAY = 24 * 60 * 60 * 1000;

export const DEFAULT_SWEEP: SweepOptions = {
  idleMs: 14 * DAY,
  finishedMs: 90 * DAY,
  endedSessionMs: 90 * DAY,
  everyMs: 60 * 60 * 1000,
  batch: 1000,
  now: () => Date.now(),
};

/**
 * Deletes matches nobody plays any more, so storage stays bounded whatever clients create:
 * unfinished matches that saw no move for `idleMs`, finished ones after `finishedMs`. Each
 * deletion runs in the match's queue (no move interleaves) and drops it from memory; a socket
 * still watching gets "match not found" for its next move or sync. Ended sessions go
 * `endedSessionMs` after their last change, with their roster and talk; whoever listens
 * (`onSessionWiped`: the session manager) drops them from memory.
 */
export class Sweeper {
  readonly opts: SweepOptions;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<number> | null = null;
  private readonly sessionListeners: ((sessionID: string) => void)[] = [];

  constructor(
    private readonly authority: Authority,
    opts: Partial<SweepOptions> = {},
  ) {
    this.opts = { ...DEFAULT_SWEEP, ...opts };
  }

  /** Hears each session the sweeper deletes. */
  onSessionWiped(fn: (sessionID: string) => void): void {
    this.sessionListeners.push(fn);
  }

  start(): void {
    if (this.opts.everyMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.sweep().catch((e: unknown) => console.error('sweep failed:', e));
    }, this.opts.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One run; resolves with the number of matches and sessions deleted. */
  sweep(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<number> {
    const { store } = this.authority;
    const now = this.opts.now();
    const ids = [
      ...(await store.listIdle(now - this.opts.idleMs, {
        finished: false,
        limit: this.opts.batch,
      })),
      ...(await store.listIdle(now - this.opts.finishedMs, {
        finished: true,
        limit: this.opts.batch,
      })),
    ];
    for (const matchID of ids) {
      await this.authority.exclusive(matchID, async () => {
        await this.authority.coordinator?.beforeWrite(matchID);
        await store.wipe(matchID);
        this.authority.forget(matchID);
      });
    }
    const sessions = await store.listEndedSessions(now - this.opts.endedSessionMs, this.opts.batch);
    for (const sessionID of sessions) {
      await store.wipeSession(sessionID);
      for (const fn of this.sessionListeners) fn(sessionID);
    }
    return ids.length + sessions.length;
  }
}
