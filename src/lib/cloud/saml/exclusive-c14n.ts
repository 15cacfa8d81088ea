import type { XmlAttribute, XmlElement } from './xml-tree';

/**
 * Exclusive XML Canonicalization 1.0 (without comments) of one element and its subtree, the
 * form a SAML signature's digest and `SignedInfo` are computed over
 * (https://www.w3.org/TR/xml-exc-c14n/). Each element declares only the namespaces it or its
 * attributes visibly use and that an output ancestor has not already declared, the declarations
 * sorted by prefix and before the attributes, which are sorted by namespace URI then local
 * name; empty elements get an end tag; text and attribute values are escaped as c14n says.
 * `omit` leaves out one descendant: the enveloped-signature transform removes the signature.
 *
 * @example canonicalize(parseXmlTree('<a xmlns:x="urn:x" b="1" a="2"/>')) // '<a a="2" b="1"></a>'
 */
export function canonicalize(element: XmlElement, omit?: XmlElement): string {
	return render(element, new Map(), omit);
}

function render(element: XmlElement, rendered: Map<string, string>, omit?: XmlElement): string {
	const used = new Set([element.prefix]);
	for (const a of element.attributes) if (a.prefix) used.add(a.prefix);
	used.delete('xml');
	const declarations: [string, string][] = [];
	const inner = new Map(rendered);
	for (const prefix of used) {
		const uri = element.scope.get(prefix) ?? '';
		if ((rendered.get(prefix) ?? '') === uri) continue;
		declarations.push([prefix, uri]);
		inner.set(prefix, uri);
	}
	declarations.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const attributes = [...element.attributes].sort(byNamespaceThenName);
	let out = `<${element.name}`;
	for (const [prefix, uri] of declarations)
		out += ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttribute(uri)}"`;
	for (const a of attributes) out += ` ${a.name}="${escapeAttribute(a.value)}"`;
	out += '>';
	for (const child of element.children) {
		if (child.kind === 'text') out += escapeText(child.text);
		else if (child !== omit) out += render(child, inner, omit);
	}
	return `${out}</${element.name}>`;
}

function byNamespaceThenName(a: XmlAttribute, b: XmlAttribute): number {
	const key = (x: XmlAttribute) => [x.namespace, x.local] as const;
	const [an, al] = key(a);
	const [bn, bl] = key(b);
	if (an !== bn) return an < bn ? -1 : 1;
	return al < bl ? -1 : al > bl ? 1 : 0;
}

function escapeText(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\r/g, '&#xD;');
}

function escapeAttribute(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/"/g, '&quot;')
		.replace(/\t/g, '&#x9;')
		.replace(/\n/g, '&#xA;')
		.replace(/\r/g, '&#xD;');
}
