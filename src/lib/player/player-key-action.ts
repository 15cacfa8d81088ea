const ownKeys = ['tab', 'slider', 'listbox', 'option', 'menuitem', 'radio', 'spinbutton', 'grid'];

export type PlayerKeyAction = 'previous' | 'next' | 'toggle' | 'first' | 'last';

/**
 * The player command a key press means, or `null` to leave the key alone. Keys typed into a form
 * field keep their usual meaning (arrows move a select, Space types a space), and Space on a button
 * still presses that button; modified keys belong to the browser and assistive technology.
 *
 * @example playerKeyAction({ key: 'ArrowRight', target: document.body }) // -> 'next'
 */
export function playerKeyAction(event: {
	key: string;
	target: EventTarget | null;
	altKey?: boolean;
	ctrlKey?: boolean;
	metaKey?: boolean;
	shiftKey?: boolean;
}): PlayerKeyAction | null {
	if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
	const target = event.target as Partial<HTMLElement> | null;
	const tag = typeof target?.tagName === 'string' ? target.tagName.toLowerCase() : '';
	if (tag === 'input' || tag === 'select' || tag === 'textarea' || target?.isContentEditable) {
		return null;
	}
	// Widgets whose own arrow keys move within them (tabs, sliders, lists) keep those keys.
	const role = target?.getAttribute?.('role') ?? null;
	if (role !== null && ownKeys.includes(role)) return null;
	switch (event.key) {
		case 'ArrowLeft':
			return 'previous';
		case 'ArrowRight':
			return 'next';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		case ' ':
		case 'Spacebar': {
			const pressable = tag === 'button' || tag === 'a' || tag === 'summary' || role === 'button';
			return pressable ? null : 'toggle';
		}
		default:
			return null;
	}
}
