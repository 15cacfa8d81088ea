import { describe, expect, it } from 'vitest';
import { bytesToHex } from '$lib/crypto';
import { derOid } from './der';
import { canonicalize } from './exclusive-c14n';
import { parseXmlTree, XmlSyntaxError } from './xml-tree';

describe('exclusive c14n', () => {
	it('declares only the namespaces an element uses, sorts attributes, and writes end tags', () => {
		const doc = parseXmlTree(
			'<r:Root xmlns:r="urn:r" xmlns:u="urn:unused"><r:A z="1" a="&lt;&quot;" u:b="2" xmlns:u="urn:u"/>t&gt;</r:Root>'
		);
		const child = doc.children[0];
		expect(child?.kind === 'element' && canonicalize(child)).toBe(
			'<r:A xmlns:r="urn:r" xmlns:u="urn:u" a="&lt;&quot;" z="1" u:b="2"></r:A>'
		);
		expect(canonicalize(doc)).toBe(
			'<r:Root xmlns:r="urn:r"><r:A xmlns:u="urn:u" a="&lt;&quot;" z="1" u:b="2"></r:A>t&gt;</r:Root>'
		);
	});

	it('leaves out the omitted element (the enveloped signature) and comments', () => {
		const doc = parseXmlTree('<a><!-- c --><s>x</s><b/></a>');
		expect(canonicalize(doc, doc.children[0] as never)).toBe('<a><b></b></a>');
	});
});

describe('the XML reader', () => {
	it.each([
		['a DTD', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
		['an undeclared prefix', '<p:a/>'],
		['a mismatched end tag', '<a></b>'],
		['two roots', '<a/><b/>'],
		['an unknown entity', '<a>&nbsp;</a>'],
		['a repeated attribute', '<a x="1" x="2"/>']
	])('refuses %s', (_, xml) => {
		expect(() => parseXmlTree(xml)).toThrow(XmlSyntaxError);
	});
});

describe('DER', () => {
	it('encodes sha256WithRSAEncryption as X.690 does', () => {
		expect(bytesToHex(derOid('1.2.840.113549.1.1.11'))).toBe('06092a864886f70d01010b');
	});
});
