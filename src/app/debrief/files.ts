import type { ReplayFile, RoundSummary } from '../../../game/replay';

/** Hands the browser a file to save. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const replayName = (file: ReplayFile, withMessages = false): string =>
  `chokepoint-${file.id}${withMessages ? '-with-messages' : ''}.json`;

/** The file to save: without its talk unless `withMessages` (the talk stays with who asked). */
export function replayToSave(file: ReplayFile, withMessages: boolean): ReplayFile {
  const { messages, ...rest } = file;
  return withMessages && messages ? { ...rest, messages } : rest;
}

export const downloadReplay = (file: ReplayFile, withMessages = false): void =>
  download(
    replayName(file, withMessages),
    JSON.stringify(replayToSave(file, withMessages), null, 1),
    'application/json',
  );

const KEY = 'chokepoint:debrief';

/** Keeps a finished local match's file for the debrief page (this tab only). */
export function keepForDebrief(file: ReplayFile): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(file));
  } catch {
    // A full or disabled storage: the debrief page then asks for the file.
  }
}

export const keptForDebrief = (): string | null => {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
};

const cell = (v: string | number): string => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per round: the indicators, cards, signals and searches, and who led. */
export function roundsCsv(rounds: readonly RoundSummary[]): string {
  const firms = Object.keys(rounds[0]?.capability ?? {});
  const head = [
    'round',
    'from',
    'to',
    'frontier',
    ...firms.map((f) => `capability ${f}`),
    'control level',
    'tension',
    'vendor cash',
    'hub investment',
    'cards',
    'signals',
    'searches',
    'would win now',
  ];
  const rows = rounds.map((r) => [
    r.round,
    r.from,
    r.to,
    r.frontier,
    ...firms.map((f) => r.capability[f] ?? ''),
    r.controlLevel,
    r.tension,
    r.vendorCash,
    r.hubInvestment,
    r.cards.join('; '),
    r.signals.join('; '),
    r.searches.join('; '),
    r.leaders.join('; '),
  ]);
  return [head, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
