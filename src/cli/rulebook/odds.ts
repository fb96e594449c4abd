import { courierData } from '../../../game/moves/firm';
import { POSTURES, type Posture } from '../../../game/ids';
import { RULES } from '../../../game/rules';
import { pct, share, table } from './markdown';
import { carryChance, customsChance, findChance, kycChance, smuggleChance } from './measure';
import { probeSeat, quietState, type Stage } from './probe';

/**
 * The odds of every roll. Each table cell is measured from the engine (loaded dice); each formula
 * is written from RULES. `oddsProblems` reports any cell where the two disagree.
 */

export const STORY_TB = 80;

const BASE: Record<Posture, number> = {
  lax: RULES.customsLax,
  standard: RULES.customsStandard,
  strict: RULES.customsStrict,
};

export interface Limits {
  chanceCap: number;
  checkFloor: number;
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/** What the rulebook's formulas say, for comparison with the measurements. */
export const predict = {
  customs: (s: Stage, tb: number, k: Limits): number =>
    Math.min(
      k.chanceCap,
      BASE[s.posture ?? 'standard'] +
        Math.round(RULES.customsLoadAtFull * (tb / RULES.maxPerCarrierTB) ** 2) +
        (s.permit ? RULES.customsPermitBonus : 0) +
        (s.alert ? RULES.alertBonus : 0) +
        RULES.customsPerHeat * (s.heat ?? 0),
    ),
  carry: (s: Stage, k: Limits): number =>
    Math.round((predict.customs(s, 1, k) * RULES.carryRiskPct) / 100),
  check: (s: Stage, low: boolean, k: Limits): number =>
    clamp(
      RULES.checkBase +
        RULES.checkPerHeat * (s.heat ?? 0) +
        (s.permit ? RULES.checkPermitBonus : 0) +
        (s.licence ? RULES.checkLicenceBonus : 0) -
        (low ? RULES.checkLowStandingPenalty : 0),
      k.checkFloor,
      k.chanceCap,
    ),
  audit: (s: Stage, k: Limits): number =>
    Math.min(k.chanceCap, RULES.auditBase + RULES.auditPerHeat * (s.heat ?? 0)),
  kyc: (s: Stage): number => RULES.kycDetectBase + RULES.kycDetectPerHeat * (s.heat ?? 0),
  smuggle: (s: Stage, k: Limits): number =>
    Math.min(
      k.chanceCap,
      RULES.smuggleRisk +
        BASE[s.posture ?? 'standard'] +
        RULES.customsPerHeat * (s.heat ?? 0) +
        (s.permit ? RULES.customsPermitBonus : 0) +
        (s.alert ? RULES.alertBonus : 0),
    ),
};

const heats = (): number[] => {
  const out: number[] = [];
  for (let h = 0; h < RULES.heatMax; h += 2) out.push(h);
  return [...out, RULES.heatMax];
};

const loads = (): number[] => [
  ...new Set([1, 2, 3, 4].map((q) => Math.round((RULES.maxPerCarrierTB * q) / 4))),
];

/** Collects measurement-vs-formula disagreements while rendering. */
class Ledger {
  problems: string[] = [];
  note(what: string, measured: number, predicted: number): number {
    if (measured !== predicted)
      this.problems.push(
        `odds: ${what}: the engine gives ${measured}%, the rulebook's formula ${predicted}%`,
      );
    return measured;
  }
}

const binomial = (n: number, k: number): number =>
  k === 0 ? 1 : (binomial(n, k - 1) * (n - k + 1)) / k;

/** Expected TB seized when each of `n` carriers of a `tb` TB trip is stopped with chance `p`. */
function expectedLoss(tb: number, n: number, p: number): number {
  let sum = 0;
  for (let k = 0; k <= n; k++)
    sum += binomial(n, k) * p ** k * (1 - p) ** (n - k) * Math.round((tb * k) / n);
  return sum;
}

function tripRow(
  ledger: Ledger,
  stage: Stage,
  tb: number,
  n: number,
  k: Limits,
  label?: string,
): (string | number)[] {
  const each = tb / n;
  const chance = ledger.note(
    `customs, ${label ?? stage.posture} with ${each} TB a carrier`,
    customsChance(stage, each),
    predict.customs(stage, each, k),
  );
  const p = chance / 100;
  const state = quietState();
  const cost = courierData.cost({ state, seat: probeSeat(state) }, { carriers: n, tb }).cash ?? 0;
  const cells = [
    n,
    Number(each.toFixed(1)),
    `$${cost}`,
    pct(chance),
    share(1 - (1 - p) ** n),
    share(p ** n),
    Math.round(expectedLoss(tb, n, p)),
  ];
  return label ? [label, ...cells.slice(3)] : cells;
}

export function renderOdds(k: Limits): { body: string; problems: string[] } {
  const ledger = new Ledger();
  const R = RULES;
  const out: string[] = [];

  out.push(
    '### Customs, per carrier',
    `Chance that customs stop one carrier, in percent: **the hub's customs base (lax ${R.customsLax}, standard ${R.customsStandard}, strict ${R.customsStrict}) + ${R.customsLoadAtFull} × (TB in the bag ÷ ${R.maxPerCarrierTB})², rounded + ${R.customsPermitBonus} under a permit regime + ${R.alertBonus} while a customs alert is in force + ${R.customsPerHeat} × the firm's heat**, at most ${k.chanceCap}. A stopped carrier's share of the drives (the trip's TB × stopped carriers ÷ carriers, rounded) is seized, and the firm gains ${R.seizedHeatPerCarrier} heat per stopped carrier.`,
    `Chance per carrier with no heat, no permit regime and no alert:`,
    table(
      ['TB in the bag', ...POSTURES],
      loads().map((tb) => [
        tb,
        ...POSTURES.map((p) =>
          pct(
            ledger.note(
              `customs, ${p} with ${tb} TB`,
              customsChance({ posture: p }, tb),
              predict.customs({ posture: p }, tb, k),
            ),
          ),
        ),
      ]),
      ['r', 'r', 'r', 'r'],
    ),
  );

  const trip = STORY_TB;
  const fewest = Math.ceil(trip / R.maxPerCarrierTB);
  const counts = Array.from({ length: R.maxCarriers }, (_, i) => i + 1).filter((n) => n >= fewest);
  const head = [
    'Carriers',
    'TB each',
    'Cost',
    'Chance per carrier',
    'At least one stopped',
    'All stopped',
    'Expected TB seized',
  ];
  out.push(
    `#### Worked example: ${trip} TB through lax customs`,
    fewest > 1
      ? `One suitcase cannot hold ${trip} TB: a carrier takes at most ${R.maxPerCarrierTB} TB, so the trip needs at least ${fewest} carriers. No heat, no permit regime, no alert:`
      : `No heat, no permit regime, no alert:`,
    counts.length > 0
      ? table(
          head,
          counts.map((n) => tripRow(ledger, { posture: 'lax' }, trip, n, k)),
          ['r', 'r', 'r', 'r', 'r', 'r', 'r'],
        )
      : `With at most ${R.maxCarriers} carriers of ${R.maxPerCarrierTB} TB, ${trip} TB cannot travel in one trip.`,
  );
  if (counts.length > 0) {
    const n = counts[counts.length - 1];
    const cases: [string, Stage][] = [
      ['lax, no heat', { posture: 'lax' }],
      ['lax, heat 3', { posture: 'lax', heat: 3 }],
      ['lax, customs alert', { posture: 'lax', alert: true }],
      ['lax, permit regime', { posture: 'lax', permit: true }],
      ['standard, no heat', { posture: 'standard' }],
      ['strict, no heat', { posture: 'strict' }],
      ['strict, alert, heat 3', { posture: 'strict', alert: true, heat: 3 }],
    ];
    out.push(
      `The same ${trip} TB split over ${n} carriers (${trip / n} TB each), under other conditions:`,
      table(
        ['Conditions', ...head.slice(3)],
        cases.map(([label, stage]) => tripRow(ledger, stage, trip, n, k, label)),
        ['l', 'r', 'r', 'r', 'r'],
      ),
    );
  }

  out.push(
    '### Carrying a trained model home',
    `One engineer carries the weights; exit customs at the hub roll once, at **${R.carryRiskPct}% of the chance for a near-empty bag there, rounded**. If stopped, the model is lost and the firm gains ${R.seizedHeatPerCarrier} heat.`,
    table(
      ['Heat', ...POSTURES, 'strict, alert'],
      [0, 4, R.heatMax].map((h) => [
        h,
        ...POSTURES.map((p) =>
          pct(
            ledger.note(
              `carry home, ${p} heat ${h}`,
              carryChance({ posture: p, heat: h }),
              predict.carry({ posture: p, heat: h }, k),
            ),
          ),
        ),
        pct(
          ledger.note(
            `carry home, strict alert heat ${h}`,
            carryChance({ posture: 'strict', alert: true, heat: h }),
            predict.carry({ posture: 'strict', alert: true, heat: h }, k),
          ),
        ),
      ]),
      ['r', 'r', 'r', 'r', 'r'],
    ),
  );

  out.push(
    '### End-use checks, audits and cloud screening',
    `Each roll is made separately for every hidden entity (or lease) of every firm, with that firm's heat.`,
    [
      `- **End-use check** (per hidden entity in the hub): **${R.checkBase} + ${R.checkPerHeat} × heat + ${R.checkPermitBonus} under a permit regime + ${R.checkLicenceBonus} where exports need a licence − ${R.checkLowStandingPenalty} where the hub's standing is below ${R.lowStanding}**, from ${k.checkFloor} to ${k.chanceCap}.`,
      `- **Distributor audit** (per hidden entity in the hub): **${R.auditBase} + ${R.auditPerHeat} × heat**, at most ${k.chanceCap}.`,
      `- **Know-your-customer screening** (per unexposed lease, each round the rule is in force): **${R.kycDetectBase} + ${R.kycDetectPerHeat} × heat**.`,
    ].join('\n'),
    table(
      [
        'Heat',
        'Check',
        'Check, permit regime',
        'Check, licence',
        'Check, low standing',
        'Audit',
        'Screening',
      ],
      heats().map((h) => [
        h,
        pct(
          ledger.note(
            `check heat ${h}`,
            findChance({ heat: h }, 'check'),
            predict.check({ heat: h }, false, k),
          ),
        ),
        pct(
          ledger.note(
            `check, permit, heat ${h}`,
            findChance({ heat: h, permit: true }, 'check'),
            predict.check({ heat: h, permit: true }, false, k),
          ),
        ),
        pct(
          ledger.note(
            `check, licence, heat ${h}`,
            findChance({ heat: h, licence: true }, 'check'),
            predict.check({ heat: h, licence: true }, false, k),
          ),
        ),
        pct(
          ledger.note(
            `check, low standing, heat ${h}`,
            findChance({ heat: h, standing: R.lowStanding - 1 }, 'check'),
            predict.check({ heat: h }, true, k),
          ),
        ),
        pct(
          ledger.note(
            `audit heat ${h}`,
            findChance({ heat: h }, 'audit'),
            predict.audit({ heat: h }, k),
          ),
        ),
        pct(ledger.note(`screening heat ${h}`, kycChance({ heat: h }), predict.kyc({ heat: h }))),
      ]),
      ['r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );

  out.push(
    '### Smuggling',
    `Chance a smuggled pod is caught: **${R.smuggleRisk} + the hub's customs base + ${R.customsPerHeat} × heat + ${R.customsPermitBonus} under a permit regime + ${R.alertBonus} during a customs alert**, at most ${k.chanceCap}.`,
    table(
      ['Heat', ...POSTURES],
      heats().map((h) => [
        h,
        ...POSTURES.map((p) =>
          pct(
            ledger.note(
              `smuggling, ${p} heat ${h}`,
              smuggleChance({ posture: p, heat: h }),
              predict.smuggle({ posture: p, heat: h }, k),
            ),
          ),
        ),
      ]),
      ['r', 'r', 'r', 'r'],
    ),
    `At heat 0 with standard customs: ${(
      [
        ['under a permit regime', { permit: true }],
        ['during a customs alert', { alert: true }],
        ['with both', { permit: true, alert: true }],
      ] as const
    )
      .map(([label, stage]) => {
        const st: Stage = { posture: 'standard', heat: 0, ...stage };
        return `${pct(ledger.note(`smuggling ${label}`, smuggleChance(st), predict.smuggle(st, k)))} ${label}`;
      })
      .join(', ')}.`,
  );
  return { body: out.join('\n\n'), problems: ledger.problems };
}
