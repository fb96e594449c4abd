// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { indicatorsOf } from '../../game/engine';
import { readReplay } from '../../game/replay';
import type { SessionExportData } from '../../src/app/debrief/class';
import { ClassDebrief } from '../../src/app/debrief/ClassView';
import { botMatch } from './fixtures';

afterEach(cleanup);

/** A session of three bot tables, as the export route gives it (the facilitator's view of each). */
function session(): SessionExportData {
  const tables = ['a', 'b', 'c'].map((seed, table) => {
    const r = readReplay(JSON.stringify(botMatch('classroom', `class-${seed}`).file));
    if (!r.ok) throw new Error(r.error);
    const last = r.replay.states.at(-1)!;
    return {
      table,
      matchID: `m${table}`,
      seats: last.seats.map((s) => ({
        id: s.id,
        role: s.role,
        label: s.name,
        kind: s.role === 'regulator' ? ('person' as const) : ('bot' as const),
        people: s.role === 'regulator' ? [`Student ${table + 1}`] : [],
      })),
      view: { ...last, secret: null },
    };
  });
  return {
    format: 'chokepoint-session',
    formatVersion: 1,
    sessionID: 's1',
    code: 'ABCD2345',
    scenario: 'classroom',
    status: 'ended',
    exportedAt: '2026-12-02T05:00:00.000Z',
    tables,
  };
}

describe('the class debrief', () => {
  it("shows every table's outcome side by side, how the winners won, and rounds across tables", () => {
    const data = session();
    render(<ClassDebrief data={data} text={JSON.stringify(data)} onClose={() => {}} />);
    const rows = within(screen.getByTestId('class-outcomes')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    data.tables.forEach((t, i) => {
      const cells = within(rows[i]!).getAllByRole('cell');
      const winners = t.view.outcome!.winners;
      const playing = t.view.seats.filter((s) => s.role !== 'facilitator');
      playing.forEach((s, k) =>
        expect(cells[k]!.textContent).toContain(winners.includes(s.id) ? '★ won' : 'did not win'),
      );
      expect(cells[0]!.textContent).toContain(`Student ${i + 1}`);
      // The session goes along, so the facilitator's own copy of the file (every message) opens.
      expect(within(rows[i]!).getByRole('link').getAttribute('href')).toBe(
        `/debrief/m${i}?session=s1`,
      );
    });
    const wins = screen.getByTestId('class-wins').textContent ?? '';
    expect(wins).toMatch(/Regulator won at \d of 3 tables/);
    const grid = () =>
      within(screen.getByTestId('class-rounds'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent);
    const frontier = grid();
    expect(frontier).toHaveLength(7);
    fireEvent.change(screen.getByTestId('class-indicator'), { target: { value: 'vendorCash' } });
    expect(screen.getByTestId('class-rounds').querySelector('caption')!.textContent).toBe(
      'Vendor cash at the end of each round',
    );
    expect(grid()).not.toEqual(frontier);
    const cash = data.tables.map((t) => indicatorsOf(t.view.indicators, 3)!.vendorCash);
    expect(grid()[3]).toBe(
      `3${cash.join('')}${Math.round((cash.reduce((a, b) => a + b) / 3) * 10) / 10}`,
    );
  });
});
