import { wireResponse, type WireResponse } from '../wire/http-message';

/**
 * A JSON answer of the back end's own small API. Not an AWS shape: errors are
 * `{"error": "<code>", "message": "..."}`, as many hand-written APIs answer. The app runs on another
 * origin (`app.example.com`), so every answer allows it by CORS.
 *
 * @example backEndJson(401, { error: 'invalid_credentials', message: 'Incorrect username or password.' })
 */
export function backEndJson(status: number, body: unknown): WireResponse {
	return wireResponse(
		status,
		{
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'no-store',
			'access-control-allow-origin': 'https://app.example.com'
		},
		JSON.stringify(body)
	);
}

/** An error answer of the back end's API. */
export function backEndError(status: number, error: string, message: string): WireResponse {
	return backEndJson(status, { error, message });
}
