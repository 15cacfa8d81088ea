#!/usr/bin/env node
/**
 * A tiny static file server over the prerendered site, behaving like the static hosts the site is
 * meant for (GitHub Pages, S3 + CloudFront): files only, `dir/` serves `dir/index.html`, a real
 * 404 for anything else. No dependencies, so Playwright and the benchmark measure the built site
 * and nothing that renders on the fly (`vite preview` would hide a page that was not prerendered).
 *
 * Environment:
 *   BUILD_DIR  folder to serve (default `build`)
 *   BASE_PATH  serve the site under this prefix, e.g. `/course` (default: the root); 404 elsewhere
 *   PORT       port to listen on (default 4173; 0 picks a free one)
 *   HOST       interface to listen on (default 127.0.0.1)
 *
 * Also a module: `startStaticServer({ root, basePath, port, onSent })` resolves to `{ url, close }`.
 * `onSent({ path, status, type, bytes })` is called once per response with the bytes of the body
 * as sent (gzip when the client asked for it): the benchmark counts what the server really sent.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const mimeTypes = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
	'.pdf': 'application/pdf'
};

/** Types worth compressing; real static hosts and CDNs gzip these. */
const compressible = /^(text\/|application\/(json|manifest\+json|xml|javascript)|image\/svg)/;

/** Normalises `course`, `/course/` and `/course` to `/course`; the root is ''. */
export function normaliseBasePath(basePath = '') {
	const trimmed = basePath.trim().replace(/\/+$/, '');
	if (trimmed === '') return '';
	return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * Starts the server. Resolves once it listens.
 *
 * @example
 * const server = await startStaticServer({ root: 'build', port: 0 });
 * await server.close();
 */
export async function startStaticServer({
	root = 'build',
	basePath = '',
	port = 4173,
	host = '127.0.0.1',
	onSent = undefined
} = {}) {
	const rootDir = resolve(root);
	const info = await stat(rootDir).catch(() => null);
	if (!info?.isDirectory())
		throw new Error(`serve-static: ${rootDir} is not a folder; run \`npm run build\` first`);
	const base = normaliseBasePath(basePath);
	/** Gzipped bodies by path and mtime: the site is small and its files do not change while served. */
	const gzipCache = new Map();

	const server = createServer((req, res) => {
		if (onSent) countSent(req, res, onSent);
		handle(req, res).catch((error) => {
			console.error('serve-static:', error);
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
			res.end('Internal server error');
		});
	});

	async function handle(req, res) {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
			res.end('Method not allowed');
			return;
		}
		const url = new URL(req.url ?? '/', 'http://localhost');
		let pathname;
		try {
			pathname = decodeURIComponent(url.pathname);
		} catch {
			return notFound(req, res);
		}
		if (pathname.includes('\0')) return notFound(req, res);

		// Only the prefix is the site: a page that links to `/_app/...` instead of `/course/_app/...`
		// must fail here as it would on a real sub-path host.
		if (base) {
			if (pathname === base) return redirect(res, `${base}/${url.search}`);
			if (!pathname.startsWith(`${base}/`)) return notFound(req, res);
			pathname = pathname.slice(base.length);
		}

		const segments = pathname.split('/').filter(Boolean);
		// Dot-files and dot-folders (`.gitignore`, `..`) are never part of the site.
		if (segments.some((s) => s.startsWith('.'))) return notFound(req, res);
		const file = join(rootDir, ...segments);
		if (file !== rootDir && !file.startsWith(rootDir + sep)) return notFound(req, res);

		const found = await stat(file).catch(() => null);
		if (found?.isDirectory()) {
			// As S3 website hosting and GitHub Pages do: a folder URL without its slash is redirected,
			// because relative links in `dir/index.html` only resolve against `dir/`.
			if (!url.pathname.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
			const index = join(file, 'index.html');
			const indexInfo = await stat(index).catch(() => null);
			if (!indexInfo?.isFile()) return notFound(req, res);
			return sendFile(req, res, index, indexInfo, 200);
		}
		if (found?.isFile()) return sendFile(req, res, file, found, 200);
		return notFound(req, res);
	}

	async function notFound(req, res) {
		const page = join(rootDir, '404.html');
		const info = await stat(page).catch(() => null);
		if (info?.isFile()) return sendFile(req, res, page, info, 404);
		res.writeHead(404, {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'no-cache'
		});
		res.end(req.method === 'HEAD' ? undefined : 'Not found');
	}

	async function sendFile(req, res, file, info, status) {
		const type = mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
		const headers = {
			'content-type': type,
			// Hashed file names under _app/immutable never change; everything else is revalidated, so a
			// rebuild is always seen (no stale chunks between test runs).
			'cache-control':
				status === 200 && file.includes(`${sep}_app${sep}immutable${sep}`)
					? 'public, max-age=31536000, immutable'
					: 'no-cache',
			'last-modified': info.mtime.toUTCString(),
			'x-content-type-options': 'nosniff'
		};
		const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		if (compressible.test(type)) {
			headers.vary = 'Accept-Encoding';
			if (acceptsGzip) {
				const key = `${file}:${info.mtimeMs}`;
				let body = gzipCache.get(key);
				if (!body) {
					body = gzipSync(await readFile(file));
					gzipCache.set(key, body);
				}
				headers['content-encoding'] = 'gzip';
				headers['content-length'] = body.byteLength;
				res.writeHead(status, headers);
				res.end(req.method === 'HEAD' ? undefined : body);
				return;
			}
		}
		headers['content-length'] = info.size;
		res.writeHead(status, headers);
		if (req.method === 'HEAD') return void res.end();
		createReadStream(file).pipe(res);
	}

	function redirect(res, location) {
		res.writeHead(301, { location, 'cache-control': 'no-cache' });
		res.end();
	}

	await new Promise((resolveListen, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolveListen();
		});
	});
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	const shownHost = host.includes(':') ? `[${host}]` : host;
	return {
		port: actualPort,
		url: `http://${shownHost}:${actualPort}${base}/`,
		close: () =>
			new Promise((resolveClose) => {
				server.close(() => resolveClose());
				server.closeAllConnections();
			})
	};
}

/** Reports each response's body bytes as written to the socket, once the response is finished. */
function countSent(req, res, onSent) {
	let bytes = 0;
	const write = res.write.bind(res);
	const end = res.end.bind(res);
	const writeHead = res.writeHead.bind(res);
	let type = '';
	// Headers given to writeHead are not visible through getHeader, so catch them on the way.
	res.writeHead = (status, headers, ...rest) => {
		type = String(headers?.['content-type'] ?? '');
		return writeHead(status, headers, ...rest);
	};
	const measure = (chunk) => {
		if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk);
	};
	res.write = (chunk, ...rest) => (measure(chunk), write(chunk, ...rest));
	res.end = (chunk, ...rest) => (measure(chunk), end(chunk, ...rest));
	res.once('finish', () =>
		onSent({
			path: new URL(req.url ?? '/', 'http://localhost').pathname,
			status: res.statusCode,
			type,
			bytes
		})
	);
}

const runAsScript =
	process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (runAsScript) {
	const root = process.env.BUILD_DIR || 'build';
	const server = await startStaticServer({
		root,
		basePath: process.env.BASE_PATH ?? '',
		port: Number(process.env.PORT ?? 4173),
		host: process.env.HOST || '127.0.0.1'
	}).catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
	console.log(`Serving ${root}/ at ${server.url}`);
	for (const signal of ['SIGINT', 'SIGTERM'])
		process.on(signal, () => server.close().then(() => process.exit(0)));
}
