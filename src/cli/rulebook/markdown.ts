/** Plain GitHub-flavoured markdown helpers, and the generated-section markers of RULES.md. */

const cell = (value: string | number): string =>
  String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A markdown table; `align` marks right-aligned (numeric) columns with 'r'. */
export function table(
  head: string[],
  rows: (string | number)[][],
  align: ('l' | 'r')[] = [],
): string {
  const rule = head.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [head, rule, ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

export const pct = (n: number): string => `${n}%`;

/** A probability in [0, 1] as a whole percent, or to one decimal under 10%. */
export function share(p: number): string {
  const x = p * 100;
  if (x > 0 && x < 10) return `${x.toFixed(1)}%`;
  return `${Math.round(x)}%`;
}

export const money = (n: number): string => `$${n}`;

export const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export const openMarker = (name: string): string => `<!-- generated:${name} -->`;
export const closeMarker = (name: string): string => `<!-- /generated:${name} -->`;

export interface DocSection {
  name: string;
  /** The text between the markers, without the line breaks that frame it. */
  body: string;
  start: number;
  end: number;
}

/** Every generated section of a document, in order; unbalanced markers are reported. */
export function readSections(doc: string): { sections: DocSection[]; errors: string[] } {
  const sections: DocSection[] = [];
  const errors: string[] = [];
  const open = /<!-- generated:([a-z0-9-]+) -->/g;
  for (let m = open.exec(doc); m; m = open.exec(doc)) {
    const name = m[1];
    const close = closeMarker(name);
    const end = doc.indexOf(close, m.index);
    if (end < 0) {
      errors.push(`section "${name}" has no closing marker ${close}`);
      continue;
    }
    const inner = doc.slice(m.index + m[0].length, end);
    sections.push({
      name,
      body: inner.replace(/^\n/, '').replace(/\n$/, ''),
      start: m.index,
      end: end + close.length,
    });
    open.lastIndex = end + close.length;
  }
  const names = sections.map((s) => s.name);
  for (const name of new Set(names)) {
    if (names.filter((n) => n === name).length > 1)
      errors.push(`section "${name}" appears more than once`);
  }
  return { sections, errors };
}

export const framed = (name: string, body: string): string =>
  `${openMarker(name)}\n${body}\n${closeMarker(name)}`;

/** The document with each named section's body replaced; sections not named stay as they are. */
export function writeSections(doc: string, bodies: Record<string, string>): string {
  const { sections } = readSections(doc);
  let out = '';
  let at = 0;
  for (const s of sections) {
    out += doc.slice(at, s.start);
    out += Object.hasOwn(bodies, s.name)
      ? framed(s.name, bodies[s.name])
      : doc.slice(s.start, s.end);
    at = s.end;
  }
  return out + doc.slice(at);
}

/** The document with every generated section removed: the hand-written prose. */
export function proseOnly(doc: string): string {
  const { sections } = readSections(doc);
  let out = '';
  let at = 0;
  for (const s of sections) {
    out += doc.slice(at, s.start);
    at = s.end;
  }
  return out + doc.slice(at);
}
