import type { PlaceId } from '../../../game/engine';

/**
 * Where each place's label sits, in map units (the map is 1000 × 600), relative to its marker:
 * the name's baseline at (dx, dy), the facts line one line below, aligned by `anchor`. Chosen by
 * hand so that no label, badge or pod row touches another at the sizes the map is drawn; the
 * e2e screen guard (tests/e2e/screens.test.ts) measures every text box and fails on an overlap.
 * All of it is in map units, so it holds at any scale.
 */
export interface LabelSpot {
  dx: number;
  dy: number;
  anchor: 'start' | 'middle' | 'end';
}

export const LABEL_SPOT: Record<PlaceId, LabelSpot> = {
  US: { dx: 0, dy: 50, anchor: 'middle' },
  CN: { dx: 0, dy: 50, anchor: 'middle' },
  TW: { dx: 34, dy: 7, anchor: 'start' },
  TH: { dx: 34, dy: 12, anchor: 'start' },
  MY: { dx: -50, dy: 8, anchor: 'end' },
  SG: { dx: -50, dy: 8, anchor: 'end' },
  ID: { dx: -48, dy: 36, anchor: 'end' },
  SA: { dx: -50, dy: 10, anchor: 'end' },
  QA: { dx: 0, dy: -72, anchor: 'middle' },
  AE: { dx: -20, dy: 50, anchor: 'end' },
};

/** The facts line sits this far below the name. */
export const FACTS_GAP = 24;
