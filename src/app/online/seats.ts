import { isBotLevel, type BotLevel, type SeatKind } from '../../protocol';
import type { MatchInfo, SeatInfo, SeatSpec } from './lobby';

/** One seat as the online screens show it: who holds it and whether they are here. */
export interface SeatRow {
  id: string;
  role: string;
  label: string;
  kind: SeatKind;
  name: string | null;
  botLevel: BotLevel | null;
  /** null when not known yet (before the socket's first matchData). */
  connected: boolean | null;
}

/** boardgame.io's matchData entries as our server fills them. */
export interface MatchDataSeat {
  id: number;
  name?: string;
  isConnected?: boolean;
  data?: unknown;
}

const KINDS = new Set(['open', 'person', 'bot']);

function dataOf(raw: unknown): Partial<SeatInfo> {
  if (typeof raw !== 'object' || raw === null) return {};
  const d = raw as Record<string, unknown>;
  return {
    ...(typeof d.kind === 'string' && KINDS.has(d.kind)
      ? { kind: d.kind as SeatInfo['kind'] }
      : {}),
    ...(typeof d.role === 'string' ? { role: d.role } : {}),
    ...(typeof d.label === 'string' ? { label: d.label } : {}),
    ...(isBotLevel(d.botLevel) ? { botLevel: d.botLevel } : {}),
  };
}

/** The seats from the lobby's facts, overlaid with the live matchData when the socket has it. */
export function seatRows(info: MatchInfo | null, live: MatchDataSeat[] | undefined): SeatRow[] {
  const base = info?.seats ?? [];
  const ids = live ? live.map((s) => String(s.id)) : base.map((s) => s.id);
  return ids.map((id) => {
    const b = base.find((s) => s.id === id);
    const l = live?.find((s) => String(s.id) === id);
    const d = dataOf(l?.data);
    const kind = d.kind ?? b?.kind ?? 'open';
    return {
      id,
      role: d.role ?? b?.role ?? 'facilitator',
      label: d.label ?? b?.label ?? `Seat ${id}`,
      kind,
      name: kind === 'person' ? (l?.name ?? b?.name ?? null) : null,
      botLevel: kind === 'bot' ? (d.botLevel ?? b?.botLevel ?? 'heuristic') : null,
      connected: l ? kind === 'bot' || l.isConnected === true : null,
    };
  });
}

/** Seats a newcomer may take: open ones; the facilitator seat only for the match's creator. */
export function freeSeats(info: MatchInfo, isCreator: boolean): SeatInfo[] {
  return info.seats.filter((s) => s.kind === 'open' && (s.role !== 'facilitator' || isCreator));
}

/** Who holds a seat, in words (names are plain text, never markup). */
export function holderText(row: SeatRow): string {
  if (row.kind === 'bot') return row.botLevel === 'random' ? 'Easy bot' : 'Harder bot';
  if (row.kind === 'open') return 'Free — waiting for a player';
  return row.name ?? 'A player';
}

export function presenceText(row: SeatRow): string {
  if (row.kind === 'open') return 'empty';
  if (row.kind === 'bot') return 'bot';
  if (row.connected === null) return 'checking…';
  return row.connected ? 'connected' : 'not connected';
}

export const NAME_MAX = 24;

/** Why a display name cannot be used, or null (the server also strips control characters). */
export function nameProblem(name: string): string | null {
  const t = name.trim();
  if (t.length === 0) return 'Type the name others will see.';
  if (t.length > NAME_MAX) return `Use at most ${NAME_MAX} characters.`;
  return null;
}

/** A join code as typed: spaces and dashes dropped, capitals. */
export const normalizeCode = (raw: string): string => raw.replace(/[\s-]+/g, '').toUpperCase();

export function codeProblem(raw: string): string | null {
  const c = normalizeCode(raw);
  if (c.length === 0) return 'Type the code shown on the host screen.';
  if (!/^[A-Z0-9]{4,12}$/.test(c)) return 'A code is 12 letters and digits, like K7QP2MX4RZ9B.';
  return null;
}

/** The create form's seat choice. */
export type SeatChoice = 'person' | BotLevel;

export const seatSpecs = (choices: SeatChoice[]): SeatSpec[] =>
  choices.map((c) => (c === 'person' ? { kind: 'person' } : { kind: 'bot', level: c }));

/** Why the match cannot be created, or null. Every role a bot is allowed: a demo to watch. */
export function createProblem(choices: SeatChoice[], roles: string[]): string | null {
  return choices.length === roles.length ? null : 'Choose who plays each seat.';
}

/** Whether no role is played by a person: a demo for the projector (watch it with the spectator link). */
export const isDemo = (choices: SeatChoice[], roles: string[]): boolean =>
  choices.every((c, i) => c !== 'person' || roles[i] === 'facilitator');
