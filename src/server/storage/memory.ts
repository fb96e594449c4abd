import type { LogEntry, State } from 'boardgame.io';
import {
  StorageError,
  type FetchOpts,
  type FetchResult,
  type IdleFilter,
  type ListFilter,
  type MatchMetadata,
  type MatchStore,
  type MatchSummary,
  type MoveCommit,
  type SessionRecord,
  type ChatRecord,
} from './types';
import type { TalkMessage } from '../../protocol';
import { matchesFilter } from './filter';

interface Row {
  state: State;
  initialState: State;
  metadata: MatchMetadata;
  log: LogEntry[];
  /** When the last move (or the creation) happened. */
  touchedAt: number;
}

const clone = <T>(value: T): T => structuredClone(value);

/** In-memory MatchStore: for tests and throwaway servers. Values are deep-copied in and out. */
export class MemoryStore implements MatchStore {
  private readonly rows = new Map<string, Row>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly talk = new Map<string, TalkMessage[]>();
  private readonly chat = new Map<string, ChatRecord[]>();

  async createMatch(
    matchID: string,
    init: { initialState: State; metadata: MatchMetadata },
  ): Promise<void> {
    if (this.rows.has(matchID)) throw new StorageError('exists', `match ${matchID} exists`);
    if ((await this.findByJoinCode(init.metadata.joinCode)) !== undefined) {
      throw new StorageError('join-code-taken', 'join code taken');
    }
    this.rows.set(matchID, {
      state: clone(init.initialState),
      initialState: clone(init.initialState),
      metadata: clone(init.metadata),
      log: [],
      touchedAt: init.metadata.createdAt,
    });
  }

  async fetch(matchID: string, opts: FetchOpts): Promise<FetchResult> {
    const row = this.rows.get(matchID);
    if (!row) return {};
    const out: FetchResult = {};
    if (opts.state) out.state = clone(row.state);
    if (opts.initialState) out.initialState = clone(row.initialState);
    if (opts.metadata) out.metadata = clone(row.metadata);
    if (opts.log) out.log = clone(row.log);
    return out;
  }

  async commitMove(matchID: string, commit: MoveCommit): Promise<void> {
    const row = this.rows.get(matchID);
    if (!row) throw new StorageError('not-found', `match ${matchID} not found`);
    if (!(commit.state._stateID > row.state._stateID)) {
      throw new StorageError(
        'stale-state',
        `stateID ${commit.state._stateID} <= ${row.state._stateID}`,
      );
    }
    row.state = clone(commit.state);
    row.log.push(...clone(commit.deltalog));
    row.touchedAt = Date.now();
    if (commit.metadata) row.metadata = clone(commit.metadata);
  }

  async setMetadata(matchID: string, metadata: MatchMetadata): Promise<void> {
    const row = this.rows.get(matchID);
    if (!row) throw new StorageError('not-found', `match ${matchID} not found`);
    const owner = await this.findByJoinCode(metadata.joinCode);
    if (owner !== undefined && owner !== matchID)
      throw new StorageError('join-code-taken', 'join code taken');
    row.metadata = clone(metadata);
  }

  async findByJoinCode(joinCode: string): Promise<string | undefined> {
    for (const [id, row] of this.rows) if (row.metadata.joinCode === joinCode) return id;
    return undefined;
  }

  async listMatches(filter: ListFilter = {}): Promise<MatchSummary[]> {
    const out: MatchSummary[] = [];
    for (const [matchID, row] of this.rows) {
      if (matchesFilter(row.metadata, filter)) out.push({ matchID, metadata: clone(row.metadata) });
    }
    return out.sort(
      (a, b) => a.metadata.createdAt - b.metadata.createdAt || a.matchID.localeCompare(b.matchID),
    );
  }

  async listIdle(before: number, filter: IdleFilter): Promise<string[]> {
    const finished = (m: MatchMetadata) => m.gameover !== undefined && m.gameover !== null;
    return [...this.rows]
      .filter(([, r]) => r.touchedAt < before && finished(r.metadata) === filter.finished)
      .sort(([, a], [, b]) => a.touchedAt - b.touchedAt)
      .slice(0, filter.limit)
      .map(([id]) => id);
  }

  async count(): Promise<number> {
    return this.rows.size;
  }

  async wipe(matchID: string): Promise<void> {
    this.rows.delete(matchID);
    this.chat.delete(matchID);
  }

  async saveSession(session: SessionRecord): Promise<void> {
    const owner = await this.findSessionByCode(session.code);
    if (owner !== undefined && owner !== session.id)
      throw new StorageError('join-code-taken', 'session code taken');
    this.sessions.set(session.id, clone(session));
  }

  async loadSession(sessionID: string): Promise<SessionRecord | undefined> {
    const s = this.sessions.get(sessionID);
    return s ? clone(s) : undefined;
  }

  async findSessionByCode(code: string): Promise<string | undefined> {
    for (const [id, s] of this.sessions) if (s.code === code) return id;
    return undefined;
  }

  async listOpenSessions(): Promise<SessionRecord[]> {
    return [...this.sessions.values()]
      .filter((s) => s.status !== 'ended')
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map(clone);
  }

  async listEndedSessions(before: number, limit: number): Promise<string[]> {
    return [...this.sessions.values()]
      .filter((s) => s.status === 'ended' && s.updatedAt < before)
      .sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((s) => s.id);
  }

  async wipeSession(sessionID: string): Promise<void> {
    this.sessions.delete(sessionID);
    this.talk.delete(sessionID);
  }

  async appendTalk(sessionID: string, message: TalkMessage): Promise<void> {
    if (!this.sessions.has(sessionID))
      throw new StorageError('not-found', `session ${sessionID} not found`);
    const list = this.talk.get(sessionID) ?? [];
    list.push(clone(message));
    this.talk.set(sessionID, list);
  }

  async listTalk(sessionID: string): Promise<TalkMessage[]> {
    return clone(this.talk.get(sessionID) ?? []);
  }

  async appendChat(matchID: string, message: ChatRecord, cap: number): Promise<void> {
    if (!this.rows.has(matchID)) throw new StorageError('not-found', `match ${matchID} not found`);
    const list = this.chat.get(matchID) ?? [];
    if (list.length >= cap) throw new StorageError('full', `the chat of ${matchID} is full`);
    list.push(clone(message));
    this.chat.set(matchID, list);
  }

  async listChat(matchID: string): Promise<ChatRecord[]> {
    return clone(this.chat.get(matchID) ?? []);
  }

  async close(): Promise<void> {}
}
