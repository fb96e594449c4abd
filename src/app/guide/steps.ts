/** The guided first round, in plain words. `target` names the part of the board to highlight. */
export interface GuideStep {
  target: 'map' | 'role' | 'news' | 'moves' | 'end';
  title: string;
  text: string;
}

export const GUIDE_STEPS: GuideStep[] = [
  {
    target: 'map',
    title: 'The map',
    text: 'Each circle is a place. The hubs (Malaysia, Singapore, the Gulf…) rent out servers: the small squares above each hub are its server pods, filled by the public demand reading — ordinary customers and any lab alike, so a rise is a clue, not proof. Point at or tab to a place to read its details.',
  },
  {
    target: 'role',
    title: 'Your role',
    text: 'This panel shows what you own, your goal and how close you are. Each role wins in its own way, so more than one player can win. Anything marked secret is seen by you alone.',
  },
  {
    target: 'news',
    title: 'The news',
    text: 'Each role holds dated cards from real events of 2022–2025 and may play one a round: for its event, for an extra order, or for capital. The news shows the cards played last round; the log records what everyone did in public, and your own secret moves.',
  },
  {
    target: 'moves',
    title: 'Your orders',
    text: 'Everyone plans at the same time, in secret. Under "Add an order", open a move to see its cost, when it takes effect and what can go wrong, pick the options and add it. Your planned orders are numbered; withdraw any until you submit.',
  },
  {
    target: 'end',
    title: 'Submit and seal',
    text: 'When your plan is ready, press Submit and seal orders. Everyone sees your seal (a fingerprint of your orders) but not the orders. When every role has submitted, all orders resolve in a fixed sequence and a recap shows what happened.',
  },
];
