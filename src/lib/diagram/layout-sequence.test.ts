import { describe, expect, it } from 'vitest';
import type { Exchange } from '$lib/cloud';
import { readOutcome } from '$lib/cloud/wire/read-outcome';
import type { FlowActor, FlowRunStep } from '$lib/flows/types';
import { arrowHead } from './arrow-head';
import { fitLabel } from './fit-label';
import { layoutSequence, type MessageLayout, type NoteLayout } from './layout-sequence';
import { responseSummary } from './response-summary';
import { scrollLeftFor } from './scroll-left-for';
import { defaultSequenceMetrics as m } from './sequence-metrics';
import { wrapText } from './wrap-text';

// Hand-made shapes for the geometry only: no service behaviour is being imitated here.
const actors: FlowActor[] = [
	{ id: 'learner', label: 'You' },
	{ id: 'app', label: 'Web app' },
	{ id: 'user-pool', label: 'User pool' }
];

function exchange(id: number, status = 200, body = '{}', from = 'app', to = 'user-pool'): Exchange {
	const response = { status, statusText: '', headers: [], body };
	return {
		id,
		from,
		to,
		label: 'Op',
		request: { method: 'POST', url: 'https://example.test/', headers: [], body: '' },
		response,
		outcome: readOutcome(response),
		at: 0
	};
}

function step(index: number, exchanges: Exchange[], extra: Partial<FlowRunStep> = {}): FlowRunStep {
	return {
		index,
		id: `s${index}`,
		title: `Step ${index}`,
		caption: '',
		exchanges,
		outcome: 'ok',
		at: 0,
		...extra
	};
}

