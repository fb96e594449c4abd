/**
 * The match's chat on the online board, against `npm start`'s server: two players who joined by
 * the link in two browsers, and a spectator in a third. One writes and presses Enter; the other
 * is told a message is new and reads it under the writer's seat and name, with its round; a
 * message the server refuses (too long) says why and stays in the box; the spectator reads but
 * has nothing to write with. No serious axe violation, and nothing wider than a phone's window.
 * TEST_CLUSTER=1 runs it against three processes behind nginx.
 */
import { describe, expect, it } from 'vitest';
import { PHONE, shot } from './harness';
import { axeProblems, createOnlineMatch, joinByLink, tooWide } from './flows';
import { useDeploymentAndBrowsers } from './fixture';

const LAPTOP = { width: 1280, height: 800 };

describe('table talk on the online board', () => {
  const live = useDeploymentAndBrowsers('talk', 3);

  it('carries a message from one seat to the other, refuses a long one with its reason, and fits a phone', async () => {
    const match = await createOnlineMatch(live.deployment.url, [
      { kind: 'person' },
      { kind: 'person' },
      { kind: 'bot' },
      { kind: 'bot' },
    ]);
    const ana = await live.browsers[0].page(LAPTOP);
    await joinByLink(ana, match.joinUrl, /Regulator/, 'Ana');
    const sam = await live.browsers[1].page(PHONE);
    await joinByLink(sam, match.joinUrl, /Chip vendor/, 'Sam');
    const eve = await live.browsers[2].page(LAPTOP);
    await eve.goto(`${live.deployment.url}/watch/${match.matchID}`);
    await eve.locator('.presence-seat', { hasText: 'Sam' }).waitFor();

    // Ana opens the talk from the strip; the line to write in has the focus; Enter sends.
    const anaToggle = ana.getByRole('button', { name: 'Table talk' });
    await anaToggle.click();
    expect(await anaToggle.getAttribute('aria-expanded')).toBe('true');
    const anaBox = ana.getByLabel('Message to everyone at the table');
    expect(await anaBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await ana.keyboard.type('Shall we keep the hubs open? <b>yes</b>');
    await ana.keyboard.press('Enter');
    const anaLog = ana.getByRole('log', { name: 'Messages at this table' });
    await anaLog.getByText('Shall we keep the hubs open? <b>yes</b>').waitFor();
    // The line clears when the server acknowledges the message, which may land after its echo.
    await expect.poll(() => anaBox.inputValue()).toBe('');
    expect(await anaLog.locator('li').innerText()).toMatch(/You \(Regulator\)\s*round 1/);

    // Sam, on a phone, is told there is a new message, and reads it under Ana's seat and name.
    const samToggle = sam.getByRole('button', { name: /Table talk/ });
    await sam.getByRole('button', { name: 'Table talk 1 new' }).waitFor();
    await samToggle.click();
    const samLog = sam.getByRole('log', { name: 'Messages at this table' });
    const said = samLog.locator('li', { hasText: 'Shall we keep the hubs open?' });
    await said.waitFor();
    expect(await said.innerText()).toMatch(/Regulator \(Ana\)\s*round 1/);
    // Text, never markup.
    expect(await samLog.locator('b').count()).toBe(0);
    expect(await samToggle.innerText()).not.toMatch(/new/);

    // Too long: the server refuses it, the reason is shown, and the text is kept to shorten.
    const long = `${'Export controls work only if the hubs check the end users. '.repeat(9)}`;
    expect(long.trim().length).toBeGreaterThan(500);
    const samBox = sam.getByLabel('Message to everyone at the table');
    await samBox.fill(long);
    await sam.getByText(/characters: too long/).waitFor();
    await sam.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = sam.getByRole('alert').filter({ hasText: 'Not sent.' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/too long: a message is at most 500 characters/);
    expect(await samBox.inputValue()).toBe(long);
    expect(await samBox.getAttribute('aria-invalid')).toBe('true');
    // A refused message is not a refused move: the strip above the board says nothing.
    expect(await sam.getByText('Move refused:').count()).toBe(0);
    await shot(sam, 'table-talk-phone-refused');
    expect(await tooWide(sam)).toEqual([]);
    expect(await axeProblems(sam)).toEqual([]);

    // Shortened, it goes, and Ana's open panel shows it as it arrives.
    await samBox.fill('Only if the audits come first.');
    await samBox.press('Enter');
    await samLog.getByText('Only if the audits come first.').waitFor();
    await expect(sam.getByRole('alert').filter({ hasText: 'Not sent.' }).count()).resolves.toBe(0);
    await anaLog.getByText('Only if the audits come first.').waitFor();
    expect(
      await anaLog.locator('li', { hasText: 'Only if the audits come first.' }).innerText(),
    ).toMatch(/Chip vendor \(Sam\)\s*round 1/);
    // The long one was never said.
    expect(await anaLog.locator('li').count()).toBe(2);
    await shot(ana, 'table-talk-laptop');
    expect(await tooWide(ana)).toEqual([]);
    expect(await axeProblems(ana)).toEqual([]);

    // Escape closes the panel and gives the focus back to its button.
    await anaBox.focus();
    await ana.keyboard.press('Escape');
    await anaLog.waitFor({ state: 'detached' });
    expect(await anaToggle.evaluate((el) => el === document.activeElement)).toBe(true);

    // The spectator reads both messages, and has no line to write in.
    await eve.getByRole('button', { name: 'Table talk 2 new' }).waitFor();
    await eve.getByRole('button', { name: /Table talk/ }).click();
    const eveLog = eve.getByRole('log', { name: 'Messages at this table' });
    await eveLog.getByText('Only if the audits come first.').waitFor();
    expect(await eveLog.locator('li').count()).toBe(2);
    expect(await eve.getByLabel('Message to everyone at the table').count()).toBe(0);
    await eve.getByText('only the players seated at this table can write here').waitFor();
    expect(await axeProblems(eve)).toEqual([]);

    // On a phone with the panel open, nothing is wider than the window.
    await eve.setViewportSize(PHONE);
    await shot(eve, 'table-talk-spectator-phone');
    expect(await tooWide(eve)).toEqual([]);
  });
});
