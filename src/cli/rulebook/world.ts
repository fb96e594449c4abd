import { podCapacity } from '../../../game/access';
import { CARDS, DECKS } from '../../../game/events/cards';
import type { EffectOp } from '../../../game/events/types';
import { HUBS, PLACES } from '../../../game/ids';
import { HUB_START, PLACE_INFO, ROUTES, type RouteKind } from '../../../game/map';
import { SCENARIOS } from '../../../game/scenarios';
import type { Place } from '../../../game/state';
import { table } from './markdown';
import { EFFECT_MEANINGS } from './meanings';

/** The map, the routes, the card effects and the event deck. */

const KIND_TEXT: Record<string, string> = {
  home: "the AI firms' home: data is prepared here, couriers leave from here, home training happens here",
  regulator: "the regulator's country",
  foundry: 'where the chips are made; the vendor ships servers from here to the hubs',
  hub: 'a data-centre hub the firms can rent servers in',
};

export function renderMap(): string {
  const others = PLACES.filter((p) => PLACE_INFO[p].kind !== 'hub').map((p) => [
    PLACE_INFO[p].name,
    `\`${p}\``,
    KIND_TEXT[PLACE_INFO[p].kind] ?? PLACE_INFO[p].kind,
  ]);
  const hubs = HUBS.map((h) => {
    const s = HUB_START[h];
    const place: Place = {
      id: h,
      capacityMW: s.capacityMW,
      servers: s.servers,
      demand: 0,
      demandLast: 0,
      standing: s.standing,
      customs: s.customs,
      permit: s.permit,
      licence: false,
      leasingFund: false,
      alertUntil: 0,
      pressure: 0,
    };
    return [
      PLACE_INFO[h].name,
      `\`${h}\``,
      s.capacityMW,
      podCapacity(place),
      s.servers,
      s.standing,
      s.customs,
      s.permit === 'permit' ? 'yes' : 'no',
    ];
  });
  const routes = (kind: RouteKind) =>
    ROUTES.filter((r) => r.kind === kind)
      .map((r) => `${PLACE_INFO[r.from].name} → ${PLACE_INFO[r.to].name}`)
      .join(', ');
  return [
    table(['Place', 'Code', 'What it is'], others),
    'The hubs, as the map starts them (a scenario may change any of this; see Scenarios):',
    table(
      [
        'Hub',
        'Code',
        'Capacity (MW)',
        'Pods it holds',
        'Servers installed (pods)',
        'Standing',
        'Customs',
        'Permit regime',
      ],
      hubs,
      ['l', 'l', 'r', 'r', 'r', 'r', 'l', 'l'],
    ),
    [
      `- **Courier routes:** ${routes('courier') || 'none'}.`,
      `- **Shipment routes:** ${routes('shipment') || 'none'}.`,
      `- **Smuggling routes drawn on the board:** ${routes('smuggling') || 'none'}.`,
    ].join('\n'),
  ].join('\n\n');
}

export function renderEffects(): string {
  const used = (op: string) => CARDS.filter((c) => c.effects.some((e) => e.op === op)).length;
  return table(
    ['Effect', 'What it does', 'Cards using it'],
    (Object.keys(EFFECT_MEANINGS) as EffectOp['op'][]).map((op) => [
      `\`${op}\``,
      EFFECT_MEANINGS[op],
      used(op),
    ]),
    ['l', 'l', 'r'],
  );
}

export function renderCards(): string {
  const deckNames = Object.keys(DECKS).filter((d) => d !== 'all') as (keyof typeof DECKS)[];
  const decksOf = (id: string) => deckNames.filter((d) => DECKS[d].includes(id)).join(', ') || '—';
  const usedBy = (d: keyof typeof DECKS) =>
    Object.values(SCENARIOS)
      .filter(
        (s) => s.deck.length === DECKS[d].length && s.deck.every((id, i) => id === DECKS[d][i]),
      )
      .map((s) => `\`${s.id}\``)
      .join(', ') || '—';
  return [
    table(
      ['Deck', 'Cards', 'Used by'],
      (Object.keys(DECKS) as (keyof typeof DECKS)[]).map((d) => [
        `\`${d}\``,
        DECKS[d].length,
        usedBy(d),
      ]),
      ['l', 'r', 'l'],
    ),
    table(
      ['Card', 'Date', 'Source', 'What it does', 'Helps', 'Decks'],
      CARDS.map((c) => [
        `${c.title} (\`${c.id}\`)`,
        c.date,
        c.source,
        c.effectText,
        c.favours,
        decksOf(c.id),
      ]),
    ),
  ].join('\n\n');
}