describe('layoutSequence', () => {
	it('draws a folded step as one arrow that answers with its last exchange, and unfolds it', () => {
		const steps = [
			step(0, [exchange(1), exchange(2, 200, '{}', 'app', 'user-pool')]),
			step(1, [exchange(3)])
		];
		const open = layoutSequence({ actors, steps, width: 800 });
		const shut = layoutSequence({ actors, steps, width: 800, folded: new Map([[0, 'Sign in']]) });
		const messages = (l: typeof open) =>
			l.items.filter((i): i is MessageLayout => i.kind === 'message');
		expect(messages(open).map((i) => i.exchange.id)).toEqual([1, 2, 3]);
		const [whole, next] = messages(shut);
		expect(whole).toMatchObject({ exchange: { id: 2 }, folded: { label: 'Sign in', count: 2 } });
		expect(whole!.request.label).toBe('Sign in · 2 requests');
		// The steps below move up by the rows the fold saves.
		expect(next!.request.y).toBe(messages(open)[2]!.request.y - 2 * m.rowHeight);
		// A step of a single exchange has nothing to fold.
		const single = layoutSequence({ actors, steps, width: 800, folded: new Map([[1, 'x']]) });
		expect(messages(single).every((i) => i.folded === undefined)).toBe(true);
	});

	it('gives each actor a column of equal width, lifelines at the column centres', () => {
		const layout = layoutSequence({ actors, steps: [], width: m.gutter + 3 * 200 });
		const centres = [m.gutter + 100, m.gutter + 300, m.gutter + 500];
		expect(layout.columns.map((c) => c.x)).toEqual(centres);
		expect(layout.columns.every((c) => c.width === 200)).toBe(true);
	});

	it('keeps the minimum column width on a narrow screen and grows wider than it, to scroll', () => {
		const layout = layoutSequence({ actors, steps: [], width: 320 });
		expect(layout.columns[0]?.width).toBe(m.minColumnWidth);
		expect(layout.width).toBe(m.gutter + 3 * m.minColumnWidth);
	});

	it('caps the column width on a wide screen and centres the columns', () => {
		const layout = layoutSequence({ actors, steps: [], width: 2000 });
		expect(layout.width).toBe(2000);
		expect(layout.columns[0]?.width).toBe(m.maxColumnWidth);
		const left = (layout.columns[0]?.x ?? 0) - m.maxColumnWidth / 2;
		const right = 2000 - ((layout.columns[2]?.x ?? 0) + m.maxColumnWidth / 2);
		expect(left - m.gutter).toBeCloseTo(right);
	});

	it('gives every message its own row: the request, then the response one row lower', () => {
		const steps = [step(0, [exchange(1), exchange(2)])];
		const layout = layoutSequence({ actors, steps, width: 700 });
		const [first, second] = layout.items as MessageLayout[];
		expect(first?.response.y).toBe((first?.request.y ?? 0) + m.rowHeight);
		expect(second?.request.y).toBe((first?.response.y ?? 0) + m.rowHeight);
	});

	it('draws the request from sender to receiver and the response back', () => {
		const layout = layoutSequence({ actors, steps: [step(0, [exchange(1)])], width: 700 });
		const [message] = layout.items as MessageLayout[];
		const app = layout.columns[1]?.x;
		const pool = layout.columns[2]?.x;
		expect(message?.request).toMatchObject({ x1: app, x2: pool });
		expect(message?.response).toMatchObject({ x1: pool, x2: app });
	});

	it('draws a step without exchanges as a note on its actor lifeline, centred', () => {
		const layout = layoutSequence({
			actors,
			steps: [step(0, [], { actor: 'learner', title: 'An hour passes' })],
			width: 700
		});
		const [note] = layout.items as NoteLayout[];
		expect(note?.kind).toBe('note');
		expect((note?.box.x ?? 0) + (note?.box.width ?? 0) / 2).toBe(layout.columns[0]?.x);
		expect(note?.lines).toEqual(['An hour passes']);
	});

	it('draws a step the app performs itself as a note after the exchanges that fed it', () => {
		const steps = [step(0, [exchange(1)], { actor: 'app' })];
		const layout = layoutSequence({ actors, steps, width: 700 });
		const [message, note] = layout.items;
		expect(message?.kind).toBe('message');
		expect(note?.kind).toBe('note');
		expect((note as NoteLayout).box.y).toBeGreaterThan((message as MessageLayout).response.y);
	});

	it('reserves room for every step, so revealing one never moves another', () => {
		const steps = [step(0, [exchange(1)]), step(1, []), step(2, [exchange(2)])];
		const all = layoutSequence({ actors, steps, width: 700 });
		const firstTwo = layoutSequence({ actors, steps: steps.slice(0, 2), width: 700 });
		expect(all.bands.slice(0, 2)).toEqual(firstTwo.bands);
		expect(all.height).toBeGreaterThan(firstTwo.height);
		for (let i = 1; i < all.bands.length; i++) {
			expect(all.bands[i]?.top).toBeGreaterThanOrEqual(all.bands[i - 1]?.bottom ?? Infinity);
		}
	});

	it('adds a column for an actor the run uses but the flow did not list', () => {
		const layout = layoutSequence({
			actors,
			steps: [step(0, [exchange(1, 200, '{}', 'app', 'sts')])],
			width: 900
		});
		expect(layout.columns.map((c) => c.id)).toEqual(['learner', 'app', 'user-pool', 'sts']);
	});

	describe('an optional actor', () => {
		const withAttacker: FlowActor[] = [
			{ id: 'app', label: 'Web app' },
			{ id: 'user-pool', label: 'User pool' },
			{ id: 'attacker', label: 'Attacker', detail: 'attacker.example', optional: true }
		];
		const width = m.gutter + 3 * 200;

		it('takes no column, and no room, in a run that does not use it', () => {
			const layout = layoutSequence({
				actors: withAttacker,
				steps: [step(0, [exchange(1)])],
				width
			});
			expect(layout.columns.map((c) => c.id)).toEqual(['app', 'user-pool']);
			// Two columns share the width a third would have taken (capped at the widest column).
			expect(layout.columns.map((c) => c.width)).toEqual([m.maxColumnWidth, m.maxColumnWidth]);
			expect(layoutSequence({ actors: withAttacker, steps: [], width }).columns).toHaveLength(2);
		});

		it('gets its column, in the order the flow lists it, once the run sends it a message', () => {
			const steps = [
				step(0, [exchange(1)]),
				step(1, [exchange(2, 204, '', 'app', 'attacker')]),
				step(2, [exchange(3, 200, '{}', 'attacker', 'user-pool')])
			];
			const layout = layoutSequence({ actors: withAttacker, steps, width });
			expect(layout.columns.map((c) => [c.id, c.x, c.width])).toEqual([
				['app', m.gutter + 100, 200],
				['user-pool', m.gutter + 300, 200],
				['attacker', m.gutter + 500, 200]
			]);
			const [, stolen, replayed] = layout.items as MessageLayout[];
			expect(stolen?.request).toMatchObject({ x1: m.gutter + 100, x2: m.gutter + 500 });
			expect(replayed?.request).toMatchObject({ x1: m.gutter + 500, x2: m.gutter + 300 });
		});

		it('is drawn for a note on its lifeline too', () => {
			const steps = [step(0, [], { actor: 'attacker' })];
			const layout = layoutSequence({ actors: withAttacker, steps, width });
			expect(layout.columns.map((c) => c.id)).toEqual(['app', 'user-pool', 'attacker']);
			expect((layout.items[0] as NoteLayout).box.x + m.noteWidth / 2).toBe(m.gutter + 500);
		});
	});

	it('marks an error response and keeps labels within 40% of a column past their arrow', () => {
		const body = JSON.stringify({
			__type: 'NotAuthorizedException',
			message: 'Access Token has expired'
		});
		const steps = [step(0, [exchange(1, 400, body)])];
		const layout = layoutSequence({ actors, steps, width: 300 });
		const [message] = layout.items as MessageLayout[];
		expect(message?.summary.kind).toBe('error');
		const span = Math.abs((message?.request.x2 ?? 0) - (message?.request.x1 ?? 0));
		const room = span + 0.8 * m.minColumnWidth;
		expect(message?.response.label).toBe('400 NotAuthorizedException');
		expect((message?.response.label.length ?? 0) * m.charWidth).toBeLessThan(room);
	});
});

