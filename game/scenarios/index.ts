import classroom from './data/classroom.json';
import permit2025 from './data/permit2025.json';
import suitcase2024 from './data/suitcase2024.json';
import tiered2025 from './data/tiered2025.json';
import { formatErrors, parseScenario, type Scenario } from './schema';

function mustParse(data: unknown): Scenario {
  const result = parseScenario(data);
  if (!result.ok) throw new Error(`A shipped scenario is invalid:\n${formatErrors(result.errors)}`);
  return result.scenario;
}

/** The scenarios the game ships, by id, in the order the start screen lists them. */
export const SCENARIOS: Record<string, Scenario> = Object.fromEntries(
  [classroom, suitcase2024, tiered2025, permit2025].map((data) => {
    const scenario = mustParse(data);
    return [scenario.id, scenario];
  }),
);

export const SCENARIO_IDS = Object.keys(SCENARIOS);

export { parseScenario, parseScenarioText, formatErrors } from './schema';
export type { Scenario, ScenarioError } from './schema';
