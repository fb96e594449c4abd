/**
 * The facts of a match a scenario's discussion prompts may name, as {placeholder}s; the
 * debrief fills them in (game/replay/prompts.ts). The scenario schema refuses any other name.
 */
export const PROMPT_FIELDS = {
  winners: 'who won, e.g. "Regulator and Chip vendor" (or "nobody")',
  losers: 'who did not win',
  rounds: 'rounds played',
  frontier: 'the frontier at the end',
  firms: "the AI firms' names",
  topFirm: 'the firm that ended with the most capability',
  topCapability: "that firm's capability",
  firstSeen: 'the round a hidden operation was first publicly traced to a firm (or "never")',
  hiddenOps: 'how many orders the firms gave in secret',
  unseenOps: 'how many of them were never publicly traced',
  seizedTB: 'terabytes of data seized by customs',
  checks: 'end-use checks the regulator made',
  checksFound: 'how many of them found something',
  controlLevel: 'the control level at the end',
  tension: 'the tension at the end',
} as const;

export type PromptField = keyof typeof PROMPT_FIELDS;

/** Every {name} a prompt uses. */
export const placeholdersOf = (text: string): string[] =>
  [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]);
