import type { Socket } from 'socket.io';

export interface Binding {
  socket: Socket;
  matchID: string;
  /** null for spectators. */
  playerID: string | null;
  /** Hash of the seat credential at bind time; the binding dies if the seat changes hands. */
  credentialHash: string | null;
  /** The socket reads boardgame.io `patch` frames (see feed.ts). */
  patches: boolean;
}

/** Which sockets watch which match, and how many connections each seat has. */
export class Presence {
  private readonly bySocket = new Map<string, Binding>();
  private readonly byMatch = new Map<string, Set<Binding>>();

  get(socketID: string): Binding | undefined {
    return this.bySocket.get(socketID);
  }

  bind(b: Binding): Binding | undefined {
    const prev = this.unbind(b.socket.id);
    this.bySocket.set(b.socket.id, b);
    let set = this.byMatch.get(b.matchID);
    if (!set) this.byMatch.set(b.matchID, (set = new Set()));
    set.add(b);
    return prev;
  }

  unbind(socketID: string): Binding | undefined {
    const b = this.bySocket.get(socketID);
    if (!b) return undefined;
    this.bySocket.delete(socketID);
    const set = this.byMatch.get(b.matchID);
    set?.delete(b);
    if (set && set.size === 0) this.byMatch.delete(b.matchID);
    return b;
  }

  watchers(matchID: string): Binding[] {
    return [...(this.byMatch.get(matchID) ?? [])];
  }

  /** Connections per seat for one match. */
  counts(matchID: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const b of this.byMatch.get(matchID) ?? []) {
      if (b.playerID !== null) out.set(b.playerID, (out.get(b.playerID) ?? 0) + 1);
    }
    return out;
  }
}
