export { defaultScenario } from './default-scenario';
export { resolveScenario } from './resolve-scenario';
export { ScenarioError } from './scenario-error';
export type * from './types';
