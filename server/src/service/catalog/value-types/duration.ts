import { closest } from '../../util/edit-distance';
import { show, whole, type ValueChecker } from './problem';
import { findKeyword, keywordsOf, listWords } from './spec-values';

/** Go's `time.ParseDuration`, which podman uses for health-check and retry durations. */
const GO_DURATION = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/;

export function isGoDuration(text: string): boolean {
	return /^[-+]?0$/.test(text) || GO_DURATION.test(text);
}

/** Units people bring over from systemd, and what Go calls them (or how many hours they are). */
const FOREIGN_UNITS: Readonly<Record<string, string | number>> = {
	sec: 's', secs: 's', second: 's', seconds: 's',
	min: 'm', mins: 'm', minute: 'm', minutes: 'm',
	hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
	msec: 'ms', usec: 'us', nsec: 'ns',
	d: 24, day: 24, days: 24, w: 168, week: 168, weeks: 168,
};

/** Rewrites "30", "1min 30sec" or "2d" into a Go duration, when the meaning is unambiguous. */
function toGoDuration(text: string): string | undefined {
	if (/^\d+$/.test(text)) return `${text}s`;
	const part = /\s*(\d+)\s*([a-zA-Z\u00b5\u03bc]+)/y;
	let out = '';
	let at = 0;
	while (at < text.length) {
		part.lastIndex = at;
		const m = part.exec(text);
		if (!m) return undefined;
		at = part.lastIndex;
		const unit = (m[2] ?? '').toLowerCase();
		const mapped = FOREIGN_UNITS[unit] ?? (['ns', 'us', 'µs', 'ms', 's', 'm', 'h'].includes(unit) ? unit : undefined);
		if (mapped === undefined) return undefined;
		out += typeof mapped === 'number' ? `${Number(m[1]) * mapped}h` : `${m[1]}${mapped}`;
	}
	return isGoDuration(out) ? out : undefined;
}

/** `duration`: a Go duration such as `30s`, `1m30s` or `500ms`, or one of the listed keywords. */
export const checkDuration: ValueChecker = (value, spec, key) => {
	if (value === '' || findKeyword(value, spec) !== undefined || isGoDuration(value)) return [];
	const keywords = keywordsOf(spec);
	const keyword = keywords.length > 0 && /^[a-z]+$/i.test(value) ? closest(value, keywords) : undefined;
	const fix = keyword ?? toGoDuration(value);
	const also = keywords.length > 0 ? ` (or ${listWords(keywords)})` : '';
	const hint = fix !== undefined ? ` Did you mean ${fix}?` : '';
	const why = /^\d+$/.test(value) ? 'a number needs a unit here' : 'podman reads durations in Go syntax';
	return [whole('warning', value,
		`${show(key, value)} is not a duration podman accepts: ${why}. Write a number with a unit from h, m, s, ms, us, ns, e.g. 30s or 1m30s${also}.${hint}`,
		fix)];
};
