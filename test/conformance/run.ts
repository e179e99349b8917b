/**
 * `npm run conformance`: lints podman's quadlet test corpus and the installed QM files from
 * ../shared/corpus and compares the verdicts with the real generator's. Exits 1 below the bar
 * (a refused file without an error, or an error on an accepted or installed file); exits 0
 * with a skip line when ../shared is absent.
 */
import { formatReport, meetsBar, runConformance } from './corpus-check';

const result = runConformance();
console.log(formatReport(result));
process.exitCode = meetsBar(result) ? 0 : 1;
