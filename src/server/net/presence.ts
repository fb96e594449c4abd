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

/**
 * Seat connections on the other server processes (several processes behind a load balancer:
 * cluster/presence.ts keeps them in Redis). A seat connected to any process counts as connected
 * everywhere.
 */
export interface SharedPresence {
  /** This process's connections per seat for a match changed (an empty map: none are left). */
  publish(matchID: string, counts: Map<string, number>): void;
  /** Learns the other processes' connections for a match (at once if already known). */
  follow(matchID: string): Promise<void>;
  /** This process no longer watches the match. */
  unfollow(matchID: string): void;
  /** Connections per seat on the other processes, as last heard. */
  others(matchID: string): Map<string, number>;
  /** Tells `listener` when another process's connections to a followed match change. */
  onChange(listener: (matchID: string) => void): void;
}

/** Adds connection counts per seat. */
export function addCounts(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  if (b.size === 0) return a;
  const out = new Map(a);
  for (const [seat, n] of b) out.set(seat, (out.get(seat) ?? 0) + n);
  return out;
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
