// The theme, before the first paint and without a framework: this runs inline in <head> on every
// page (also on pages that ship no JavaScript), so a learner who chose a theme never sees the other
// one flash, and the choice works before, during and without hydration.
(() => {
	const key = 'flow-lab.theme';
	const root = document.documentElement;
	let saved = null;
	try {
		saved = localStorage.getItem(key);
	} catch {
		// Storage can be off (privacy settings): the page follows the system then.
	}
	if (saved === 'light' || saved === 'dark') root.dataset.theme = saved;
	addEventListener('DOMContentLoaded', () => {
		/** @type {HTMLSelectElement | null} */
		const select = document.querySelector('select[data-theme-select]');
		if (!select) return;
		select.value = root.dataset.theme || 'system';
		select.addEventListener('change', () => {
			const theme = select.value;
			try {
				if (theme === 'light' || theme === 'dark') localStorage.setItem(key, theme);
				else localStorage.removeItem(key);
			} catch {
				// Not remembered, but still applied to this page.
			}
			if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
			else delete root.dataset.theme;
		});
	});
})();
