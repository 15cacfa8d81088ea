import type { Handle } from '@sveltejs/kit';
import { deferAppStart } from '$lib/server/defer-app-start';
import { buildLazyStyles, dropLazyStyles } from '$lib/server/lazy-styles';
import themeBoot from '$lib/ui/theme-boot.js?raw';

// Prerendering only. The theme boot script goes inline into every page's <head>, where app.html
// marks its place (its hash is allowed by the Content-Security-Policy in svelte.config.js, which
// reads the same file). The stylesheets of code that arrives later (inspector, quiz) come out of
// the page, to arrive with that code (see dropLazyStyles). Then the app's own start moves behind
// the first paint and the learner's intent (see deferAppStart).
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html, done }) => {
			const themed = html.replace('<!--theme-boot-->', () => `<script>${themeBoot}</script>`);
			return done ? deferAppStart(dropLazyStyles(themed, buildLazyStyles())) : themed;
		}
	});
