import type { MoveSpec } from '../moves/types';

/**
 * The published order of resolution. Cards first (history happens), then each role's orders in
 * a fixed sequence, then the world moves. A number here is what a log line's `step` refers to.
 */
export const RESOLUTION_STEPS = [
  'Planning',
  'Cards played',
  'Hub governments',
  'Regulator: rules and diplomacy',
  'Chip vendor',
  'AI firms',
  'Regulator: enforcement',
  'Rules and deliveries fall due',
  'Couriers arrive',
  'Trainings finish',
  'Cloud screening',
  'Income and rent',
  'Pressure, tension and heat',
  'Markets report',
  'Frontier and standings',
] as const;
export type ResolutionStep = (typeof RESOLUTION_STEPS)[number];

export const stepNumber = (name: ResolutionStep): number => RESOLUTION_STEPS.indexOf(name);

/** The step at which a move's orders resolve. */
export function stepOfMove(spec: MoveSpec): number {
  switch (spec.role) {
    case 'hub':
      return stepNumber('Hub governments');
    case 'vendor':
      return stepNumber('Chip vendor');
    case 'firm':
      return stepNumber('AI firms');
    case 'regulator':
      return spec.family === 'Enforcement'
        ? stepNumber('Regulator: enforcement')
        : stepNumber('Regulator: rules and diplomacy');
  }
}
