import type { AccessKeyOwner } from '../account';
import { authorizeCaller, explainDecision } from '../iam';
import type { ServiceCall } from '../service';
import type { SsmParameterScenario } from '../scenario';
import { AwsServiceError, validateInput } from '../wire';
import { accessDenied, parameterNotFound, validationError } from './errors';
import type { SsmModel } from './model';

/** `GetParameter`'s output member, as the SDK reads it (`LastModifiedDate` in epoch seconds). */
export interface SsmParameter {
	Name: string;
	Type: SsmParameterScenario['type'];
	Value: string;
	Version: number;
	LastModifiedDate: number;
	ARN: string;
	DataType: 'text';
}

/**
 * `GetParameter {Name, WithDecryption?}` for a signed caller: check the input, ask IAM whether the
 * caller may `ssm:GetParameter` on the parameter's ARN (the decision is shown beside the
 * exchange), then look the parameter up. Authorization comes before existence, so a caller who may
 * not read a name learns nothing about whether it exists.
 */
export function getParameter(
	model: SsmModel,
	input: Record<string, unknown>,
	caller: AccessKeyOwner,
	call: ServiceCall
): { Parameter: SsmParameter } {
	// Check the input
	try {
		validateInput(input, {
			Name: { type: 'string', required: true },
			WithDecryption: { type: 'boolean' }
		});
	} catch (error) {
		// Same Coral wording as the user pool's, under SSM's own error type.
		if (error instanceof AwsServiceError) throw validationError(error.message);
		throw error;
	}
	const name = input.Name as string;
	const arn = model.arnOf(name);

	// Check IAM allows the caller to read this parameter
	const action = 'ssm:GetParameter';
	const decision = authorizeCaller(caller, { action, resource: arn, context: {} });
	call.explain(explainDecision(`IAM: ${action} on ${arn}`, decision));
	if (decision.effect !== 'Allow') throw accessDenied(caller, action, arn, decision);

	// Find the parameter
	const parameter = model.find(name);
	if (!parameter) throw parameterNotFound();
	return {
		Parameter: {
			Name: parameter.name,
			Type: parameter.type,
			Value: parameter.value,
			Version: 1,
			LastModifiedDate: Math.floor(model.createdAt / 1000),
			ARN: model.arnOf(parameter.name),
			DataType: 'text'
		}
	};
}
