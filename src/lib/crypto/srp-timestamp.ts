const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIMESTAMP_PATTERN = new RegExp(
	`^(${DAYS.join('|')}) (${MONTHS.join('|')}) (\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) UTC (\\d{4})$`
);

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The SRP `TIMESTAMP`: `EEE MMM d HH:mm:ss 'UTC' yyyy` in UTC with English names. The day of the
 * month is not zero-padded (DateHelper.js, Amplify's getNowString.ts); the signature covers this
 * exact string, so a formatter that pads the day signs something else.
 *
 * @example formatSrpTimestamp(new Date('2026-11-03T09:05:07Z')) // 'Tue Nov 3 09:05:07 UTC 2026'
 */
export function formatSrpTimestamp(date: Date): string {
	const day = DAYS[date.getUTCDay()];
	const month = MONTHS[date.getUTCMonth()];
	const hours = pad2(date.getUTCHours());
	const minutes = pad2(date.getUTCMinutes());
	const seconds = pad2(date.getUTCSeconds());
	const year = date.getUTCFullYear();
	return `${day} ${month} ${date.getUTCDate()} ${hours}:${minutes}:${seconds} UTC ${year}`;
}

/**
 * The instant a `TIMESTAMP` names, or null if it is not one. Lenient where AWS is silent: the
 * day may be `3` or `03`. Strict where a date would be wrong: the date must exist and the
 * weekday must match it. Checking the skew against the pool's clock is the caller's job.
 *
 * @example parseSrpTimestamp('Tue Nov 03 09:05:07 UTC 2026') // Date 2026-11-03T09:05:07Z
 */
export function parseSrpTimestamp(s: string): Date | null {
	const match = TIMESTAMP_PATTERN.exec(s);
	if (!match) return null;
	const [, dayName, monthName, day, hours, minutes, seconds, year] = match;
	const fields = [year, MONTHS.indexOf(monthName ?? ''), day, hours, minutes, seconds].map(Number);
	const [y = NaN, mo = NaN, d = NaN, h = NaN, mi = NaN, sec = NaN] = fields;
	const date = new Date(Date.UTC(y, mo, d, h, mi, sec));
	// Date.UTC rolls Feb 30 into March and 24:00 into the next day; a real timestamp never does
	const exact =
		date.getUTCFullYear() === y &&
		date.getUTCMonth() === mo &&
		date.getUTCDate() === d &&
		date.getUTCHours() === h &&
		date.getUTCMinutes() === mi &&
		date.getUTCSeconds() === sec;
	return exact && DAYS[date.getUTCDay()] === dayName ? date : null;
}
