/**
 * Splits `text` into lines of at most `maxChars` characters, breaking between words; a word longer
 * than a line is cut. SVG text does not wrap by itself, so notes on a lifeline are wrapped here.
 *
 * @example wrapText('An hour passes on the clock', 12) // -> ['An hour', 'passes on', 'the clock']
 */
export function wrapText(text: string, maxChars: number): string[] {
	if (!Number.isInteger(maxChars) || maxChars < 1) {
		throw new TypeError(`wrapText expects a positive integer width, got ${maxChars}`);
	}
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		let rest = word;
		while (rest.length > maxChars) {
			if (line) lines.push(line);
			line = '';
			lines.push(rest.slice(0, maxChars));
			rest = rest.slice(maxChars);
		}
		if (!line) line = rest;
		else if (line.length + 1 + rest.length <= maxChars) line = `${line} ${rest}`;
		else {
			lines.push(line);
			line = rest;
		}
	}
	if (line) lines.push(line);
	return lines;
}
