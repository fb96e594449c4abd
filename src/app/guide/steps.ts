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
    text: 'Each circle is a place. The hubs (Malaysia, Singapore, the Gulf…) rent out servers: the small squares above each hub are its server pods, filled when someone leases them. Point at or tab to a place to read its details.',
  },
  {
    target: 'role',
    title: 'Your role',
    text: 'This panel shows what you own, your goal and how close you are. Each role wins in its own way, so more than one player can win. Anything marked secret is seen by you alone.',
  },
  {
    target: 'news',
    title: 'The news',
    text: 'Every round opens with a real event from 2022–2025. Its effect has already happened. The log below it records what everyone did in public, and your own secret moves.',
  },
  {
    target: 'moves',
    title: 'Your moves',
    text: 'Open a move to see its cost, when it takes effect and what can go wrong. Pick the options and confirm. Greyed moves say why you cannot make them yet.',
  },
  {
    target: 'end',
    title: 'End your turn',
    text: 'You have a few actions each turn. When you have used them, or want to save money, press End turn. After every role has played, the round is resolved and a new one begins.',
  },
];
