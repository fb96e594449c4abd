import type { HubId, Permit, PlaceId, Posture } from './ids';

/** Fixed facts about a place: its name, what it is, where it sits on the drawn map. */
export interface PlaceInfo {
  id: PlaceId;
  name: string;
  kind: 'home' | 'regulator' | 'foundry' | 'hub';
  /** Position on the board's 1000 x 600 map. */
  x: number;
  y: number;
}

export const PLACE_INFO: Record<PlaceId, PlaceInfo> = {
  US: { id: 'US', name: 'United States', kind: 'regulator', x: 110, y: 170 },
  CN: { id: 'CN', name: 'China', kind: 'home', x: 640, y: 150 },
  TW: { id: 'TW', name: 'Taiwan', kind: 'foundry', x: 780, y: 250 },
  MY: { id: 'MY', name: 'Malaysia', kind: 'hub', x: 640, y: 430 },
  SG: { id: 'SG', name: 'Singapore', kind: 'hub', x: 700, y: 500 },
  TH: { id: 'TH', name: 'Thailand', kind: 'hub', x: 590, y: 340 },
  ID: { id: 'ID', name: 'Indonesia', kind: 'hub', x: 800, y: 540 },
  SA: { id: 'SA', name: 'Saudi Arabia', kind: 'hub', x: 330, y: 360 },
  AE: { id: 'AE', name: 'UAE', kind: 'hub', x: 410, y: 390 },
  QA: { id: 'QA', name: 'Qatar', kind: 'hub', x: 380, y: 310 },
};

/** Starting public facts of each hub before a scenario overrides them (2024, approx.). */
export interface HubStart {
  capacityMW: number;
  servers: number;
  standing: number;
  customs: Posture;
  permit: Permit;
}

export const HUB_START: Record<HubId, HubStart> = {
  MY: { capacityMW: 500, servers: 3, standing: 6, customs: 'lax', permit: 'none' },
  SG: { capacityMW: 1400, servers: 6, standing: 8, customs: 'standard', permit: 'none' },
  TH: { capacityMW: 360, servers: 1, standing: 6, customs: 'lax', permit: 'none' },
  ID: { capacityMW: 500, servers: 2, standing: 5, customs: 'lax', permit: 'none' },
  SA: { capacityMW: 200, servers: 1, standing: 6, customs: 'standard', permit: 'none' },
  AE: { capacityMW: 300, servers: 2, standing: 7, customs: 'standard', permit: 'none' },
  QA: { capacityMW: 100, servers: 0, standing: 6, customs: 'standard', permit: 'none' },
};

export type RouteKind = 'courier' | 'shipment' | 'smuggling';

export interface Route {
  from: PlaceId;
  to: PlaceId;
  kind: RouteKind;
}

const HUB_IDS: HubId[] = ['MY', 'SG', 'TH', 'ID', 'SA', 'AE', 'QA'];

/** Couriers fly from the firms' home to every hub; the foundry ships chips to every hub. */
export const ROUTES: Route[] = [
  ...HUB_IDS.map((to): Route => ({ from: 'CN', to, kind: 'courier' })),
  ...HUB_IDS.map((to): Route => ({ from: 'TW', to, kind: 'shipment' })),
  { from: 'US', to: 'TW', kind: 'shipment' },
  { from: 'SG', to: 'MY', kind: 'smuggling' },
];
