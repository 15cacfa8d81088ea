import { describe, expect, it } from 'vitest';
import { dropLazyStyles, lazyStylesOf, type ManifestChunk } from './lazy-styles';

// The shape Vite's manifest and Kit's prerendered <head> have: a page node, a chunk it imports,
// and two chunks the page only reaches through import(), one of them also imported statically.
const manifest: Record<string, ManifestChunk> = {
	'nodes/3.js': { imports: ['_shared.js'], css: ['assets/3.css'] },
	'_shared.js': { css: ['assets/ui.css'] },
	'src/lib/inspector/index.ts': { isDynamicEntry: true, css: ['assets/inspector.css'] },
	'src/lib/both.ts': { isDynamicEntry: true, css: ['assets/both.css'] },
	'nodes/4.js': { imports: ['src/lib/both.ts'] }
};
const texts: Record<string, string> = {
	'assets/3.css': '.page{color:red}',
	'assets/ui.css': '.ui{color:blue}\n',
	'assets/inspector.css': '.inspector{color:green}\n',
	'assets/both.css': '.both{color:gray}'
};
const link = (file: string) =>
	`<link href="../../_app/immutable/${file}" rel="stylesheet" disabled media="(max-width: 0)">`;
const page = (files: string[]) =>
	`<html><head><style>${files.map((f) => texts[f]!.trim()).join('')}</style>\n\t\t` +
	`${files.map(link).join('\n\t\t')}</head><body></body></html>`;

describe('lazy stylesheets', () => {
	const lazy = lazyStylesOf(manifest, (file) => texts[file]!);

	it('are those only import()-ed code lists, never one a static chunk needs too', () => {
		expect(lazy).toEqual([{ file: 'assets/inspector.css', css: '.inspector{color:green}' }]);
	});

	it('leave the page, inline text and disabled link both, and everything else stays', () => {
		const html = dropLazyStyles(page(['assets/3.css', 'assets/inspector.css']), lazy);
		expect(html).not.toContain('inspector');
		expect(html).toContain('<style>.page{color:red}</style>');
		expect(html).toContain(link('assets/3.css'));
	});

	it('leave a page that never inlined them as it is, and fail loudly on a link without its text', () => {
		const plain = page(['assets/3.css']);
		expect(dropLazyStyles(plain, lazy)).toBe(plain);
		const broken = page(['assets/3.css']).replace(
			'</head>',
			`${link('assets/inspector.css')}</head>`
		);
		expect(() => dropLazyStyles(broken, lazy)).toThrow('its text is not inline');
	});
});
