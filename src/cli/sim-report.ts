import type { Scenario } from '../../game/engine';
import type { GameRecord, RoundMeans, Summary, WinRate } from '../../game/sim';

/** The simulator's outputs: the text it prints, one CSV row per game, the JSON summary. */

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ci = (w: WinRate): string => `${pct(w.rate).padStart(6)}  [${pct(w.lo)}, ${pct(w.hi)}]`;

const table = (rows: string[][]): string => {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};

/** Columns of the per-round table: every numeric indicator, then each firm's capability. */
function roundColumns(rows: readonly RoundMeans[]): string[] {
  const first = rows[0] ?? {};
  const plain = Object.keys(first).filter((k) => typeof first[k] === 'number' && k !== 'round');
  const nested = Object.keys(first).filter((k) => typeof first[k] === 'object');
  return [
    ...plain,
    ...nested.flatMap((k) => Object.keys(first[k] as object).map((s) => `${k}.${s}`)),
  ];
}

const cell = (row: RoundMeans, col: string): string => {
  const [head, seat] = col.split('.');
  const v =
    seat === undefined ? row[head] : (row[head] as Record<string, number> | undefined)?.[seat];
  return typeof v === 'number' ? v.toFixed(2) : '';
};

export function formatSummary(s: Summary, botsSpec: string, bans: readonly string[] = []): string {
  const banned = bans.length ? `, banned ${bans.join(' ')}` : '';
  const lines = [
    `Chokepoint simulation: ${s.scenario}, ${s.games} games, seed ${s.seed}, bots ${botsSpec}${banned}`,
    '',
  ];
  const roleRows = s.roles.map((r) => [r.role, r.seats.join(' '), String(r.wins), ci(r)]);
  lines.push(table([['role', 'seats', 'wins', '  rate  95% CI'], ...roleRows]), '');
  const seatRows = s.seats.map((x) => [x.seat, x.role, x.name, x.level, String(x.wins), ci(x)]);
  lines.push(table([['seat', 'role', 'name', 'bot', 'wins', '  rate  95% CI'], ...seatRows]), '');
  lines.push(
    `Game length: ${s.meanRounds.toFixed(2)} rounds, ${s.meanMoves.toFixed(1)} moves on average`,
  );
  lines.push(`Bot choices the engine refused: ${s.refused}`, '', 'Average indicators per round:');
  const cols = roundColumns(s.perRound);
  const body = s.perRound.map((row) => [String(row.round), ...cols.map((c) => cell(row, c))]);
  lines.push(table([['round', ...cols], ...body]), '');
  lines.push(...measures(s));
  return lines.join('\n') + '\n';
}

/** What an analyst checks besides the win rates: actions by family, searches, the race, cards. */
function measures(s: Summary): string[] {
  const lines = ['Orders by move family:'];
  for (const [role, families] of Object.entries(s.familyShares))
    lines.push(
      `  ${role}: ${Object.entries(families)
        .map(([f, share]) => `${f} ${pct(share)}`)
        .join(', ')}`,
    );
  const { check, audit } = s.searchHits;
  lines.push(
    '',
    `End-use checks that found a hidden operation: ${check.found} of ${check.made} (${pct(check.rate)}); distributor audits: ${audit.found} of ${audit.made} (${pct(audit.rate)})`,
    `Races still open two rounds before the end: ${s.race.openLate} of ${s.race.decided} games won by a firm or the regulator (${pct(s.race.rate)})`,
    `  settled at the end of round: ${s.race.settledByRound.map((n, r) => `${r}:${n}`).join(' ')}`,
    '',
    "Cards: games played in, and the largest change in any role's win rate with it:",
  );
  const rows = s.cards.map((c) => {
    const [role, e] = Object.entries(c.byRole).sort(
      (a, b) => Math.abs(b[1].diff) - Math.abs(a[1].diff),
    )[0] ?? ['-', { diff: 0 }];
    return [
      c.card,
      String(c.played),
      role,
      `${e.diff >= 0 ? '+' : ''}${(e.diff * 100).toFixed(1)} pts`,
    ];
  });
  if (rows.length) lines.push(table([['card', 'games', 'role', 'change'], ...rows]));
  return lines;
}

/** A CSV field, quoted when it holds a comma, a quote or a line break. */
const field = (text: string): string =>
  /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;

/** One row per game: who won, and where every indicator ended. */
export function toCsv(scenario: Scenario, records: readonly GameRecord[]): string {
  const seats = scenario.seats
    .map((s, i) => ({ id: String(i), role: s.role }))
    .filter((s) => s.role !== 'facilitator');
  const last = records[0]?.indicators.at(-1);
  const keys = last
    ? Object.keys(last).filter(
        (k) => typeof last[k as keyof typeof last] === 'number' && k !== 'round',
      )
    : [];
  const firms = seats.filter((s) => s.role === 'firm').map((s) => s.id);
  const header = [
    'game',
    'seed',
    'rounds',
    'moves',
    'refused',
    'settled_round',
    'checks',
    'checks_found',
    'winners',
    ...seats.map((s) => `win_${s.id}_${s.role}`),
    ...keys,
    ...firms.map((f) => `capability_${f}`),
  ];
  const rows = records.map((r) => {
    const end = r.indicators[r.indicators.length - 1] as unknown as Record<string, number> & {
      capability: Record<string, number>;
    };
    return [
      String(r.index),
      field(r.seed),
      String(r.rounds),
      String(r.moves),
      String(r.refused),
      String(r.settled),
      String(r.searches.check.made),
      String(r.searches.check.found),
      r.winners.join(' '),
      ...seats.map((s) => (r.winners.includes(s.id) ? '1' : '0')),
      ...keys.map((k) => String(end[k])),
      ...firms.map((f) => String(end.capability[f] ?? '')),
    ].join(',');
  });
  return [header.join(','), ...rows].join('\n') + '\n';
}

export const toJson = (s: Summary): string => JSON.stringify(s, null, 2) + '\n';
