/**
 * A dependency-free test harness for the VS Code extension host (no mocha): register cases with
 * `e2eTest`, then `runAll()` runs them in order and throws when one failed, which is how
 * @vscode/test-electron learns the outcome.
 */
export interface E2eCase { name: string; fn: () => Promise<void> }

const cases: E2eCase[] = [];

export function e2eTest(name: string, fn: () => Promise<void>): void {
	cases.push({ name, fn });
}

export async function runAll(log: (line: string) => void = (l) => console.log(l)): Promise<void> {
	let failed = 0;
	log(`TAP version 13\n1..${cases.length}`);
	for (const [i, c] of cases.entries()) {
		const t = Date.now();
		try {
			await c.fn();
			log(`ok ${i + 1} - ${c.name} # ${Date.now() - t} ms`);
		} catch (e) {
			failed++;
			log(`not ok ${i + 1} - ${c.name} # ${Date.now() - t} ms`);
			log(`  ${String((e as Error)?.stack ?? e).split('\n').join('\n  ')}`);
		}
	}
	log(`e2e: ${cases.length - failed} passed, ${failed} failed`);
	if (failed) throw new Error(`${failed} of ${cases.length} e2e tests failed`);
}

/** Resolves when `probe` returns a value, polling on `events` and every 250 ms, or rejects. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await probe();
		if (v !== undefined && v !== null && v !== false) return v;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}
