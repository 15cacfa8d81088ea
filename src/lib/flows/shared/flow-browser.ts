import type { Cloud } from '$lib/cloud';
import { createCookieJar, type CookieJar } from '$lib/cloud/browser/cookie-jar';
import { navigate, type NavigationResult } from '$lib/cloud/browser/navigate';
import { bodyText } from '$lib/cloud/wire/http-message';

/**
 * The user's browser in a flow: one cookie jar for the whole run, and top-level navigations drawn
 * from the `browser` actor. Each redirect is its own exchange; a navigation stops at a page, or
 * at a redirect to an address the flow's `stopsAt` names (the app's callback), which the app then
 * reads.
 */
export interface FlowBrowser {
	/** Goes to `url` (a link, or a form post when `form` is given) and follows redirects. */
	go(
		url: string,
		options?: { form?: Record<string, string>; stopsAt?: string[] }
	): Promise<NavigationResult>;
	readonly jar: CookieJar;
}

/**
 * @param stopsAt address prefixes the browser hands back to the app instead of loading them (the
 *   app's redirect URIs): the simulation has no page there.
 * @example const browser = createFlowBrowser(cloud, ['https://app.example.com/']);
 */
export function createFlowBrowser(
	cloud: Pick<Cloud, 'send' | 'clock'>,
	stopsAt: string[]
): FlowBrowser {
	const jar = createCookieJar(cloud.clock);
	return {
		jar,
		go(url, options = {}) {
			const stops = options.stopsAt ?? stopsAt;
			return navigate(
				(request) => cloud.send(request, { from: 'browser' }),
				jar,
				// The app's page sends the browser away: the first request comes from another site.
				{ url, ...(options.form ? { form: options.form } : { crossSite: true }) },
				(next) => stops.some((prefix) => next.startsWith(prefix))
			);
		}
	};
}

/** The address the page's first form posts to, resolved against the page; `null` if it has none. */
export function formActionOf(page: Pick<NavigationResult, 'response' | 'url'>): string | null {
	const action = /<form method="post" action="([^"]+)"/.exec(bodyText(page.response))?.[1];
	return action ? new URL(action.replace(/&amp;/g, '&'), page.url).href : null;
}

/** The value of the page's hidden input `name` (managed login's `_csrf`), or `null`. */
export function hiddenInputOf(
	page: Pick<NavigationResult, 'response'>,
	name: string
): string | null {
	return new RegExp(`name="${name}" value="([^"]*)"`).exec(bodyText(page.response))?.[1] ?? null;
}
