import type { PolicyDocument } from '../scenario/types';

/** A policy by the name the console shows it under (inline policy name, or `Session policy`). */
export interface NamedPolicy {
	name: string;
	document: PolicyDocument;
}

/** What is being asked: one action on one resource, with the request's condition keys. */
export interface AuthorizationRequest {
	/** `service:Operation`, e.g. `s3:GetObject`; matched case-insensitively. */
	action: string;
	/** An ARN, e.g. `arn:aws:s3:::notes/us-east-1:1234/todo.txt`; matched case-sensitively. */
	resource: string;
	/** Condition keys (`cognito-identity.amazonaws.com:sub`, `s3:prefix`, …); arrays are multi-valued. */
	context: Record<string, string | string[]>;
}

/** One statement as evaluated: whether it applied to the request, and why (for the inspector). */
export interface EvaluatedStatement {
	policy: string;
	/** Position in the policy's `Statement` list, from 0. */
	index: number;
	sid?: string;
	effect: 'Allow' | 'Deny';
	matched: boolean;
	why: string;
	/** Identity (or trust) policy, or a session policy that can only narrow it. */
	source: 'identity' | 'session';
	/** The statement as written (a `PolicyStatement` unless the policy is malformed), for showing. */
	statement: unknown;
}

/**
 * IAM's answer: an explicit `Deny` anywhere wins, then an `Allow` (in the identity policies and,
 * when there are session policies, in one of them too), otherwise the default implicit deny.
 */
export interface PolicyDecision {
	effect: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
	statements: EvaluatedStatement[];
}
