import type { Explanation, ExplanationCheck } from '../exchange';

/**
 * The labelled checks one decision went through, kept as it goes so the inspector can show
 * how far a request got: `fail` records the check and throws the AWS error it ends with.
 *
 * @example
 * const trail = new CheckTrail();
 * if (!claims.aud) trail.fail('Has aud', 'missing', invalidLoginToken('Missing a required claim: aud'));
 * trail.pass('Has aud', claims.aud);
 */
export class CheckTrail {
	readonly checks: ExplanationCheck[] = [];

	pass(label: string, value: string, note?: string): void {
		this.checks.push({ label, value, verdict: 'pass', ...(note && { note }) });
	}

	skip(label: string, value: string, note?: string): void {
		this.checks.push({ label, value, verdict: 'skip', ...(note && { note }) });
	}

	fail(label: string, value: string, error: Error, note?: string): never {
		this.checks.push({ label, value, verdict: 'fail', note: note ?? error.message });
		throw error;
	}

	get failed(): boolean {
		return this.checks.some((c) => c.verdict === 'fail');
	}

	/** The checks as one explanation; `undefined` when nothing was checked. */
	explanation(kind: string, title: string): Explanation | undefined {
		if (this.checks.length === 0) return undefined;
		return { kind, title, verdict: this.failed ? 'fail' : 'pass', checks: [...this.checks] };
	}
}
