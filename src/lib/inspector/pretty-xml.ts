import type { XmlElement } from '$lib/cloud/saml';

/**
 * An XML tree as indented text for reading: one element per line, attributes on the start tag,
 * short text kept inline, namespace declarations shown where they were written. For the eye only:
 * the signature covers the bytes as they were sent, never this form.
 *
 * @example prettyXml(parseXmlTree('<a><b>x</b></a>')) // '<a>\n  <b>x</b>\n</a>'
 */
export function prettyXml(element: XmlElement, indent = '  ', depth = 0): string {
	const pad = indent.repeat(depth);
	const declarations = [...element.declarations].map(([prefix, uri]) =>
		prefix ? ` xmlns:${prefix}="${escape(uri)}"` : ` xmlns="${escape(uri)}"`
	);
	const attributes = element.attributes.map((a) => ` ${a.name}="${escape(a.value)}"`);
	const open = `<${element.name}${declarations.join('')}${attributes.join('')}`;
	const children = element.children.filter((c) => c.kind === 'element' || c.text.trim() !== '');
	if (children.length === 0) return `${pad}${open}/>`;
	if (children.every((c) => c.kind === 'text'))
		return `${pad}${open}>${escape(
			children
				.map((c) => (c.kind === 'text' ? c.text : ''))
				.join('')
				.trim()
		)}</${element.name}>`;
	const inner = children.map((c) =>
		c.kind === 'element'
			? prettyXml(c, indent, depth + 1)
			: `${pad}${indent}${escape(c.text.trim())}`
	);
	return [`${pad}${open}>`, ...inner, `${pad}</${element.name}>`].join('\n');
}

function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
