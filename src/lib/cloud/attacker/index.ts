// The simulated attacker: a collector for stolen data. Small and dependency-free, so a flow
// definition may name its host without pulling services into the first load.
export { attackerCollectorHost } from './attacker-host';
export {
	collectedBodyLimit,
	createCollectorService,
	type CollectedRequest,
	type CollectorService
} from './collector-service';
