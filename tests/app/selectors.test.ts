import { describe, expect, it } from 'vitest';
import {
  RESOLUTION_STEPS,
  SCENARIOS,
  legalMoves,
  playCard,
  planOrder,
  submitOrders,
  type MoveArgs,
  type SealedPlan,
} from '../../game/engine';
import { dashboard } from '../../src/app/selectors/dashboard';
import { results, revealed, sealedRounds } from '../../src/app/selectors/end';
import { formatCost, formatDate, whenOf } from '../../src/app/selectors/format';
import { indicatorCharts } from '../../src/app/selectors/indicators';
import {
  choiceFields,
  fieldValues,
  findChoice,
  groupMoves,
  settle,
} from '../../src/app/selectors/moves';
import { logLines, newsCards } from '../../src/app/selectors/news';
import { describePlace, placeViews } from '../../src/app/selectors/places';
import { movers, routeViews } from '../../src/app/selectors/map-arcs';
import {
  defaultSetup,
  screenFor,
  setupProblem,
  setupNote,
  type MatchSetup,
} from '../../src/app/selectors/table';
import { planProblem, planningInfo } from '../../src/app/selectors/planning';
import { roundRecap } from '../../src/app/selectors/recap';
import { urlOptions } from '../../src/app/selectors/url';
import { inline, parseMarkdown } from '../../src/app/rules/markdown';
import { fresh, plan, playRounds, playerView, resolve, seat } from './fixtures';

const REG = seat('0');
const LAB = seat('2');

const VENDOR = seat('1');
const HUB = seat('3');

/** Round 1 resolved: the lab registered an entity in Malaysia and prepared data, in secret. */
function labWithSecrets() {
  const G = fresh();
  plan(G, LAB, [['registerEntity', { hub: 'MY' }], ['prepareData']]);
  return resolve(G);
}

describe('format', () => {
  it('names rounds by their place in history, costs and card dates in plain words', () => {
    const calendar = [
      { from: '2022-10-01', to: '2022-11-08' },
      { from: '2022-11-08', to: '2024-01-29' },
      { from: '2024-01-03', to: '2024-01-29' },
    ];
    expect(whenOf({ calendar }, 1)).toBe('Oct 2022 – Nov 2022');
    expect(whenOf({ calendar }, 2)).toBe('Nov 2022 – Jan 2024');
    expect(whenOf({ calendar }, 3)).toBe('Jan 2024');
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
    expect(placeViews(G, REG)).toHaveLength(10);
  });

  it('shows the public demand reading and how it moved, never who leases', () => {
    const G = labWithSecrets();
    G.places.SG.demand = G.places.SG.demandLast + 2;
    const sg = placeViews(playerView(G, REG), REG).find((p) => p.id === 'SG')!;
    expect(sg.demand).toBe(G.places.SG.demand);
    expect(sg.demandChange).toBe(2);
    const lines = describePlace(sg).join(' ');
    expect(lines).toMatch(/Capacity \d+ MW/);
    expect(lines).toMatch(
      new RegExp(`Demand reading: ${sg.demand} pods? in use \\(up 2 since last round\\)\\.`),
    );
    expect(lines).not.toMatch(/leased/);
  });

  it('shows a firm its couriers in flight, and nobody else', () => {
    const G = labWithSecrets();
    G.firms[LAB].secrets.couriers.push({
      id: 'c1' as never,
      from: 'CN',
      to: 'MY',
      carriers: 2,
      tb: 40,
      model: 0,
      sentRound: G.round,
    });
    expect(movers(playerView(G, LAB), LAB)).toEqual([
      expect.objectContaining({ kind: 'courier', routeId: 'CN-MY', secret: true }),
    ]);
    expect(movers(playerView(G, REG), REG)).toEqual([]);
    expect(routeViews().map((r) => r.id)).toContain('CN-MY');
  });
});

