import type { Socket } from 'socket.io';
import type { LogEntry, State } from 'boardgame.io';
import type { Authority } from '../authority/authority';
import type { ViewerID } from '../authority/views';
import { diffJson } from './json-patch';
import type { Binding } from './presence';
import { encodeEvent, sendEncoded, type EncodedEvent } from './send';

interface View {
  state: State;
  log: LogEntry[];
  /** The frames, each encoded once for every socket of this viewer that gets it. */
  update?: EncodedEvent;
  patch?: EncodedEvent;
}

/**
 * Sends each watcher of a match its own view after a move: the whole filtered state
 * (`update`), or, to a socket that asked for it (`?patches=1`) and already holds the
 * previous view, boardgame.io's `patch` frame (JSON-Patch from its previous view to the
 * new one; the stock client applies it to the state it has). Both are computed from the
 * viewer's filtered views only, so a patch carries nothing the full view would not.
 *
 * All the sockets of one seat (or all spectators) share one view, and each frame is built and
 * encoded once per view: the whole state, and the patch from the previous broadcast's view
 * (the only base a patch is sent from).
 *
 * A client applies a patch only if its stateID equals the patch's base. Patches are
 * offered only for games whose moves all say `client: false` (the client never changes
 * its own state for a move), and a socket that sent any other action (undo, reset, an
 * event: anything the client might apply locally) gets the whole state next.
 */
export class ViewFeed {
  /** Per match: the views sent at the last broadcast (only while a patch reader watches). */
  private readonly last = new Map<string, { stateID: number; views: Map<ViewerID, State> }>();
  /** Per socket: the stateID of the view it holds, while we know it holds exactly that. */
  private readonly holds = new WeakMap<Socket, number>();
  readonly patchable: boolean;

  constructor(private readonly authority: Authority) {
    const moves = Object.values(authority.game.moves ?? {});
    this.patchable =
      moves.length > 0 &&
      moves.every((m) => typeof m === 'object' && m !== null && m.client === false);
  }

  /** Does this socket want patches (handshake query `patches=1`) and can the game use them? */
  wantsPatches(socket: Socket): boolean {
    return this.patchable && socket.handshake.query.patches === '1';
  }

  /** The socket got `view` of state `stateID` in a sync reply. */
  synced(b: Binding, stateID: number, view: State): void {
    if (!b.patches) return;
    this.holds.set(b.socket, stateID);
    let entry = this.last.get(b.matchID);
    if (!entry || entry.stateID !== stateID) {
      entry = { stateID, views: new Map() };
      this.last.set(b.matchID, entry);
    }
    if (!entry.views.has(b.playerID)) entry.views.set(b.playerID, view);
  }

  /** The socket may have changed its own copy of the state: send it the whole state next. */
  unsure(socket: Socket): void {
    this.holds.delete(socket);
  }

  /** Drops what is kept for a match nobody watches any more. */
  forget(matchID: string): void {
    this.last.delete(matchID);
  }

  broadcast(matchID: string, state: State, deltalog: LogEntry[], watchers: Binding[]): void {
    const prev = this.last.get(matchID);
    const views = new Map<ViewerID, View>();
    let readers = false;
    for (const b of watchers) {
      let view = views.get(b.playerID);
      if (!view) {
        view = this.authority.views.update(matchID, b.playerID, { ...state, deltalog });
        views.set(b.playerID, view);
      }
      // Every watcher of a match is on the game's one namespace: one encoding fits them all.
      const nsp = b.socket.nsp.name;
      const whole = (v: View) => (v.update ??= encodeEvent(nsp, 'update', matchID, v.state, v.log));
      if (!b.patches) {
        sendEncoded(b.socket, whole(view));
        continue;
      }
      readers = true;
      const base = prev && this.holds.get(b.socket) === prev.stateID && prev.views.get(b.playerID);
      if (prev && base) {
        view.patch ??= encodeEvent(
          nsp,
          'patch',
          matchID,
          prev.stateID,
          state._stateID,
          diffJson(base, view.state),
          view.log,
        );
        sendEncoded(b.socket, view.patch);
      } else {
        sendEncoded(b.socket, whole(view));
      }
      this.holds.set(b.socket, state._stateID);
    }
    if (!readers) {
      this.last.delete(matchID);
      return;
    }
    const kept = new Map<ViewerID, State>();
    for (const [viewer, view] of views) kept.set(viewer, view.state);
    this.last.set(matchID, { stateID: state._stateID, views: kept });
  }
}
