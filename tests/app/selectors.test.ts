import { describe, expect, it } from 'vitest';
import { legalMoves, performMove, type MoveArgs } from '../../game/engine';
import { dashboard } from '../../src/app/selectors/dashboard';
import { results, revealed } from '../../src/app/selectors/end';
import { formatCost, formatDate, quarterOf } from '../../src/app/selectors/format';
import { indicatorCharts } from '../../src/app/selectors/indicators';
import {
  choiceFields,
  fieldValues,
  findChoice,
  groupMoves,
  settle,
} from '../../src/app/selectors/moves';
import { logLines, newsView } from '../../src/app/selectors/news';
import { describePlace, placeViews } from '../../src/app/selectors/places';
import { movers, routeViews } from '../../src/app/selectors/map-arcs';
import {
  defaultSetup,
  screenFor,
  setupProblem,
  type MatchSetup,
} from '../../src/app/selectors/table';
import { turnInfo } from '../../src/app/selectors/turn';
import { urlOptions } from '../../src/app/selectors/url';
import { inline, parseMarkdown } from '../../src/app/rules/markdown';
import { fresh, playRandomly, playToEnd, playerView, seat } from './fixtures';

const REG = seat('0');
const LAB = seat('2');

/** The lab (seat 2) prepares data and couriers it: secret things to look for. */
function labWithSecrets() {
  const G = fresh();
  performMove(G, REG, 'endUseCheck', { hub: 'MY' });
  performMove(G, REG, 'endUseCheck', { hub: 'SG' });
  performMove(G, seat('1'), 'auditDistributors', { hub: 'MY' });
  performMove(G, seat('1'), 'auditDistributors', { hub: 'SG' });
  expect(performMove(G, LAB, 'courierData', { hub: 'MY', tb: 40, carriers: 2 })).toEqual({
    ok: true,
  });
  expect(performMove(G, LAB, 'registerEntity', { hub: 'MY' })).toEqual({ ok: true });
  return G;
}

describe('format', () => {
  it('names quarters, costs and card dates in plain words', () => {
    expect(quarterOf(2023, 1)).toBe('2023 Q1');
    expect(quarterOf(2023, 6)).toBe('2024 Q2');
    expect(formatCost({ cash: 3 })).toBe('$3');
    expect(formatCost({ pc: 2 })).toBe('2 political capital');
    expect(formatCost({})).toBe('free');
    expect(formatDate('2022-10-07')).toBe('7 October 2022');
    expect(formatDate('2023-03')).toBe('March 2023');
  });
});

describe('places and routes', () => {
  it('draws every place with its public numbers, and a firm’s own secrets only in its own view', () => {
    const G = labWithSecrets();
    const mine = placeViews(playerView(G, LAB), LAB).find((p) => p.id === 'MY');
    expect(mine?.mine.join(' ')).toMatch(/your entity/);
    const theirs = placeViews(playerView(G, REG), REG).find((p) => p.id === 'MY');
    expect(theirs?.mine).toEqual([]);
    expect(theirs?.capacityMW).toBe(G.places.MY.capacityMW);
    expect(describePlace(theirs!).join(' ')).toMatch(/Capacity \d+ MW/);
    expect(placeViews(G, REG)).toHaveLength(10);
  });

  it('shows a firm its couriers in flight, and nobody else', () => {
    const G = labWithSecrets();
    const own = movers(playerView(G, LAB), LAB);
    expect(own).toEqual([
      expect.objectContaining({ kind: 'courier', routeId: 'CN-MY', secret: true }),
    ]);
    expect(movers(playerView(G, REG), REG)).toEqual([]);
    expect(routeViews().map((r) => r.id)).toContain('CN-MY');
  });
});

describe('dashboard', () => {
  it('gives each role its resources and goals', () => {
    const G = fresh();
    expect(dashboard(G, REG).stats.map((s) => s.label)).toContain('Political capital');
    expect(dashboard(G, seat('1')).goals[0]).toMatchObject({
      label: 'Cash',
      target: G.victory.vendorCash,
    });
    expect(dashboard(G, seat('3')).goals.map((g) => g.label)).toEqual([
      'Investment',
      'Average standing',
    ]);
  });

  it('lists a firm’s secrets for the firm only', () => {
    const G = labWithSecrets();
    expect(dashboard(playerView(G, LAB), LAB).secrets.join('\n')).toMatch(
      /2 carriers with 40 TB flying to Malaysia/,
    );
    expect(dashboard(playerView(G, REG), REG).secrets).toEqual([]);
  });
});

describe('news and log', () => {
  it('reads the round’s card and keeps other seats’ secret log lines out', () => {
    const G = labWithSecrets();
    expect(newsView(G)?.title).toBeTruthy();
    expect(logLines(playerView(G, LAB), LAB).some((l) => l.secret)).toBe(true);
    expect(logLines(playerView(G, REG), REG).some((l) => l.secret)).toBe(false);
    expect(logLines(G, REG).some((l) => /Sent 2 carriers/.test(l.text))).toBe(false);
  });
});

