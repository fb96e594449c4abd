// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import Rulebook from '../../src/app/rules/Rulebook';
import { parseMarkdown, searchSections, sections } from '../../src/app/rules/markdown';

/** The rules dialog a player opens: linked contents, search, no developer text. */

afterEach(cleanup);

const rules = readFileSync('RULES.md', 'utf8');

describe('the rules dialog', () => {
  it('lists every section in linked contents, and each link lands on its heading', async () => {
    render(<Rulebook onClose={() => {}} />);
    const nav = await screen.findByRole('navigation', { name: 'Contents' });
    const links = within(nav).getAllByRole('link');
    const titles = [...rules.matchAll(/^## (.+)$/gm)]
      .map((m) => m[1])
      .filter((t) => t !== 'Contents');
    expect(links.map((a) => a.textContent)).toEqual(titles);
    for (const a of links) {
      const id = (a.getAttribute('href') ?? '').slice(1);
      expect(document.getElementById(id), id).not.toBeNull();
    }
    const target = links[2];
    fireEvent.click(target);
    expect(document.activeElement?.id).toBe(target.getAttribute('href')?.slice(1));
  });

  it('every link inside the text points at a heading of the dialog', async () => {
    render(<Rulebook onClose={() => {}} />);
    await screen.findByRole('navigation', { name: 'Contents' });
    const inText = [...document.querySelectorAll('.rules-section a')];
    expect(inText.length).toBeGreaterThan(0);
    for (const a of inText)
      expect(document.getElementById((a.getAttribute('href') ?? '').slice(1))).not.toBeNull();
  });

  it('searches: keeps only the sections that mention the words, marked', async () => {
    render(<Rulebook onClose={() => {}} />);
    await screen.findByRole('navigation', { name: 'Contents' });
    const all = document.querySelectorAll('.rules-section').length;
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the rules' }), {
      target: { value: 'heat' },
    });
    const kept = document.querySelectorAll('.rules-section');
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all);
    for (const s of kept) expect(s.textContent?.toLowerCase()).toContain('heat');
    expect(document.querySelectorAll('mark').length).toBeGreaterThan(0);
    expect(screen.getByText(/sections? mentions? “heat”/)).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'zzzqqq' } });
    expect(document.querySelectorAll('.rules-section').length).toBe(0);
    expect(screen.getByText('Nothing in the rules mentions “zzzqqq”.')).toBeTruthy();
  });

  it('shows no developer text and closes with Escape', async () => {
    const onClose = vi.fn();
    render(<Rulebook onClose={onClose} />);
    await screen.findByRole('navigation', { name: 'Contents' });
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/npm run|generated:|<!--|tightenPc/);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('search matches words anywhere in a section, tables included', () => {
    const all = sections(parseMarkdown(rules));
    const found = searchSections(all, 'carrier strict');
    expect(found.length).toBeGreaterThan(0);
    expect(searchSections(all, '')).toBe(all);
  });
});
