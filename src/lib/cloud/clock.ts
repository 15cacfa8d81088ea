/**
 * The only source of time for the simulated cloud. By default it runs with the host clock (SRP
 * `TIMESTAMP`s and aws-jwt-verify's `exp` check read the host clock, so the two must agree) plus an
 * offset a learner can push forward to watch tokens expire. Tests pin it with `fixed`.
 */
export interface Clock {
	/** Simulated epoch milliseconds. */
	now(): number;
	/** Moves simulated time forward (or back, with a negative value). */
	advance(ms: number): void;
	/** Milliseconds the clock is ahead of the host clock (always 0 drift for a pinned clock). */
	readonly offset: number;
}

export interface ClockOptions {
	/** Pins the clock to this epoch-ms value; it then moves only by `advance`. */
	fixed?: number;
	/** Starts a running clock this many ms ahead of the host. */
	offset?: number;
	/** Host time source; injectable for tests. */
	hostNow?: () => number;
}

export function createClock(options: ClockOptions = {}): Clock {
	const hostNow = options.hostNow ?? (() => Date.now());
	let offset = options.offset ?? 0;
	let pinned = options.fixed;
	return {
		now: () => (pinned === undefined ? hostNow() + offset : pinned),
		advance(ms: number) {
			if (!Number.isFinite(ms))
				throw new TypeError(`clock.advance expects a finite number, got ${ms}`);
			if (pinned === undefined) offset += ms;
			else pinned += ms;
		},
		get offset() {
			return pinned === undefined ? offset : pinned - hostNow();
		}
	};
}
