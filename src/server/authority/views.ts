import { getFilterPlayerView } from 'boardgame.io/internal';
import type { FilteredMetadata, Game, LogEntry, State, SyncInfo } from 'boardgame.io';
import type { MatchDataSeatData } from '../../protocol';
import type { MatchMetadata } from '../storage/types';

export type ViewerID = string | null;

/**
 * Per-seat views of the authoritative state. Everything a socket or bot sees
 * goes through here: G through the game's playerView, plugin data through
 * the plugins' playerView, the log redacted, undo/redo stacks dropped.
 */
export class Views {
  private readonly filter: ReturnType<typeof getFilterPlayerView>;

  /** `game` must be the processed game (ProcessGameConfig). */
  constructor(game: Game) {
    this.filter = getFilterPlayerView(game);
  }

  /** Filtered state and redacted deltalog for one viewer. */
  update(matchID: string, viewer: ViewerID, state: State): { state: State; log: LogEntry[] } {
    const out = this.filter(viewer, { type: 'update', args: [matchID, state] });
    if (out.type !== 'update') throw new Error('unexpected filter output');
    const [, filtered, log] = out.args;
    const clean: State = { ...filtered };
    delete clean.deltalog;
    return { state: clean, log: log ?? [] };
  }

  /** SyncInfo with state, log and initialState all filtered for the viewer. */
  sync(
    matchID: string,
    viewer: ViewerID,
    full: { state: State; initialState: State; log: LogEntry[] },
    meta: MatchMetadata,
    connected: Map<string, number> = new Map(),
  ): SyncInfo {
    const withLog = { ...full.state, deltalog: full.log };
    const { state, log } = this.update(matchID, viewer, withLog);
    return {
      state,
      log,
      initialState: this.update(matchID, viewer, full.initialState).state,
      filteredMetadata: publicSeats(meta, connected),
    };
  }
}

/** boardgame.io's matchData: seats without credentials, with kind/role in `data`. */
export function publicSeats(meta: MatchMetadata, connected: Map<string, number>): FilteredMetadata {
  return meta.seats.map((s) => ({
    id: Number(s.id),
    ...(s.name !== undefined ? { name: s.name } : {}),
    isConnected: s.kind === 'bot' || (connected.get(s.id) ?? 0) > 0,
    data: {
      kind: s.kind,
      role: s.role,
      label: s.label,
      ...(s.botLevel ? { botLevel: s.botLevel } : {}),
    } satisfies MatchDataSeatData,
  }));
}
