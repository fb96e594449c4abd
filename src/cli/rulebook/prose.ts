import { proseOnly } from './markdown';

/**
 * The hand-written prose of RULES.md may state a game number only by quoting it with its name,
 * `3 (\`tightenPc\`)`, `$2 (\`prepareCost\`)`, `40 TB (\`maxPerCarrierTB\`)`, `95% (\`chanceCap\`)`:
 * the value, an optional unit word or %, then the name in a code span in brackets. Every other
 * digit outside the generated sections is refused, except in the story section (real-world
 * figures), in the numbers of an ordered list and in references to a resolution step ("step 6").
 */

export const STORY_HEADING = '## What the game is about';

const QUOTE = /([+−-]?)(\$?)(\d+)(%| [A-Za-z]+)? \(`([A-Za-z][A-Za-z0-9]*)`\)/g;
const NAMED = /\(`([A-Za-z][A-Za-z0-9]*)`\)/g;

function withoutStory(prose: string): string {
  const start = prose.indexOf(`${STORY_HEADING}\n`);
  if (start < 0) return prose;
  const next = prose.indexOf('\n## ', start + STORY_HEADING.length);
  return prose.slice(0, start) + (next < 0 ? '' : prose.slice(next + 1));
}

/** Problems with the numbers in the prose: wrong quotes, names without numbers, bare digits. */
export function proseProblems(doc: string, values: Record<string, number>): string[] {
  const problems: string[] = [];
  let text = withoutStory(proseOnly(doc));
  text = text.replace(
    QUOTE,
    (
      whole: string,
      _sign: string,
      _dollar: string,
      digits: string,
      _unit: string | undefined,
      name: string,
    ) => {
      if (!Object.hasOwn(values, name))
        problems.push(
          `prose quotes "${whole}", but ${name} is not a number in RULES or the engine table`,
        );
      else if (Math.abs(values[name]) !== Number(digits))
        problems.push(`prose quotes "${whole}", but ${name} is ${values[name]}`);
      return '';
    },
  );
  for (const m of text.matchAll(NAMED)) {
    if (Object.hasOwn(values, m[1]))
      problems.push(`prose names (\`${m[1]}\`) without its number in front`);
  }
  text = text.replace(/^\s*\d+\.\s/gm, '').replace(/\b[Ss]teps? \d+\b/g, '');
  for (const line of text.split('\n')) {
    if (/\d/.test(line))
      problems.push(`prose states a number without quoting its name: "${line.trim()}"`);
  }
  return problems;
}

/** Names that must appear somewhere in RULES.md as code spans, e.g. every move and card effect. */
export function missingMentions(doc: string, names: readonly string[], what: string): string[] {
  return names
    .filter((n) => !doc.includes(`\`${n}\``))
    .map((n) => `RULES.md never mentions the ${what} \`${n}\``);
}
