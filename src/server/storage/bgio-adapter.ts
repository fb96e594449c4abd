import { Async } from 'boardgame.io/internal';
import type { LogEntry, Server, State } from 'boardgame.io';
import { hashSecret, newJoinCode, verifySecret } from '../security/secrets';
import type {
  FetchOpts as BgioFetchOpts,
  FetchResult as BgioFetchResult,
} from 'boardgame.io/dist/types/src/server/db/base';
import { StorageError, type MatchMetadata, type MatchStore, type SeatRecord } from './types';

type BgioFetch = {
  state?: State;
  initialState?: State;
  log?: LogEntry[];
  metadata?: Server.MatchData;
};

const HASHED = 'hashed:';

/** Credentials as seen by boardgame.io after a round trip: a marker holding the salted hash. */
export function authenticateHashedCredentials(
  credentials: string,
  player: Server.PlayerMetadata,
): boolean {
  const stored = player.credentials;
  if (!stored || !stored.startsWith(HASHED)) return false;
  const [salt, hash] = stored.slice(HASHED.length).split(':');
  return verifySecret(credentials, salt && hash ? { salt, hash } : undefined);
}

function toOurs(m: Server.MatchData, joinCode: string): MatchMetadata {
  const seats: SeatRecord[] = Object.values(m.players).map((p) => {
    const seat: SeatRecord = {
      id: String(p.id),
      role: 'player',
      label: `Player ${p.id}`,
      kind: p.name ? 'person' : 'open',
    };
    if (p.name) seat.name = p.name;
    if (p.credentials)
      seat.credential = p.credentials.startsWith(HASHED)
        ? unpack(p.credentials)
        : hashSecret(p.credentials);
    return seat;
  });
  return {
    gameName: m.gameName,
    scenario: '',
    setupData: m.setupData ?? null,
    visibility: m.unlisted ? 'private' : 'public',
    joinCode,
    creator: hashSecret(''),
    paused: false,
    seats,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    ...(m.gameover !== undefined ? { gameover: m.gameover } : {}),
  };
}

function unpack(marker: string): { salt: string; hash: string } {
  const [salt = '', hash = ''] = marker.slice(HASHED.length).split(':');
  return { salt, hash };
}

function toBgio(m: MatchMetadata): Server.MatchData {
  const players: Server.MatchData['players'] = {};
  for (const s of m.seats) {
    const p: Server.PlayerMetadata = { id: Number(s.id) };
    if (s.name) p.name = s.name;
    if (s.credential) p.credentials = `${HASHED}${s.credential.salt}:${s.credential.hash}`;
    players[Number(s.id)] = p;
  }
  const out: Server.MatchData = {
    gameName: m.gameName,
    players,
    setupData: m.setupData,
    unlisted: m.visibility === 'private',
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
  if (m.gameover !== undefined) out.gameover = m.gameover;
  return out;
}

/**
 * Lets boardgame.io's own Server/Master run on a MatchStore. Credentials are
 * hashed on the way in; pass `authenticateHashedCredentials` as the server's
 * `authenticateCredentials`. A setState whose stateID does not move forward is
 * dropped (boardgame.io would otherwise store invalid moves).
 */
export class BgioStorageAdapter extends Async {
  constructor(private readonly store: MatchStore) {
    super();
  }

  async connect(): Promise<void> {}

  async createMatch(
    matchID: string,
    opts: { initialState: State; metadata: Server.MatchData },
  ): Promise<void> {
    await this.store.createMatch(matchID, {
      initialState: opts.initialState,
      metadata: toOurs(opts.metadata, newJoinCode(10)),
    });
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    try {
      await this.store.commitMove(matchID, { state, deltalog: deltalog ?? [] });
    } catch (e) {
      if (!(e instanceof StorageError && e.code === 'stale-state')) throw e;
    }
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    const { metadata: current } = await this.store.fetch(matchID, { metadata: true });
    if (!current) throw new StorageError('not-found', `match ${matchID} not found`);
    const next = toOurs(metadata, current.joinCode);
    await this.store.setMetadata(matchID, {
      ...current,
      ...next,
      scenario: current.scenario,
      creator: current.creator,
    });
  }

  async fetch<O extends BgioFetchOpts>(matchID: string, opts: O): Promise<BgioFetchResult<O>> {
    const r = await this.store.fetch(matchID, opts);
    const out: BgioFetch = {};
    if (r.state) out.state = r.state;
    if (r.initialState) out.initialState = r.initialState;
    if (r.log) out.log = r.log;
    if (r.metadata) out.metadata = toBgio(r.metadata);
    return out as unknown as BgioFetchResult<O>;
  }

  async wipe(matchID: string): Promise<void> {
    await this.store.wipe(matchID);
  }

  async listMatches(opts?: {
    gameName?: string;
    where?: { isGameover?: boolean };
  }): Promise<string[]> {
    const list = await this.store.listMatches({
      ...(opts?.gameName !== undefined ? { gameName: opts.gameName } : {}),
      ...(opts?.where?.isGameover !== undefined ? { finished: opts.where.isGameover } : {}),
    });
    return list.map((m) => m.matchID);
  }
}
