/** Shared steps of the session tests: create, join, command, read the console and a student's place. */
import { expect } from 'vitest';
import type { GameState } from '../../game/state';
import type { ConsoleSnapshot, SessionCreated, StudentSnapshot } from '../../src/protocol';
import type { RunningServer } from '../../src/server/app';
import { api } from './helpers';

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export async function createSession(base: string, body: Record<string, unknown> = {}) {
  const r = await api(base, 'POST', '/api/sessions', { scenario: 'classroom', ...body });
  expect(r.status, r.text).toBe(201);
  return r.json as unknown as SessionCreated;
}

export async function joinAll(base: string, code: string, names: string[]) {
  const out: { name: string; token: string; studentID: string }[] = [];
  for (const name of names) {
    const r = await api(base, 'POST', '/api/sessions/join', { code, name });
    expect(r.status, r.text).toBe(200);
    out.push({ name, token: r.json.token as string, studentID: r.json.studentID as string });
  }
  return out;
}

export const command = (base: string, s: SessionCreated, cmd: Record<string, unknown>) =>
  api(base, 'POST', `/api/sessions/${s.sessionID}/command`, cmd, auth(s.facilitatorToken));

export const inject = (base: string, s: SessionCreated, body: Record<string, unknown>) =>
  api(base, 'POST', `/api/sessions/${s.sessionID}/inject`, body, auth(s.facilitatorToken));

export async function consoleOf(base: string, s: SessionCreated): Promise<ConsoleSnapshot> {
  const r = await api(
    base,
    'GET',
    `/api/sessions/${s.sessionID}/console`,
    undefined,
    auth(s.facilitatorToken),
  );
  expect(r.status, r.text).toBe(200);
  return r.json as unknown as ConsoleSnapshot;
}

export async function me(base: string, s: SessionCreated, token: string): Promise<StudentSnapshot> {
  const r = await api(base, 'GET', `/api/sessions/${s.sessionID}/me`, undefined, auth(token));
  expect(r.status, r.text).toBe(200);
  return r.json as unknown as StudentSnapshot;
}

export const stateOf = async (srv: RunningServer, matchID: string) =>
  (await srv.authority.load(matchID))!.state.G as GameState;

export async function until(check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const NAMES = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jo'];
