import { CreateGameReducer, ProcessGameConfig } from 'boardgame.io/internal';
import type { LogEntry, State } from 'boardgame.io';
import { freeze } from 'immer';
import type { ServedGame } from '../served/served-game';
import { StorageError, type MatchMetadata, type MatchStore } from '../storage/types';
import { DirectStep } from './direct-step';
import { KeyedQueue } from './queue';
import { transition, type Guard } from './transition';
import { Views } from './views';

export type Result<T = object> = ({ ok: true } & T) | { ok: false; error: string };
export interface Loaded {
  state: State;
  metadata: MatchMetadata;
  /** The match's initial state, once a sync has needed it (kept with the match in memory). */
  initialState?: State;
}
type UpdateListener = (matchID: string, state: State, deltalog: LogEntry[]) => void;
type MetaListener = (matchID: string, metadata: MatchMetadata) => void;

/** What one process tells the others after a durable write (cluster/). */
export interface Snapshot {
  state: State;
  metadata: MatchMetadata;
  deltalog: LogEntry[];
  /** The write changed the metadata (a lobby edit, a pause, the end of the game). */
  metaChanged: boolean;
}

/**
 * Several processes serving the same matches (src/server/cluster/): each queued change to a
 * match runs while this process alone holds the match, and every write is announced.
 */
export interface MatchCoordinator {
  /**
   * Runs `fn` holding the match across processes; `stale`: another process wrote it since.
   * `follows`: the process will show the match (a sync, a move, a reload), not only edit it.
   */
  hold<T>(matchID: string, fn: (stale: boolean) => Promise<T>, follows?: boolean): Promise<T>;
  /** Just before a write, inside `hold`: throws if the hold was lost (the write must not happen). */
  beforeWrite(matchID: string): Promise<void>;
  /** After a durable write, inside `hold`. */
  announce(matchID: string, snapshot: Snapshot): void;
}

/**
 * The single authority over match state. Every change (a person's move, a
 * bot's move, a lobby edit) runs through a per-match queue; a move is
 * validated, reduced, made durable, and only then announced to listeners.
 * Rejected actions change nothing and are never broadcast or stored.
 */
export class Authority {
  readonly game: ReturnType<typeof ProcessGameConfig>;
  readonly views: Views;
  readonly reducer: ReturnType<typeof CreateGameReducer>;
  readonly direct: DirectStep | null;
  readonly checkArgs: (move: string, args: unknown[]) => string | null;
  private readonly cache = new Map<string, Loaded>();
  private readonly queue = new KeyedQueue();
  private readonly updateListeners: UpdateListener[] = [];
  private readonly metaListeners: MetaListener[] = [];
  /** Set when this process is one of several (cluster/); null: this process alone. */
  coordinator: MatchCoordinator | null = null;

  constructor(
    readonly served: ServedGame,
    readonly store: MatchStore,
    private readonly cacheSize = 5000,
  ) {
    this.game = ProcessGameConfig(served.game);
    this.views = new Views(this.game);
    this.reducer = CreateGameReducer({ game: this.game });
    this.direct = DirectStep.for(this.game, served.applyMove);
    this.checkArgs = (move, args) => served.checkArgs(move, args);
  }

  onUpdate(fn: UpdateListener): void {
    this.updateListeners.push(fn);
  }

  onMetadata(fn: MetaListener): void {
    this.metaListeners.push(fn);
  }

  /**
   * Runs `fn` inside the match's queue: no move interleaves with it. `follows` false: a lobby
   * edit, after which this process need not be kept up to date with the match (cluster/).
   */
  exclusive<T>(matchID: string, fn: () => Promise<T> | T, follows = true): Promise<T> {
    return this.queue.run(matchID, async () => {
      const c = this.coordinator;
      if (!c) return fn();
      return c.hold(
        matchID,
        async (stale) => {
          if (stale) await this.reloadStale(matchID);
          return fn();
        },
        follows,
      );
    });
  }

  /**
   * Another process wrote this match since this copy was made (cluster/): reload it, and tell
   * the listeners what moved, as its message (which may now arrive late, and be ignored) would.
   */
  private async reloadStale(matchID: string): Promise<void> {
    const before = this.cache.get(matchID);
    this.cache.delete(matchID);
    if (!before) return;
    const now = await this.load(matchID);
    if (!now) return;
    if (before.initialState && !now.initialState) now.initialState = before.initialState;
    if (now.state._stateID > before.state._stateID)
      for (const fn of this.updateListeners) fn(matchID, now.state, []);
    if (JSON.stringify(now.metadata) !== JSON.stringify(before.metadata))
      for (const fn of this.metaListeners) fn(matchID, now.metadata);
  }

