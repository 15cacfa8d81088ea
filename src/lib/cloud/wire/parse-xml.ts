import { XMLParser } from 'fast-xml-parser';

/** A parsed element: text, or child elements by name (a repeated name becomes an array). */
export type XmlNode = string | XmlElement;
export interface XmlElement {
	[name: string]: XmlNode | XmlNode[];
}

/**
 * Parses an XML document into plain objects. `fast-xml-parser`, because a worker has no
 * `DOMParser`; values stay strings (an access key id of digits must not become a number) and
 * attributes (`xmlns`) are dropped.
 *
 * @example parseXml('<A><B>1</B></A>') // { A: { B: '1' } }
 */
export function parseXml(text: string): XmlElement {
	const parser = new XMLParser({
		ignoreAttributes: true,
		parseTagValue: false,
		trimValues: true,
		processEntities: true
	});
	return parser.parse(text) as XmlElement;
}
