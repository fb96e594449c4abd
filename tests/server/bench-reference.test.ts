import { describe, expect, it } from 'vitest';
import { referenceWorkMs } from '../../bench/server/reference';
import { chokepointScript } from '../../bench/server/script';

/**
 * `npm run bench`'s server section first times a fixed piece of the server's work (the scripted
 * classroom game through the direct step, every seat's view after each move) to tell a slow
 * machine from a slow server. It must keep playing the classroom as the lobby seats it.
 */
describe("the server bench's reference work", () => {
  it('plays the scripted classroom game to the end with every seat, the facilitator included', () => {
    expect(chokepointScript('classroom', 'bench').size).toBeGreaterThan(50);
    expect(referenceWorkMs(1)).toBeGreaterThan(0);
  });
});
