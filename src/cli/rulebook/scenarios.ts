import { CARD_BY_ID, DECKS } from '../../../game/events/cards';
import { HUBS } from '../../../game/ids';
import { PLACE_INFO } from '../../../game/map';
import { SCENARIOS } from '../../../game/scenarios';
import type { Scenario } from '../../../game/scenarios';
import { table } from './markdown';
import { ROLE_NAMES } from './meanings';

/** The scenario table, the victory targets per scenario, and one paragraph per scenario. */

const START_LABELS: Record<string, string> = {
  pc: 'Regulator: political capital',
  pcPerRound: 'Regulator: political capital per round',
  vendorCash: 'Vendor: cash',
  hubCash: 'Hub government: cash',
  hubInvestment: 'Hub government: investment',
  firmCash: 'Each AI firm: cash',
  firmIncome: 'Each AI firm: income per round',
  firmCapability: 'Each AI firm: capability',
  firmDataTB: 'Each AI firm: prepared data at home (TB)',
  controlLevel: 'Control level',
  compliantLevel: 'Control level the China edition on sale meets (−1: none on sale)',
  tension: 'Tension',
  frontier: 'Frontier',
  frontierEvery: 'Frontier rises every … rounds (0: never)',
  frontierLead: 'A model carried home lifts capability at most … past the frontier (—: no limit)',
  kyc: 'Cloud know-your-customer rule in force',
};

const all = (): Scenario[] => Object.values(SCENARIOS);

const show = (v: unknown): string =>
  typeof v === 'boolean' ? (v ? 'yes' : 'no') : v === undefined ? '—' : String(v);

export function deckName(deck: readonly string[]): string {
  const named = Object.entries(DECKS).find(
    ([, ids]) => ids.length === deck.length && ids.every((id, i) => id === deck[i]),
  );
  return named ? `the ${named[0]} deck` : 'its own deck';
}

export function renderVictory(): string {
  return table(
    [
      'Scenario',
      'Rounds',
      'Firm capability at start',
      'Frontier at start',
      'Frontier rises every',
      'Vendor: cash at least',
      'Hub: investment at least',
      'Hub: average standing at least',
      'Regulator: average standing at least',
    ],
    all().map((s) => [
      s.name,
      s.rounds,
      s.start.firmCapability,
      s.start.frontier,
      s.start.frontierEvery > 0 ? `${s.start.frontierEvery} rounds` : 'never',
      `$${s.victory.vendorCash}`,
      s.victory.hubInvestment,
      s.victory.hubMinStanding,
      s.victory.regulatorMinStanding,
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function hubChanges(s: Scenario): string {
  const parts = HUBS.filter((h) => s.hubs[h]).map((h) => {
    const o = s.hubs[h] ?? {};
    const bits = Object.entries(o).map(([k, v]) => `${k} ${show(v)}`);
    return `${PLACE_INFO[h].name}: ${bits.join(', ')}`;
  });
  return parts.length > 0 ? parts.join('; ') : 'none';
}

function paragraph(s: Scenario): string {
  const seats = s.seats.map((seat) => {
    const role = seat.role === 'facilitator' ? 'Facilitator' : ROLE_NAMES[seat.role];
    return seat.name === role ? seat.name : `${seat.name} (${role})`;
  });
  const injects = s.scheduled.map(
    (x) =>
      `round ${x.round}: ${s.cards.find((c) => c.id === x.card)?.title ?? CARD_BY_ID[x.card]?.title ?? x.card}`,
  );
  const own = s.cards.map((c) => `${c.title} (\`${c.id}\`, ${c.date})`);
  return [
    `### ${s.name} (\`${s.id}\`)`,
    s.briefing,
    [
      `- **Length:** ${s.rounds} rounds (quarters) from ${s.startDate}, ${s.actionsPerRound} orders per seat a round.`,
      `- **Seats:** ${seats.join(', ')}.`,
      `- **News:** ${deckName(s.deck)} (${s.deck.length} cards)${injects.length > 0 ? `; scheduled injects: ${injects.join('; ')}` : '; no scheduled injects'}.`,
      `- **Cards of its own:** ${own.length > 0 ? own.join('; ') : 'none'}.`,
      `- **Hubs changed from the map's defaults:** ${hubChanges(s)}.`,
      `- **Moves switched off:** ${s.disabledMoves.length > 0 ? s.disabledMoves.map((m) => `\`${m}\``).join(', ') : 'none'}.`,
    ].join('\n'),
  ].join('\n\n');
}

export function renderScenarios(): { body: string; problems: string[] } {
  const scenarios = all();
  const keys = Object.keys(scenarios[0]?.start ?? {});
  const problems = keys
    .filter((k) => !START_LABELS[k])
    .map((k) => `scenario start value "${k}" has no label in src/cli/rulebook/scenarios.ts`);
  const rows: (string | number)[][] = [
    ['Start year', ...scenarios.map((s) => s.startYear)],
    ['Rounds', ...scenarios.map((s) => s.rounds)],
    ['Start date (no card dated before it)', ...scenarios.map((s) => s.startDate)],
    ['Orders per seat a round', ...scenarios.map((s) => s.actionsPerRound)],
    ['AI firm seats', ...scenarios.map((s) => s.seats.filter((x) => x.role === 'firm').length)],
    [
      'Facilitator seat',
      ...scenarios.map((s) => show(s.seats.some((x) => x.role === 'facilitator'))),
    ],
    ...keys.map((k) => [
      START_LABELS[k] ?? k,
      ...scenarios.map((s) => show((s.start as Record<string, unknown>)[k])),
    ]),
    ['Target: vendor cash', ...scenarios.map((s) => s.victory.vendorCash)],
    ['Target: hub investment', ...scenarios.map((s) => s.victory.hubInvestment)],
    ['Target: hub average standing', ...scenarios.map((s) => s.victory.hubMinStanding)],
    ['Target: regulator average standing', ...scenarios.map((s) => s.victory.regulatorMinStanding)],
  ];
  const body = [
    table(['', ...scenarios.map((s) => `\`${s.id}\``)], rows, [
      'l',
      ...scenarios.map((): 'r' => 'r'),
    ]),
    ...scenarios.map(paragraph),
  ].join('\n\n');
  return { body, problems };
}
