/**
 * A parsed XML element with its namespaces resolved: what a SAML signature is checked over.
 * `name` is the qualified name as written (`saml:Assertion`), `namespace` the URI its prefix
 * stands for in scope, `declarations` the `xmlns` attributes written on this element.
 */
export interface XmlElement {
	kind: 'element';
	name: string;
	prefix: string;
	local: string;
	namespace: string;
	attributes: XmlAttribute[];
	declarations: Map<string, string>;
	/** Every namespace in scope here, the inherited ones included ('' is the default namespace). */
	scope: Map<string, string>;
	children: XmlChild[];
}

export interface XmlAttribute {
	name: string;
	prefix: string;
	local: string;
	namespace: string;
	value: string;
}

export interface XmlText {
	kind: 'text';
	text: string;
}

export type XmlChild = XmlElement | XmlText;

/** A document that is not well-formed, or uses what a SAML endpoint refuses (a DTD). */
export class XmlSyntaxError extends Error {
	override name = 'XmlSyntaxError';
}

const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';
const nameChars = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const maxDepth = 64;

/**
 * Parses a whole document, strictly: one root element, matching end tags, declared prefixes,
 * no repeated attribute, the five predefined entities and character references only. A
 * `<!DOCTYPE` is refused outright, as SAML service providers do (no entity expansion, no XXE).
 * Comments are dropped and processing instructions refused: exclusive c14n without comments,
 * which is what a SAML signature uses, never sees them. Written by hand (a worker has no
 * `DOMParser`) so that what is verified and what is read are the same tree.
 *
 * @example parseXmlTree('<a xmlns="urn:x"><b>1</b></a>').children[0] // the <b> element
 */