describe('dashboard', () => {
  it("shows every seat the vendor's lobbyists on retainer, and when they are spent", () => {
    const G = fresh();
    const lobbyists = (who: typeof REG) =>
      dashboard(playerView(G, who), who).stats.find((s) => s.label === "Vendor's lobbyists")?.value;
    expect(lobbyists(REG)).toBe('none hired');
    resolve(plan(G, VENDOR, [['lobby']]));
    expect(lobbyists(REG)).toBe('on retainer this round');
    expect(lobbyists(LAB)).toBe('on retainer this round');
    resolve(plan(G, REG, [['extendLicence', { hub: 'MY' }]]));
    expect(lobbyists(REG)).toBe('none hired');
    expect(G.places.MY.licence).toBe(false);
  });

  it('gives each role its resources and goals', () => {
    const G = fresh();
    expect(dashboard(G, REG).stats.map((s) => s.label)).toContain('Political capital');
    expect(dashboard(G, VENDOR).goals[0]).toMatchObject({
      label: 'Cash',
      target: G.victory.vendorCash,
    });
    expect(dashboard(G, VENDOR).stats.map((s) => s.label)).toContain('Revenue-share licence');
    expect(dashboard(G, HUB).goals.map((g) => g.label)).toEqual(['Investment', 'Average standing']);
    expect(dashboard(G, LAB).stats.map((s) => s.label)).toContain('Home training ceiling');
  });

  it('lists a firm’s secrets for the firm only, and the regulator’s KYC flags for the regulator only', () => {
    const G = labWithSecrets();
    expect(dashboard(playerView(G, LAB), LAB).secrets.join('\n')).toMatch(
      /Local entity in Malaysia/,
    );
    expect(dashboard(playerView(G, REG), REG).secrets).toEqual([]);
    G.regulator.intel.push({ round: 1, hub: 'TH' });
    expect(dashboard(playerView(G, REG), REG).secrets).toEqual([
      `KYC report, ${whenOf(G, 1)}: a suspicious customer in Thailand`,
    ]);
    expect(dashboard(playerView(G, LAB), LAB).secrets.join(' ')).not.toMatch(/KYC/);
  });
});

describe('news and log', () => {
  it('shows the cards played last round with who played them and for what', () => {
    const G = fresh();
    const card = G.plans[REG].hand[0];
    expect(playCard(G, REG, card, 'event')).toEqual({ ok: true });
    resolve(G);
    const news = newsCards(playerView(G, HUB));
    expect(news).toContainEqual(
      expect.objectContaining({ by: 'Regulator', use: 'for its event', fired: true }),
    );
    expect(news.every((n) => /\d{4}/.test(n.date) && n.source)).toBe(true);
  });

  it('keeps other seats’ secret log lines out', () => {
    const G = labWithSecrets();
    expect(logLines(playerView(G, LAB), LAB).some((l) => l.secret)).toBe(true);
    // The regulator's own secret lines (its dealt cards) only.
    const regSecret = logLines(playerView(G, REG), REG).filter((l) => l.secret);
    expect(regSecret.every((l) => /^You are dealt/.test(l.text))).toBe(true);
    expect(logLines(G, REG).some((l) => /Registered a local entity/.test(l.text))).toBe(false);
  });
});

