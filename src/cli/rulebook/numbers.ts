import { RULES } from '../../../game/rules';
import { table } from './markdown';
import { ENGINE_MEANINGS, RULE_MEANINGS } from './meanings';

/** The "Numbers" table: every entry of RULES, and the numbers the engine fixes in code. */

export function renderNumbers(): string {
  return table(
    ['Name', 'Value', 'Meaning'],
    Object.entries(RULES).map(([name, value]) => [
      `\`${name}\``,
      value,
      RULE_MEANINGS[name] ?? '(no meaning written)',
    ]),
    ['l', 'r', 'l'],
  );
}

export function renderEngineNumbers(constants: Record<string, number>): string {
  return table(
    ['Name', 'Value', 'Meaning'],
    Object.entries(constants).map(([name, value]) => [
      `\`${name}\``,
      value,
      ENGINE_MEANINGS[name] ?? '(no meaning written)',
    ]),
    ['l', 'r', 'l'],
  );
}

export function numberProblems(constants: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(RULES)) {
    if (!RULE_MEANINGS[key])
      problems.push(`RULES.${key} has no meaning in src/cli/rulebook/meanings.ts (RULE_MEANINGS)`);
  }
  for (const key of Object.keys(RULE_MEANINGS)) {
    if (!Object.hasOwn(RULES, key))
      problems.push(`RULE_MEANINGS explains "${key}", which is no longer in RULES`);
  }
  for (const [key, value] of Object.entries(constants)) {
    if (!ENGINE_MEANINGS[key])
      problems.push(`engine number "${key}" has no meaning in ENGINE_MEANINGS`);
    if (!Number.isFinite(value)) problems.push(`engine number "${key}" could not be measured`);
    if (Object.hasOwn(RULES, key))
      problems.push(`engine number "${key}" has the same name as a RULES entry`);
  }
  return problems;
}

/** Every number the prose may quote by name. */
export function quotable(constants: Record<string, number>): Record<string, number> {
  return { ...RULES, ...constants };
}
