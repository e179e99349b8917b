// Fallback peak-RSS probe when GNU /usr/bin/time is missing: loaded with `node --require`, it
// writes the process's own resource usage (maxRSS in KB) to $QM_BENCH_RUSAGE_FILE at exit.
const { writeFileSync } = require('node:fs');
const out = process.env.QM_BENCH_RUSAGE_FILE;
if (out) {
	process.on('exit', () => {
		try { writeFileSync(out, JSON.stringify(process.resourceUsage())); } catch { /* best effort */ }
	});
}
