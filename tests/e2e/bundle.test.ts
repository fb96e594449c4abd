import { describe, expect, it } from 'vitest';
import { measureFirstScreenBundle } from '../../bench/board/index';

describe('bundle budget', () => {
  it('keeps the JavaScript the first screen loads at or under 170 KB gzipped', () => {
    // dist/ is the production build the e2e global setup made; heavy screens load lazily.
    const first = measureFirstScreenBundle();
    expect(first.files.length).toBeGreaterThan(0);
    expect(first.gzipKB, `first screen loads ${first.files.join(', ')}`).toBeLessThanOrEqual(
      first.targetKB,
    );
  });
});