describe('moves', () => {
  it('groups the moves by family in the engine’s order', () => {
    const groups = groupMoves(legalMoves(fresh(), REG));
    expect(groups.map((g) => g.family)).toEqual(['Rules', 'Enforcement', 'Diplomacy']);
  });

  it('settles any pick into one of the legal choices, in many states', () => {
    for (let k = 0; k < 30; k++) {
      const G = playRandomly(fresh('suitcase2024', `s${k}`), k * 3, `w${k}`);
      for (const s of G.seats) {
        for (const o of legalMoves(G, s.id)) {
          if (!o.allowed) continue;
          const fields = choiceFields(o.choices);
          const bogus: MoveArgs = { hub: 'QA', tb: 160, carriers: 1, pods: 4, at: 'home' };
          for (const pick of [{}, bogus, o.choices[o.choices.length - 1].args]) {
            const args = settle(o.choices, pick);
            expect(findChoice(o.choices, args), `${o.move} ${JSON.stringify(args)}`).toBeDefined();
          }
          for (const f of fields)
            expect(fieldValues(o.choices, fields, f, {}).length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('narrows later fields to what fits the earlier ones (no 80 TB on one carrier)', () => {
    const G = fresh();
    G.firms[LAB].secrets.homeTB = 160;
    G.turn = G.order.indexOf(LAB);
    const courier = legalMoves(G, LAB).find((o) => o.move === 'courierData')!;
    const fields = choiceFields(courier.choices);
    expect(fields).toEqual(['hub', 'tb', 'carriers']);
    expect(fieldValues(courier.choices, fields, 'carriers', { hub: 'MY', tb: 80 })).toEqual([
      2, 3, 4,
    ]);
    expect(settle(courier.choices, { hub: 'MY', tb: 80, carriers: 1 }).carriers).toBe(2);
  });
});

describe('table (hot-seat)', () => {
  const setup: MatchSetup = {
    ...defaultSetup('classroom'),
    seats: defaultSetup('classroom').seats.map((s) => ({
      ...s,
      kind: s.seat === '0' || s.seat === '2' ? 'person' : 'bot',
    })),
  };

  it('shows the privacy screen before a person’s board and a neutral screen during bots', () => {
    expect(screenFor(setup, false, REG, null)).toEqual({ kind: 'privacy', seat: REG });
    expect(screenFor(setup, false, REG, REG)).toEqual({ kind: 'board', seat: REG, botTurn: null });
    expect(screenFor(setup, false, seat('1'), REG)).toEqual({
      kind: 'waiting',
      botTurn: seat('1'),
    });
    expect(screenFor(setup, false, LAB, REG)).toEqual({ kind: 'privacy', seat: LAB });
    expect(screenFor(setup, true, null, REG)).toEqual({ kind: 'end' });
  });

  it('keeps one person’s board up while bots play', () => {
    const solo = defaultSetup('classroom');
    expect(screenFor(solo, false, seat('1'), null)).toEqual({
      kind: 'board',
      seat: REG,
      botTurn: seat('1'),
    });
    expect(setupProblem(solo)).toBeNull();
    expect(
      setupProblem({ ...solo, seats: solo.seats.map((s) => ({ ...s, kind: 'bot' })) }),
    ).toMatch(/person/);
  });

  it('leaves the facilitator out of local play', () => {
    expect(defaultSetup('tiered2025').seats.find((s) => s.seat === '4')?.kind).toBe('absent');
  });
});

describe('turn, end and charts', () => {
  it('tracks the round and whose turn it is', () => {
    const info = turnInfo(fresh(), REG);
    expect(info).toMatchObject({ round: 1, mine: true, actionsLeft: 2 });
    expect(info.steps.map((s) => s.state)).toEqual(['now', 'next', 'next', 'next']);
  });

  it('reveals winners, every hidden move with its round, and a chart per indicator group', () => {
    const G = playToEnd(fresh('classroom', 'to-the-end'));
    expect(G.over).toBe(true);
    const rows = results(G);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.won).map((r) => r.seat)).toEqual(G.outcome?.winners);
    const secret = revealed(playerView(G, null));
    expect(secret.length).toBe(
      Object.values(G.firms).reduce((n, f) => n + f.secrets.history.length, 0),
    );
    expect([...secret].sort((a, b) => a.round - b.round)).toEqual(secret);
    const charts = indicatorCharts(G);
    expect(charts.map((c) => c.id)).toEqual(['race', 'money', 'pressure']);
    expect(charts[0].rounds.length).toBeGreaterThanOrEqual(G.rounds);
    for (const c of charts)
      for (const s of c.series) expect(s.values).toHaveLength(G.indicators.length);
  });
});

describe('url options and the rulebook reader', () => {
  it('reads a seed and a bot speed from the address', () => {
    expect(urlOptions('?seed=abc&speed=fast')).toMatchObject({
      seed: 'abc',
      botDelayMs: 20,
      start: null,
    });
    expect(urlOptions('?start=classroom&seat=2&guide=0')).toMatchObject({
      start: 'classroom',
      seat: '2',
      guide: false,
    });
    expect(urlOptions('')).toMatchObject({ seed: null, botDelayMs: null, guide: null });
  });

  it('parses headings, lists, tables and inline marks', () => {
    const blocks = parseMarkdown(
      '# Title\n\nSome **bold** text\nwraps.\n\n- one\n- two\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'para', 'list', 'table']);
    expect(inline('a **b** `c` [d](http://x)')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'strong', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'c' },
      { kind: 'text', text: ' d' },
    ]);
  });
});
