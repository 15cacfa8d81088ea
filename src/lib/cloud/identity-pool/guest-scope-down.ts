import type { PolicyDocument } from '../scenario';

/**
 * The session policy the enhanced flow attaches to guest credentials (cognito.md §7.9): effective
 * permissions are the guest role's policies intersected with this list of services, so a guest
 * role that allows more (say `iam:*`) still cannot use it. The list is the documented 2023 one
 * (⚠ AWS may have changed it since, and also attaches a managed session policy whose combination
 * with the list is not documented; SIM: the inline list alone).
 */
export const guestScopeDownPolicy: PolicyDocument = {
	Version: '2012-10-17',
	Statement: [
		{
			Sid: 'CognitoGuestScopeDown',
			Effect: 'Allow',
			Action: [
				'firehose:*',
				'kinesisanalytics:*',
				'sqs:*',
				'sumerian:*',
				'mobileanalytics:*',
				'ses:*',
				'lambda:*',
				'kms:Encrypt',
				'kms:Decrypt',
				'kms:ReEncryptTo',
				'kms:ReEncryptFrom',
				'kms:GenerateDataKey*',
				'dynamodb:*',
				'sdb:*',
				'appsync:*',
				'geo:*',
				'sns:*',
				'gamelift:*',
				'iot:*',
				'codewhisperer:*',
				'comprehend:*',
				'lex:*',
				'machinelearning:*',
				'personalize:*',
				'polly:*',
				'rekognition:*',
				'sagemaker:InvokeEndpoint',
				'textract:DetectDocumentText',
				'textract:AnalyzeDocument',
				'transcribe:*',
				'translate:*',
				'cloudwatch:*',
				'logs:*',
				'execute-api:*',
				'cognito-identity:*',
				'cognito-idp:*',
				'cognito-sync:*',
				's3:*'
			],
			Resource: '*'
		}
	]
};
