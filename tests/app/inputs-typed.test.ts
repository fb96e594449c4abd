import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .tsx file under a folder. */
function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsxFiles(join(dir, e.name))
      : e.name.endsWith('.tsx')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('text fields', () => {
  it('say their type, so that the shared field style (size, contrast, 40 px touch height) applies', () => {
    const untyped: string[] = [];
    for (const file of tsxFiles(join(__dirname, '../../src/app'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/<input\b([\s\S]*?)\/>/g))
        if (!/\btype=/.test(m[1]))
          untyped.push(`${file}:${text.slice(0, m.index).split('\n').length}`);
    }
    expect(untyped).toEqual([]);
  });
});
