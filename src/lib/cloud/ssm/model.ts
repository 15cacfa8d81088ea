import type { ServiceContext } from '../service';
import type { SsmParameterScenario } from '../scenario';

export type SsmModel = ReturnType<typeof createSsmModel>;

/**
 * Parameter Store as the scenario describes it: every parameter at version 1, last modified when
 * the cloud was created (SIM: a scenario has no history).
 */
export function createSsmModel(context: ServiceContext) {
	const { region, accountId } = context.scenario;
	const parameters: readonly SsmParameterScenario[] = context.scenario.ssm?.parameters ?? [];
	const prefix = `arn:aws:ssm:${region}:${accountId}:parameter/`;
	return {
		region,
		createdAt: context.clock.now(),
		/**
		 * The ARN IAM authorizes: the name without its leading slash after `parameter/`
		 * (`/flow-lab/banner` → `arn:aws:ssm:us-east-1:111122223333:parameter/flow-lab/banner`). A
		 * name given as an ARN is used as it is.
		 */
		arnOf(nameOrArn: string): string {
			return nameOrArn.startsWith('arn:') ? nameOrArn : prefix + nameOrArn.replace(/^\//, '');
		},
		/** The parameter a `Name` (or this account's ARN) names, if the store holds it. */
		find(nameOrArn: string): SsmParameterScenario | undefined {
			return parameters.find(
				(p) => p.name === nameOrArn || prefix + p.name.replace(/^\//, '') === nameOrArn
			);
		}
	};
}