describe('planning', () => {
  it('tracks my budget, my orders with their costs, and my card', () => {
    const G = fresh();
    const start = planningInfo(playerView(G, LAB), LAB);
    expect(start).toMatchObject({ round: 1, mine: true, used: 0, budget: G.actionsPerRound });
    expect(start.hand.map((c) => c.title)).toHaveLength(G.plans[LAB].hand.length);
    const cost = legalMoves(G, LAB).find((o) => o.move === 'prepareData')!.choices[0].cost;
    plan(G, LAB, [['prepareData'], ['registerEntity', { hub: 'SG' }]], false);
    const info = planningInfo(playerView(G, LAB), LAB);
    expect(info.used).toBe(2);
    expect(info.orders.map((o) => o.label)).toEqual([
      'Prepare training data',
      'Register a local entity',
    ]);
    expect(info.orders[0].cost).toBe(formatCost(cost));
    expect(info.orders[1].detail).toBe('Singapore');
    expect(playCard(G, LAB, G.plans[LAB].hand[0], 'action')).toEqual({ ok: true });
    const more = planningInfo(playerView(G, LAB), LAB);
    expect(more.budget).toBe(G.actionsPerRound + 1);
    expect(more.card).toMatchObject({ use: 'action' });
  });

  it('shows every seat planning or sealed with its seal, the same to all', () => {
    const G = fresh();
    plan(G, REG, [['endUseCheck', { hub: 'MY' }]]);
    const seal = G.plans[REG].seal!;
    for (const viewer of [LAB, null]) {
      const info = planningInfo(playerView(G, viewer), viewer);
      expect(info.seats.find((s) => s.seat === REG)).toMatchObject({
        submitted: true,
        seal: seal.slice(0, 12),
      });
      expect(info.seats.filter((s) => !s.submitted).map((s) => s.name)).toEqual(info.waiting);
    }
    const mine = planningInfo(playerView(G, REG), REG);
    expect(mine).toMatchObject({ submitted: true, mine: false, seal: seal.slice(0, 12) });
    expect(mine.waiting).toEqual(['Chip vendor', 'Beijing lab', 'Hub governments']);
    // Another seat's view carries none of the regulator's orders.
    expect(planningInfo(playerView(G, LAB), REG).orders).toEqual([]);
  });

  it('judges a submit on the seat’s own view, where the match secret is absent', () => {
    const G = fresh();
    const view = playerView(G, LAB);
    expect(planProblem(view, LAB, { action: 'submit' })).toBeNull();
    expect(planProblem(view, LAB, { action: 'withdraw', index: 0 })).toMatch(/no such order/);
    submitOrders(G, LAB);
    expect(planProblem(playerView(G, LAB), LAB, { action: 'submit' })).toMatch(/sealed/);
  });
});

describe('round recap', () => {
  it('tells each seat, step by step in the published order, what it may know of the round', () => {
    const G = labWithSecrets();
    expect(G.round).toBe(2);
    const lab = roundRecap(playerView(G, LAB), LAB);
    expect(lab.round).toBe(1);
    const steps = lab.steps.map((s) => s.step);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    for (const s of lab.steps) expect(s.name).toBe(RESOLUTION_STEPS[s.step]);
    const firms = lab.steps.find((s) => s.name === 'AI firms');
    expect(firms?.lines.map((l) => [l.text, l.secret])).toContainEqual([
      'Registered a local entity in Malaysia.',
      true,
    ]);
    const reg = roundRecap(playerView(G, REG), REG);
    expect(reg.steps.flatMap((s) => s.lines).some((l) => l.secret)).toBe(false);
    expect(JSON.stringify(reg)).not.toMatch(/Registered a local entity/);
    expect(JSON.stringify(roundRecap(playerView(G, null), null))).not.toMatch(/Registered/);
  });

  it('marks an order that did not happen, for its seat only', () => {
    const G = labWithSecrets();
    G.log.push({ round: 1, step: 5, text: 'Your order did not happen. No room.', to: LAB });
    const line = roundRecap(G, LAB)
      .steps.flatMap((s) => s.lines)
      .find((l) => l.failed);
    expect(line).toMatchObject({ secret: true, text: 'Your order did not happen. No room.' });
    expect(
      roundRecap(G, REG)
        .steps.flatMap((s) => s.lines)
        .some((l) => l.failed),
    ).toBe(false);
  });
});

