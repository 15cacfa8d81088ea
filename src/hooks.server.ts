import type { Handle } from '@sveltejs/kit';
import themeBoot from '$lib/ui/theme-boot.js?raw';

// Prerendering only: the theme boot script goes inline into every page's <head>, where app.html
// marks its place. Its hash is allowed by the Content-Security-Policy in svelte.config.js, which
// reads the same file.
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('<!--theme-boot-->', () => `<script>${themeBoot}</script>`)
	});