  /**
   * Another process wrote this match (cluster/): take its snapshot if it is newer than the
   * cached one, and tell the listeners (the feed sends it to this process's sockets).
   */
  adopt(matchID: string, snap: Snapshot, accept: () => boolean = () => true): Promise<void> {
    return this.queue.run(matchID, async () => {
      if (!accept()) return;
      const hit = this.cache.get(matchID);
      const moved = !hit || snap.state._stateID > hit.state._stateID;
      if (hit && snap.state._stateID < hit.state._stateID) return;
      if (hit) {
        freeze(snap.state, true);
        hit.state = snap.state;
        hit.metadata = snap.metadata;
      }
      if (moved) for (const fn of this.updateListeners) fn(matchID, snap.state, snap.deltalog);
      if (snap.metaChanged) for (const fn of this.metaListeners) fn(matchID, snap.metadata);
    });
  }

  /**
   * Brings a cached match up to date with the other processes' writes (cluster/: a message was
   * lost), holding it as a move would: the hold reloads it if it is stale, and tells the
   * listeners what moved. Resolves whether it is cached.
   */
  refresh(matchID: string): Promise<boolean> {
    return this.exclusive(matchID, () => this.cache.has(matchID));
  }

  /** Is the match held in memory? */
  isCached(matchID: string): boolean {
    return this.cache.has(matchID);
  }

  /** The matches held in memory (cluster/ checks them against the other processes' writes). */
  cachedIDs(): string[] {
    return [...this.cache.keys()];
  }

  async create(matchID: string, initialState: State, metadata: MatchMetadata): Promise<void> {
    await this.store.createMatch(matchID, { initialState, metadata });
    this.remember(matchID, { state: initialState, metadata, initialState });
    for (const fn of this.metaListeners) fn(matchID, metadata);
  }

  /** The cached authoritative state and metadata (loaded once from storage). */
  async load(matchID: string): Promise<Loaded | undefined> {
    const hit = this.cache.get(matchID);
    if (hit) {
      this.cache.delete(matchID); // keep the Map in least-recently-used order
      this.cache.set(matchID, hit);
      return hit;
    }
    const { state, metadata } = await this.store.fetch(matchID, { state: true, metadata: true });
    if (!state || !metadata) return undefined;
    const loaded = this.cache.get(matchID) ?? { state, metadata };
    this.remember(matchID, loaded);
    return loaded;
  }

  /**
   * The match's initial state, from memory once read: a sync needs it (boardgame.io's client
   * keeps it), and re-reading it, or the whole log, from storage for every sync let a crowd of
   * syncing sockets stall every match (issue #11).
   */
  async initialState(matchID: string): Promise<State | undefined> {
    const match = await this.load(matchID);
    if (!match) return undefined;
    if (!match.initialState) {
      const { initialState } = await this.store.fetch(matchID, { initialState: true });
      if (!initialState) return undefined;
      freeze(initialState, true);
      match.initialState = initialState;
    }
    return match.initialState;
  }