describe('moves', () => {
  it('groups the moves by family in the engine’s order', () => {
    const groups = groupMoves(legalMoves(fresh(), REG));
    expect(groups.map((g) => g.family)).toEqual(['Rules', 'Enforcement', 'Diplomacy']);
  });

  it('settles any pick into one of the legal choices, in many states', () => {
    for (let k = 0; k < 12; k++) {
      const G = playRounds(fresh('suitcase2024', `s${k}`), k % 5, `w${k}`);
      for (const s of G.planners) {
        for (const o of legalMoves(G, s)) {
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
    const courier = legalMoves(G, LAB).find((o) => o.move === 'courierData')!;
    const fields = choiceFields(courier.choices);
    expect(fields).toEqual(['hub', 'tb', 'carriers']);
    expect(fieldValues(courier.choices, fields, 'carriers', { hub: 'MY', tb: 80 })).toEqual([
      2, 3, 4,
    ]);
    expect(settle(courier.choices, { hub: 'MY', tb: 80, carriers: 1 }).carriers).toBe(2);
  });

  it('offers no order once the budget is spent', () => {
    const G = fresh();
    G.regulator.pc = 99;
    for (let i = 0; i < G.actionsPerRound; i++) {
      const next = legalMoves(G, REG).find((o) => o.allowed)!;
      expect(planOrder(G, REG, next.move, next.choices[0].args)).toEqual({ ok: true });
    }
    expect(legalMoves(G, REG).every((o) => !o.allowed)).toBe(true);
    expect(planningInfo(playerView(G, REG), REG).used).toBe(G.actionsPerRound);
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
  const all = [REG, VENDOR, LAB, HUB];

  it('hands the device to each person still planning, skipping those who submitted', () => {
    const planning = { over: false, round: 1, waiting: all };
    expect(screenFor(setup, planning, null, 0)).toEqual({ kind: 'privacy', seat: REG });
    expect(screenFor(setup, planning, REG, 0)).toEqual({ kind: 'board', seat: REG });
    const regSealed = { ...planning, waiting: [VENDOR, LAB, HUB] };
    expect(screenFor(setup, regSealed, REG, 0)).toEqual({ kind: 'privacy', seat: LAB });
    expect(screenFor(setup, regSealed, LAB, 0)).toEqual({ kind: 'board', seat: LAB });
    expect(screenFor(setup, { ...planning, waiting: [VENDOR] }, LAB, 0)).toEqual({
      kind: 'waiting',
    });
  });

  it('shows the public recap after each resolution, then planning again, then the end', () => {
    const round2 = { over: false, round: 2, waiting: all };
    expect(screenFor(setup, round2, LAB, 0)).toEqual({ kind: 'recap', round: 1, viewer: null });
    expect(screenFor(setup, round2, LAB, 1)).toEqual({ kind: 'privacy', seat: REG });
    const over = { over: true, round: 6, waiting: [] };
    expect(screenFor(setup, over, null, 5)).toEqual({ kind: 'recap', round: 6, viewer: null });
    expect(screenFor(setup, over, null, 6)).toEqual({ kind: 'end' });
  });

  it('keeps one person’s board up while bots plan, and shows that person their own recap', () => {
    const solo = defaultSetup('classroom');
    expect(screenFor(solo, { over: false, round: 1, waiting: [VENDOR] }, null, 0)).toEqual({
      kind: 'board',
      seat: REG,
    });
    expect(screenFor(solo, { over: false, round: 3, waiting: all }, null, 1)).toEqual({
      kind: 'recap',
      round: 2,
      viewer: REG,
    });
    expect(setupProblem(solo)).toBeNull();
  });

  it('plays every role by bots as a demo for the projector', () => {
    const solo = defaultSetup('classroom');
    const demo = {
      ...solo,
      seats: solo.seats.map((s) => ({
        ...s,
        kind: s.kind === 'absent' ? s.kind : ('bot' as const),
      })),
    };
    expect(setupProblem(demo)).toBeNull();
    expect(setupNote(demo)).toMatch(/demo/);
    expect(screenFor(demo, { over: false, round: 2, waiting: all }, null, 0)).toEqual({
      kind: 'projector',
    });
    expect(screenFor(demo, { over: true, round: 8, waiting: [] }, null, 0)).toEqual({
      kind: 'end',
    });
  });

  it('offers the facilitator seat in every scenario, empty by default, alone with the bots', () => {
    for (const id of ['classroom', 'suitcase2024', 'tiered2025', 'permit2025']) {
      const setup = defaultSetup(id);
      const facilitator = setup.seats.find(
        (s) => SCENARIOS[id].seats[Number(s.seat)].role === 'facilitator',
      );
      expect(facilitator?.kind, id).toBe('absent');
      if (!facilitator) continue;
      const watching = {
        ...setup,
        seats: setup.seats.map((s) =>
          s === facilitator ? { ...s, kind: 'person' as const } : { ...s, kind: 'bot' as const },
        ),
      };
      expect(setupProblem(watching)).toBeNull();
      expect(screenFor(watching, { over: false, round: 1, waiting: [] }, null, 0)).toEqual({
        kind: 'board',
        seat: facilitator.seat,
      });
      // With a person at a playing seat too, the facilitator would show that person's secrets.
      const mixed = {
        ...watching,
        seats: watching.seats.map((s, i) => (i === 0 ? { ...s, kind: 'person' as const } : s)),
      };
      expect(setupProblem(mixed)).toMatch(/facilitator sees every secret/);
    }
  });
});

describe('end and charts', () => {
  it('reveals winners, every hidden move, every sealed plan checked, and a chart per indicator group', () => {
    const G = fresh('classroom', 'to-the-end');
    // Every round's plans as it resolved: the match's record, which the end screen reads.
    const record: SealedPlan[] = [];
    while (!G.over) record.push(...playRounds(G, 1, `round-${G.round}`).opened);
    expect(G.over).toBe(true);
    const rows = results(G);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.won).map((r) => r.seat)).toEqual(G.outcome?.winners);
    const secret = revealed(playerView(G, null));
    expect(secret.length).toBe(
      Object.values(G.firms).reduce((n, f) => n + f.secrets.history.length, 0),
    );
    expect([...secret].sort((a, b) => a.round - b.round)).toEqual(secret);
    const sealed = sealedRounds(playerView(G, null), record);
    expect(sealed.map((r) => r.round)).toEqual(Array.from({ length: G.rounds }, (_, i) => i + 1));
    const plans = sealed.flatMap((r) => r.plans);
    expect(plans).toHaveLength(G.rounds * G.planners.length);
    expect(plans.every((p) => p.check === 'matches' && /^[0-9a-f]{12}$/.test(p.short))).toBe(true);
    // Before the record is read, only the last round's plans (kept in the state) are opened.
    const unread = sealedRounds(playerView(G, null), null);
    expect(unread.map((r) => r.plans.every((p) => p.check === 'unread'))).toEqual(
      sealed.map((r) => r.round < G.rounds),
    );
    expect(unread.at(-1)?.plans).toEqual(sealed.at(-1)?.plans);
    // A record whose plan is not the one sealed at the time shows it.
    const changed = structuredClone(record);
    const early = changed.find((p) => p.round === 1)!;
    early.orders = [...(early.orders ?? []), { move: 'lobby', args: {} }];
    const firstRound = sealedRounds(playerView(G, null), changed)[0]!.plans;
    expect(firstRound.find((p) => p.seat === early.seat)?.check).toBe('broken');
    expect(firstRound.filter((p) => p.check === 'matches')).toHaveLength(G.planners.length - 1);
    const charts = indicatorCharts(G);
    expect(charts.map((c) => c.id)).toEqual(['race', 'money', 'pressure']);
    expect(charts[2].series.map((s) => s.label)).toContain('Demand reading (pods)');
    expect(charts[0].rounds.length).toBeGreaterThanOrEqual(G.rounds);
    for (const c of charts)
      for (const s of c.series) expect(s.values).toHaveLength(G.indicators.round.length);
  });

  it('says when a revealed plan does not match its seal, and keeps a firm’s plan hidden until the end', () => {
    const G = labWithSecrets();
    const mid = sealedRounds(playerView(G, REG), null)[0].plans;
    expect(mid.find((p) => p.seat === LAB)?.check).toBe('hidden');
    expect(mid.find((p) => p.seat === REG)?.check).toBe('matches');
    const tampered = structuredClone(G);
    const vendorPlan = tampered.opened.find((p) => p.seat === VENDOR)!;
    vendorPlan.orders = [{ move: 'lobby', args: {} }];
    expect(sealedRounds(tampered, null)[0].plans.find((p) => p.seat === VENDOR)?.check).toBe(
      'broken',
    );
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
