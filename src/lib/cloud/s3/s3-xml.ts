import { escapeXml } from '../wire/write-xml';

/** Child elements in order; an array repeats the element (S3 lists have no `<member>` wrapper). */
export interface S3XmlMembers {
	[name: string]: S3XmlValue;
}
export type S3XmlValue = string | number | boolean | undefined | S3XmlMembers | S3XmlMembers[];

/** The S3 API namespace on success documents (`ListBucketResult`); errors carry none. */
export const s3Namespace = 'http://s3.amazonaws.com/doc/2006-03-01/';

/**
 * Writes an XML document as S3 prints it: the XML declaration, then the whole document on one
 * line (as in every S3 error body quoted in issue trackers).
 *
 * @example s3Xml('Error', { Code: 'NoSuchKey', Message: 'The specified key does not exist.' })
 */
export function s3Xml(root: string, members: S3XmlMembers, namespace?: string): string {
	const open = namespace ? `<${root} xmlns="${namespace}">` : `<${root}>`;
	return `<?xml version="1.0" encoding="UTF-8"?>\n${open}${children(members)}</${root}>`;
}

function children(members: S3XmlMembers): string {
	return Object.entries(members)
		.map(([name, value]) => element(name, value))
		.join('');
}

function element(name: string, value: S3XmlValue): string {
	if (value === undefined) return '';
	if (Array.isArray(value)) return value.map((v) => element(name, v)).join('');
	if (typeof value === 'object') return `<${name}>${children(value)}</${name}>`;
	return `<${name}>${escapeXml(String(value))}</${name}>`;
}
