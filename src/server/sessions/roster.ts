import { HttpError } from '../lobby/http';
import type { ServedGame } from '../served/served-game';
import type { SessionRecord, SessionStudent, SessionTable } from '../storage/types';

/**
 * The roster: who sits where. Pure functions of a session record (and the game's scenarios):
 * how many tables, how many places, dealing students out evenly, checking a hand assignment.
 * Nothing here saves or announces anything; the manager does, in the session's queue.
 */

export const MAX_STUDENTS = 400;
export const MAX_TABLES = 60;

export interface PersonSeat {
  id: string;
  role: string;
  name: string;
}

/** The scenario a table plays: its own, if the facilitator chose one per table. */
export function scenarioAt(s: SessionRecord, table: number): string {
  return s.tableScenarios?.[table] ?? s.scenario;
}

/** A scenario's seats that people (or bots) play: every seat but the facilitator's. */
export function seatsOf(served: ServedGame, scenario: string): PersonSeat[] {
  const roles = served.facilitatorRoles;
  const info = served.scenarios[scenario];
  return (info?.seats ?? []).filter((x) => !roles.includes(x.role));
}

/** The person seats of one table. */
export function seatsAt(served: ServedGame, s: SessionRecord, table: number): PersonSeat[] {
  return seatsOf(served, scenarioAt(s, table));
}

export function emptyTable(): SessionTable {
  return { matchID: null, seatCredentials: {}, timer: null };
}

export function occupants(s: SessionRecord, table: number, seat: string): SessionStudent[] {
  return s.students.filter((x) => x.assignment?.table === table && x.assignment.seat === seat);
}

/** Tables the session has or will have: asked for, or as many as the roster needs. */
export function tableCountFor(served: ServedGame, s: SessionRecord): number {
  if (s.tableCount !== null) return s.tableCount;
  const per = seatsOf(served, s.scenario).length * s.policy.teamSize;
  return Math.max(1, Math.min(MAX_TABLES, Math.ceil(s.students.length / per)));
}

/** Places a student can take: every person seat times the team size, unless observers may follow. */
export function capacity(served: ServedGame, s: SessionRecord): number {
  if (s.policy.observers || s.tableCount === null) return MAX_STUDENTS;
  let places = 0;
  for (let t = 0; t < s.tableCount; t++) places += seatsAt(served, s, t).length;
  return places * s.policy.teamSize;
}

/**
 * Deals the roster out to the tables: tables fill evenly (each student goes to the table with
 * the smallest share of its places taken, the first such table on a tie, so tables of equal
 * size fill one student each in turn), and in a table every role gets a first person before
 * any gets a second; each table starts its round of roles one further on, so that when tables
 * are short, different roles go to bots. Once every place is taken, the rest observe, dealt
 * to the tables in turn (or wait unseated, if the session has no observers).
 */
export function autoAssign(served: ServedGame, s: SessionRecord): void {
  const tables = tableCountFor(served, s);
  const seats = Array.from({ length: tables }, (_, t) => seatsAt(served, s, t));
  const places = seats.map((x) => x.length * s.policy.teamSize);
  const counts = new Array<number>(tables).fill(0);
  let overflow = 0;
  for (const st of s.students) {
    let table = -1;
    for (let t = 0; t < tables; t++) {
      if (counts[t]! >= places[t]!) continue;
      if (table < 0 || counts[t]! * places[table]! < counts[table]! * places[t]!) table = t;
    }
    if (table < 0) {
      const at = overflow++ % tables;
      st.assignment = s.policy.observers ? { table: at, seat: null } : null;
      continue;
    }
    const k = counts[table]!++;
    const list = seats[table]!;
    st.assignment = { table, seat: list[(k + table) % list.length]!.id };
  }
  while (s.tables.length < tables) s.tables.push(emptyTable());
}

/** Checks a hand assignment (the student is not counted in its own seat). */
export function checkPlace(
  served: ServedGame,
  s: SessionRecord,
  studentID: string,
  table: number,
  seat: string | null,
): void {
  if (
    !Number.isInteger(table) ||
    table < 0 ||
    table >= Math.max(s.tables.length, tableCountFor(served, s))
  )
    throw new HttpError(400, 'no such table');
  if (seat === null) return;
  if (!seatsAt(served, s, table).some((x) => x.id === seat))
    throw new HttpError(400, 'no such seat');
  const others = occupants(s, table, seat).filter((x) => x.id !== studentID);
  if (others.length >= s.policy.teamSize)
    throw new HttpError(
      409,
      `that seat already has ${others.length} ${others.length === 1 ? 'person' : 'people'}`,
    );
}

/** In the lobby, assigning to a table that does not exist yet makes it (up to the limit). */
export function autoTables(s: SessionRecord, table: number): void {
  if (!Number.isInteger(table) || table < 0 || table >= MAX_TABLES)
    throw new HttpError(400, 'no such table');
  if (s.tableCount !== null && table >= s.tableCount) throw new HttpError(400, 'no such table');
  while (s.tables.length <= table) s.tables.push(emptyTable());
}
