// Systems Manager Parameter Store: a service outside the enhanced flow's guest scope-down.
export { createSsmService } from './ssm-service';
export type { SsmParameter } from './get-parameter';