export function parseXmlTree(source: string): XmlElement {
	// Line ends are normalised before parsing (XML 1.0 §2.11).
	const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	let at = 0;
	let root: XmlElement | undefined;
	const stack: XmlElement[] = [];
	const fail = (problem: string): never => {
		throw new XmlSyntaxError(`${problem} at offset ${at}`);
	};

	if (text.startsWith('<?xml')) {
		const end = text.indexOf('?>');
		if (end < 0) fail('unterminated XML declaration');
		at = end + 2;
	}
	while (at < text.length) {
		const lt = text.indexOf('<', at);
		const chunk = text.slice(at, lt < 0 ? text.length : lt);
		if (chunk) {
			const parent = stack.at(-1);
			if (!parent) {
				if (chunk.trim()) fail('text outside the root element');
			} else addText(parent, decode(chunk, fail));
		}
		if (lt < 0) break;
		at = lt;
		if (text.startsWith('<!--', at)) {
			const end = text.indexOf('-->', at + 4);
			if (end < 0) fail('unterminated comment');
			at = end + 3;
		} else if (text.startsWith('<![CDATA[', at)) {
			const end = text.indexOf(']]>', at);
			const parent = stack.at(-1);
			if (end < 0 || !parent) fail('misplaced CDATA section');
			addText(parent!, text.slice(at + 9, end));
			at = end + 3;
		} else if (text.startsWith('<!', at)) fail('a DTD or declaration is not accepted');
		else if (text.startsWith('<?', at)) fail('a processing instruction is not accepted');
		else if (text.startsWith('</', at)) {
			at += 2;
			const name = readName();
			const open = stack.pop();
			if (!open || open.name !== name) fail(`unexpected </${name}>`);
			skipSpace();
			if (text[at] !== '>') fail('malformed end tag');
			at++;
		} else {
			at++;
			const parent = stack.at(-1);
			const { element, selfClosing } = readStartTag();
			if (parent) parent.children.push(element);
			else if (root) fail('a second root element');
			else root = element;
			if (!selfClosing) {
				if (stack.length >= maxDepth) fail('elements nested too deep');
				stack.push(element);
			}
		}
	}
	if (stack.length > 0) fail(`<${stack.at(-1)!.name}> is not closed`);
	if (!root) fail('no root element');
	return root!;

	function readName(): string {
		nameChars.lastIndex = at;
		const match = nameChars.exec(text);
		if (!match) fail('expected a name');
		at += match![0].length;
		return match![0];
	}

	function skipSpace(): void {
		while (at < text.length && ' \t\n'.includes(text[at]!)) at++;
	}

	function readStartTag(): { element: XmlElement; selfClosing: boolean } {
		const name = readName();
		const raw: [string, string][] = [];
		for (;;) {
			const before = at;
			skipSpace();
			if (text.startsWith('/>', at) || text[at] === '>') break;
			if (at === before) fail('expected a space before an attribute');
			const attribute = readName();
			skipSpace();
			if (text[at] !== '=') fail('expected =');
			at++;
			skipSpace();
			const quote = text[at];
			if (quote !== '"' && quote !== "'") fail('expected a quoted value');
			const end = text.indexOf(quote!, at + 1);
			if (end < 0) fail('unterminated attribute value');
			const literal = text.slice(at + 1, end);
			if (literal.includes('<')) fail('< in an attribute value');
			if (raw.some(([n]) => n === attribute)) fail(`repeated attribute ${attribute}`);
			// Attribute-value normalisation: literal white space becomes a space (§3.3.3).
			raw.push([attribute, decode(literal.replace(/[\t\n]/g, ' '), fail)]);
			at = end + 1;
		}
		const selfClosing = text[at] === '/';
		at += selfClosing ? 2 : 1;

		const parent = stack.at(-1);
		const scope = new Map(parent?.scope ?? [['xml', xmlNamespace]]);
		const declarations = new Map<string, string>();
		for (const [n, v] of raw) {
			if (n === 'xmlns' || n.startsWith('xmlns:')) {
				const prefix = n === 'xmlns' ? '' : n.slice(6);
				if (prefix && !v) fail(`empty namespace for prefix ${prefix}`);
				declarations.set(prefix, v);
				scope.set(prefix, v);
			}
		}
		const resolve = (qualified: string, isAttribute: boolean) => {
			const colon = qualified.indexOf(':');
			const prefix = colon < 0 ? '' : qualified.slice(0, colon);
			const local = colon < 0 ? qualified : qualified.slice(colon + 1);
			// An unprefixed attribute is in no namespace; an unprefixed element in the default one.
			const namespace = prefix ? scope.get(prefix) : isAttribute ? '' : (scope.get('') ?? '');
			if (namespace === undefined) fail(`undeclared prefix ${prefix}`);
			return { prefix, local, namespace: namespace ?? '' };
		};
		const attributes = raw
			.filter(([n]) => n !== 'xmlns' && !n.startsWith('xmlns:'))
			.map(([n, value]) => ({ name: n, ...resolve(n, true), value }));
		const element: XmlElement = {
			kind: 'element',
			name,
			...resolve(name, false),
			attributes,
			declarations,
			scope,
			children: []
		};
		return { element, selfClosing };
	}
}

function addText(parent: XmlElement, text: string): void {
	const last = parent.children.at(-1);
	if (last?.kind === 'text') last.text += text;
	else parent.children.push({ kind: 'text', text });
}

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string, fail: (problem: string) => never): string {
	return text.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
		if (!whole.endsWith(';')) fail('a bare &');
		if (ref in named) return named[ref]!;
		const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref)
			? parseInt(ref.slice(2), 16)
			: /^#[0-9]{1,7}$/.test(ref)
				? parseInt(ref.slice(1), 10)
				: NaN;
		if (!(code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0x10ffff)))
			fail(`unknown entity &${ref};`);
		if (code >= 0xd800 && code <= 0xdfff) fail(`unknown entity &${ref};`);
		return String.fromCodePoint(code);
	});
}

/** The element children of `element` in namespace `namespace` named `local`. */
export function childElements(element: XmlElement, namespace: string, local: string): XmlElement[] {
	return element.children.filter(
		(c): c is XmlElement => c.kind === 'element' && c.namespace === namespace && c.local === local
	);
}

/** The value of an unprefixed attribute, if present. */
export function attribute(element: XmlElement, local: string): string | undefined {
	return element.attributes.find((a) => a.namespace === '' && a.local === local)?.value;
}

/** The element's text content, its descendants' included. */
export function textContent(element: XmlElement): string {
	return element.children.map((c) => (c.kind === 'text' ? c.text : textContent(c))).join('');
}