  /**
   * Caches a match, evicting the least recently used beyond `cacheSize` (they reload from
   * storage). Its state is frozen through and through, as every later state (immer's result)
   * is: then unchanged parts keep their identity from move to move, and views and diffs skip them.
   */
  private remember(matchID: string, loaded: Loaded): void {
    freeze(loaded.state, true);
    this.cache.set(matchID, loaded);
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= this.cacheSize) break;
      this.cache.delete(oldest);
    }
  }

  /**
   * Validates and applies one client action for `playerID`. `guard` runs in
   * the queue against current metadata (e.g. "does this socket still hold the seat?").
   */
  submit(
    matchID: string,
    playerID: string,
    raw: unknown,
    stateID: unknown,
    guard?: Guard,
  ): Promise<Result<{ stateID: number }>> {
    return this.exclusive(matchID, () => this.apply(matchID, playerID, raw, stateID, guard)).catch(
      (e: unknown) => {
        // The database or the other processes cannot be reached: nothing was acknowledged.
        if (e instanceof StorageError && e.code === 'unavailable')
          return { ok: false as const, error: `move not saved, try again: ${e.message}` };
        console.error(`move failed to commit in ${matchID}:`, e);
        return { ok: false as const, error: 'server error' };
      },
    );
  }

  private async apply(
    matchID: string,
    playerID: string,
    raw: unknown,
    stateID: unknown,
    guard?: Guard,
  ): Promise<Result<{ stateID: number }>> {
    const match = await this.load(matchID);
    if (!match) return { ok: false, error: 'match not found' };
    const t = transition(this, match, playerID, raw, stateID, guard);
    if (!t.ok) return t;
    try {
      const meta = t.metadata ? { metadata: t.metadata } : {};
      await this.coordinator?.beforeWrite(matchID);
      await this.store.commitMove(matchID, { state: t.state, deltalog: t.deltalog, ...meta });
    } catch (e) {
      // Storage is ahead of this (evicted, reloaded) copy, or its state is unknown (the
      // database went away mid-write): drop it and let the client resync.
      if (e instanceof StorageError && (e.code === 'stale-state' || e.code === 'unavailable'))
        this.cache.delete(matchID);
      throw e;
    }
    match.state = t.state;
    if (t.metadata) match.metadata = t.metadata;
    this.coordinator?.announce(matchID, {
      state: t.state,
      metadata: match.metadata,
      deltalog: t.deltalog,
      metaChanged: t.metadata !== undefined,
    });
    for (const fn of this.updateListeners) fn(matchID, t.state, t.deltalog);
    if (t.metadata) for (const fn of this.metaListeners) fn(matchID, t.metadata);
    return { ok: true, stateID: t.state._stateID };
  }

  /**
   * A change to the game that no seat makes (a facilitator's inject, ending the match): `change`
   * returns the new G, or an error that leaves everything as it was. Queued like a move, fenced,
   * made durable, then announced like one (with an empty deltalog) to this process's sockets and
   * to the other processes, so none keeps a stale copy.
   */
  adjust(
    matchID: string,
    change: (G: unknown) => { ok: true; G: unknown } | { ok: false; error: string },
  ): Promise<Result<{ stateID: number }>> {
    return this.exclusive(matchID, async () => {
      const match = await this.load(matchID);
      if (!match) return { ok: false, error: 'match not found' };
      if (match.state.ctx.gameover !== undefined) return { ok: false, error: 'game over' };
      const r = change(match.state.G);
      if (!r.ok) return r;
      const before = match.state;
      const outcome: unknown = this.game.endIf?.({ G: r.G, ctx: before.ctx } as never);
      const ctx = outcome ? { ...before.ctx, gameover: outcome } : before.ctx;
      const state = freeze({ ...before, G: r.G, ctx, _stateID: before._stateID + 1 }, true);
      const t = outcome ? { metadata: { ...match.metadata, gameover: outcome } } : {};
      try {
        await this.coordinator?.beforeWrite(matchID);
        await this.store.commitMove(matchID, { state, deltalog: [], ...t });
      } catch (e) {
        if (e instanceof StorageError && (e.code === 'stale-state' || e.code === 'unavailable'))
          this.cache.delete(matchID);
        throw e;
      }
      match.state = state;
      if (t.metadata) match.metadata = t.metadata;
      this.coordinator?.announce(matchID, {
        state,
        metadata: match.metadata,
        deltalog: [],
        metaChanged: t.metadata !== undefined,
      });
      for (const fn of this.updateListeners) fn(matchID, state, []);
      if (t.metadata) for (const fn of this.metaListeners) fn(matchID, t.metadata);
      return { ok: true, stateID: state._stateID };
    });
  }

  /** Applies a metadata change (lobby writes, pause) atomically with respect to moves. */
  mutate(
    matchID: string,
    change: (m: MatchMetadata) => MatchMetadata | string,
  ): Promise<Result<{ metadata: MatchMetadata }>> {
    return this.exclusive(
      matchID,
      async () => {
        const match = await this.load(matchID);
        if (!match) return { ok: false, error: 'match not found' };
        const next = change(structuredClone(match.metadata));
        if (typeof next === 'string') return { ok: false, error: next };
        next.updatedAt = Date.now();
        await this.coordinator?.beforeWrite(matchID);
        await this.store.setMetadata(matchID, next);
        match.metadata = next;
        this.coordinator?.announce(matchID, {
          state: match.state,
          metadata: next,
          deltalog: [],
          metaChanged: true,
        });
        for (const fn of this.metaListeners) fn(matchID, next);
        return { ok: true, metadata: next };
      },
      false,
    );
  }

  /**
   * Drops a finished match from memory (it reloads from storage if anyone opens it again), so
   * that a long-running server holds only the matches being played.
   */
  releaseFinished(matchID: string): void {
    if (this.cache.get(matchID)?.metadata.gameover !== undefined) this.cache.delete(matchID);
  }

  /** Drops a match from memory (the sweeper deleted it from storage). */
  forget(matchID: string): void {
    this.cache.delete(matchID);
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }
}
