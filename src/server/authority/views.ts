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

  /**
   * Filtered state and deltalog for one viewer. The log keeps only the viewer's own actions:
   * boardgame.io would send every seat and spectator each action's name and playerID (args
   * redacted or not), and a move's name alone can be a secret (issue #11). Nothing in the
   * client reads other seats' entries; what others may know of a move is in the filtered state.
   */
  update(matchID: string, viewer: ViewerID, state: State): { state: State; log: LogEntry[] } {
    const out = this.filter(viewer, { type: 'update', args: [matchID, state] });
    if (out.type !== 'update') throw new Error('unexpected filter output');
    const [, filtered, log] = out.args;
    const clean: State = { ...filtered, ctx: ownCounts(filtered.ctx, viewer) };
    delete clean.deltalog;
    return { state: clean, log: ownEntries(log ?? [], viewer) };
  }

  /**
   * SyncInfo with state and initialState filtered for the viewer, and an empty log: a sync is
   * served from memory, never by reading the match's whole log (the client does not need it).
   */
  sync(
    matchID: string,
    viewer: ViewerID,
    full: { state: State; initialState: State },
    meta: MatchMetadata,
    connected: Map<string, number> = new Map(),
  ): SyncInfo {
    const { state } = this.update(matchID, viewer, full.state);
    return {
      state,
      log: [],
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

/**
 * boardgame.io counts each active seat's moves in `ctx._activePlayersNumMoves`; while every seat
 * plans at once, another seat's count would tell how many orders it added and withdrew. A viewer
 * sees its own count; every other seat's reads 0. (The client only reads these counts to run
 * moves itself, which no move here allows.)
 */
function ownCounts(ctx: State['ctx'], viewer: ViewerID): State['ctx'] {
  const counts = ctx._activePlayersNumMoves;
  if (!counts) return ctx;
  const shown: Record<string, number> = {};
  for (const seat of Object.keys(counts)) shown[seat] = seat === viewer ? counts[seat] : 0;
  return { ...ctx, _activePlayersNumMoves: shown };
}

/** The entries a viewer acted itself (none for spectators). */
function ownEntries(log: LogEntry[], viewer: ViewerID): LogEntry[] {
  if (viewer === null || log.length === 0) return [];
  return log.filter((e) => (e.action.payload as { playerID?: unknown }).playerID === viewer);
}
