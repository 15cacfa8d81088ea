/** Child elements by name, in order; `undefined` leaves a member out, an array repeats `member`. */
export interface XmlMembers {
	[name: string]: XmlValue;
}
export type XmlValue = string | number | boolean | undefined | XmlMembers | XmlValue[];

/**
 * Escapes text for an XML element or attribute: `&`, `<`, `>`, `"` and `'`, and drops the
 * characters XML 1.0 cannot carry at all (a learner's stray control bytes), so the document
 * always parses.
 */
export function escapeXml(text: string): string {
	return text
		.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/**
 * Writes an XML document the way AWS's Query services print theirs: two-space indent, one element
 * per line, a trailing newline; a list as `<member>` children.
 *
 * @example writeXml('ErrorResponse', ns, { Error: { Code: 'InvalidAction' }, RequestId: id })
 */
export function writeXml(root: string, namespace: string, members: XmlMembers): string {
	return `<${root} xmlns="${escapeXml(namespace)}">\n${children(members, 1)}</${root}>\n`;
}

function children(members: XmlMembers, depth: number): string {
	return Object.entries(members)
		.map(([name, value]) => element(name, value, depth))
		.join('');
}

function element(name: string, value: XmlValue, depth: number): string {
	const pad = '  '.repeat(depth);
	if (value === undefined) return '';
	if (Array.isArray(value))
		return `${pad}<${name}>\n${value.map((v) => element('member', v, depth + 1)).join('')}${pad}</${name}>\n`;
	if (typeof value === 'object')
		return `${pad}<${name}>\n${children(value, depth + 1)}${pad}</${name}>\n`;
	return `${pad}<${name}>${escapeXml(String(value))}</${name}>\n`;
}
