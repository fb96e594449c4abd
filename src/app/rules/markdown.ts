/** A tiny Markdown reader for the rulebook: headings, paragraphs, lists, tables, bold, italics, code. */
export type Block =
  | { kind: 'heading'; level: number; text: string; id: string }
  | { kind: 'para'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

/** GitHub's anchor for a heading (lower case, punctuation dropped, spaces to hyphens), so a link in RULES.md works on GitHub and in the game alike. */
export const slug = (s: string): string =>
  s
    .replace(/\*\*|`/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/ /g, '-');
const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r/g, '').split('\n');
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    if (h) {
      out.push({ kind: 'heading', level: h[1].length, text: h[2], id: slug(h[2]) });
      i++;
    } else if (/^\s*\|/.test(line) && /^\s*\|?\s*:?-{2,}/.test(lines[i + 1] ?? '')) {
      const head = cells(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(cells(lines[i++]));
      out.push({ kind: 'table', head, rows });
    } else if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i])) {
        let item = lines[i++].replace(/^\s*([-*]|\d+\.)\s+/, '');
        while (
          i < lines.length &&
          /^\s{2,}\S/.test(lines[i]) &&
          !/^\s*([-*]|\d+\.)\s+/.test(lines[i])
        )
          item += ` ${lines[i++].trim()}`;
        items.push(item);
      }
      out.push({ kind: 'list', ordered, items });
    } else if (line.trim() === '') {
      i++;
    } else {
      let text = line.trim();
      i++;
      while (
        i < lines.length &&
        lines[i].trim() !== '' &&
        !/^(#|\s*\||\s*([-*]|\d+\.)\s)/.test(lines[i])
      )
        text += ` ${lines[i++].trim()}`;
      out.push({ kind: 'para', text });
    }
  }
  return out;
}

export type Span =
  | { kind: 'text' | 'strong' | 'em' | 'code'; text: string }
  /** A link to a section of the same rulebook, by its anchor. */
  | { kind: 'link'; text: string; anchor: string };

/** Inline marks, no HTML: the rulebook is rendered as React text, never as markup. */
export function inline(raw: string): Span[] {
  // Links to other documents keep only their text; links within the rulebook stay links.
  const text = raw.replace(/\[([^\]]+)\]\((?!#)[^)]+\)/g, '$1');
  const out: Span[] = [];
  const re = /(\[[^\]]+\]\(#[a-z0-9-]+\)|\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*|_[^_\s][^_]*_)/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    const t = m[0];
    const link = /^\[([^\]]+)\]\(#([a-z0-9-]+)\)$/.exec(t);
    if (link) out.push({ kind: 'link', text: link[1], anchor: link[2] });
    else if (t.startsWith('**')) out.push({ kind: 'strong', text: t.slice(2, -2) });
    else if (t.startsWith('`')) out.push({ kind: 'code', text: t.slice(1, -1) });
    else out.push({ kind: 'em', text: t.slice(1, -1) });
    last = m.index + t.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** A top-level section of the rulebook: its heading and everything under it. */
export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  /** Its plain text, for the search. */
  text: string;
}

const plainText = (b: Block): string =>
  b.kind === 'heading' || b.kind === 'para'
    ? b.text
    : b.kind === 'list'
      ? b.items.join(' ')
      : [...b.head, ...b.rows.flat()].join(' ');

/**
 * The rulebook cut into its second-level sections, in order. What comes before the first one
 * (the title and introduction) is the section with an empty id; the "Contents" section is left
 * out, since the dialog draws its own linked contents from the sections.
 */
export function sections(blocks: Block[]): Section[] {
  const out: Section[] = [{ id: '', title: '', blocks: [], text: '' }];
  for (const b of blocks) {
    if (b.kind === 'heading' && b.level === 2)
      out.push({ id: b.id, title: b.text, blocks: [], text: '' });
    const s = out[out.length - 1];
    s.blocks.push(b);
    s.text += `${plainText(b).replace(/\*\*|`|\[|\]\(#[a-z0-9-]+\)/g, '')}\n`;
  }
  return out.filter((s) => s.id !== 'contents' && s.blocks.length > 0);
}

/** Sections whose text holds every word of the query (case-insensitive); all when it is blank. */
export function searchSections(all: Section[], query: string): Section[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return all;
  return all.filter((s) => words.every((w) => s.text.toLowerCase().includes(w)));
}
