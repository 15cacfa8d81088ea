// The app starts when someone is about to use the page, not when it is opened: deferAppStart puts
// this inline into the boot script, and the app's modules are evaluated and the page hydrated only
// once `intent` settles. A page opened to be read (or measured) stays a static article that runs
// no app code; the first move of the pointer, a touch, a key or focus starts the app, which is
// tens of milliseconds before any press can land. A link that names a moment (any query) starts
// it at once.
//
// A press that lands before the app has hydrated is held and replayed once it has (the root
// layout marks `<html data-hydrated>`), so no click, choice, key or opened disclosure is lost.
// Links and disclosure widgets work without the app, so they act at once.
const intent = new Promise((begin) => {
	const root = document.documentElement;
	/** @type {(() => void)[]} */
	const held = [];
	const hydrated = () => root.dataset.hydrated === 'true';
	const pressable = 'button, input[type="checkbox"], input[type="radio"], label, [role="button"]';

	/** @param {MouseEvent} event */
	const onclick = (event) => {
		const target = event.target instanceof Element ? event.target : null;
		const control = target?.closest(pressable);
		if (hydrated() || !control || control.closest('a[href], summary')) return;
		// Unpressed now (a checkbox stays as it was), pressed again for real once the app is there.
		event.preventDefault();
		event.stopImmediatePropagation();
		held.push(() => control instanceof HTMLElement && control.click());
	};
	/** @param {Event} event */
	const onchange = (event) => {
		const field = event.target;
		if (hydrated()) return;
		if (!(field instanceof HTMLSelectElement || field instanceof HTMLInputElement)) return;
		if (field.type === 'checkbox' || field.type === 'radio') return;
		const value = field.value;
		held.push(() => {
			field.value = value;
			field.dispatchEvent(new Event('input', { bubbles: true }));
			field.dispatchEvent(new Event('change', { bubbles: true }));
		});
	};
	/** @param {KeyboardEvent} event */
	const onkeydown = (event) => {
		const target = event.target instanceof Element ? event.target : null;
		if (
			hydrated() ||
			!target ||
			event.isComposing ||
			event.ctrlKey ||
			event.metaKey ||
			event.altKey
		)
			return;
		// Text fields keep their keys; Enter and Space on a control press it (a click, held above).
		if (target.closest('input, select, textarea, [contenteditable]')) return;
		const presses = event.key === 'Enter' || event.key === ' ';
		if (presses && target.closest(`${pressable}, a[href], summary`)) return;
		const init = { key: event.key, code: event.code, shiftKey: event.shiftKey };
		held.push(() =>
			target.dispatchEvent(
				new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true })
			)
		);
	};

	/** @param {Event} event */
	const ontoggle = (event) => {
		// A disclosure opens without the app; once the app is there it may bind `open` to its own
		// state and close it again, so the learner's choice is applied once more.
		const details = event.target;
		if (hydrated() || !(details instanceof HTMLDetailsElement)) return;
		const open = details.open;
		held.push(() => {
			if (details.open !== open) details.open = open;
		});
	};

	const capture = { capture: true };
	addEventListener('click', onclick, capture);
	addEventListener('change', onchange, capture);
	addEventListener('keydown', onkeydown, capture);
	addEventListener('toggle', ontoggle, capture);
	new MutationObserver((_, observer) => {
		if (!hydrated()) return;
		observer.disconnect();
		removeEventListener('click', onclick, capture);
		removeEventListener('change', onchange, capture);
		removeEventListener('keydown', onkeydown, capture);
		removeEventListener('toggle', ontoggle, capture);
		// A task later: Kit's own start (reading the URL after hydration) has finished by then.
		setTimeout(() => {
			for (const replay of held.splice(0)) replay();
		});
	}).observe(root, { attributes: true, attributeFilter: ['data-hydrated'] });

	if (location.search.length > 1) begin(undefined);
	for (const type of ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'focusin', 'click'])
		addEventListener(type, () => begin(undefined), { capture: true, passive: true, once: true });
});