describe('responseSummary', () => {
	// The outcome as the network reads it, beside the recorded response.
	const res = (status: number, body: string, statusText = '') => {
		const response = { status, statusText, headers: [], body };
		return { response, outcome: readOutcome(response) };
	};

	it('names the AWS error type, without its namespace, and keeps the message', () => {
		const body = JSON.stringify({
			__type: 'com.amazonaws#NotAuthorizedException',
			message: 'Incorrect username or password.'
		});
		expect(responseSummary(res(400, body))).toEqual({
			text: '400 NotAuthorizedException',
			kind: 'error',
			message: 'Incorrect username or password.'
		});
	});

	it('names the OAuth error', () => {
		expect(responseSummary(res(400, '{"error":"invalid_grant"}')).text).toBe('400 invalid_grant');
	});

	it('names the challenge the pool asks for next', () => {
		expect(responseSummary(res(200, '{"ChallengeName":"PASSWORD_VERIFIER"}'))).toEqual({
			text: '200 PASSWORD_VERIFIER',
			kind: 'challenge'
		});
	});

	it('shows the status of a plain success, and treats any 4xx/5xx as an error', () => {
		expect(responseSummary(res(200, '{"keys":[]}', 'OK')).text).toBe('200 OK');
		expect(responseSummary(res(503, 'down', 'Service Unavailable')).kind).toBe('error');
	});
});

describe('label helpers', () => {
	it('wrapText breaks between words and cuts a word longer than a line', () => {
		const lines = ['An hour', 'passes on', 'the clock'];
		expect(wrapText('An hour passes on the clock', 12)).toEqual(lines);
		expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
	});

	it('fitLabel keeps the method and last path segment of a long URL label', () => {
		const url = 'GET /us-east-1_FlowLab01/.well-known/jwks.json';
		expect(fitLabel(url, 20)).toBe('GET …/jwks.json');
		expect(fitLabel('RespondToAuthChallenge', 10)).toBe('RespondTo…');
		expect(fitLabel('GetUser', 10)).toBe('GetUser');
	});

	it('arrowHead points the way the arrow travels', () => {
		expect(arrowHead(100, 50, 1)).toBe('100,50 91,45.5 91,54.5');
		expect(arrowHead(100, 50, -1)).toBe('100,50 109,45.5 109,54.5');
	});
});

describe('scrollLeftFor', () => {
	const steps = [step(0, [exchange(1)]), step(1, [], { actor: 'app', title: 'An hour passes' })];
	const layout = layoutSequence({ actors, steps, width: 346 });

	it('scrolls sideways to show every message so far when they fit the window', () => {
		const left = scrollLeftFor(layout.items, 1, 0, 346);
		const [message] = layout.items as MessageLayout[];
		expect(left).toBeGreaterThan(0);
		const bounds = message?.bounds ?? { x: 0, width: Infinity };
		expect(bounds.x).toBeGreaterThanOrEqual(left);
		expect(bounds.x + bounds.width).toBeLessThanOrEqual(left + 346);
	});

	it('stays put when the wanted range is already in view', () => {
		const left = scrollLeftFor(layout.items, 1, 0, 346);
		expect(scrollLeftFor(layout.items, 1, left, 346)).toBe(left);
		expect(scrollLeftFor([], 0, 17, 346)).toBe(17);
	});
});
