// In-process: index a tree from disk and validate every file, reporting CPU time per phase.
//   node bench/validate-all.mjs <tree>     (needs out/: npm run typecheck)
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { createLanguageService } = require('../out/server/src/service/index.js');
const root = process.argv[2];
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const paths = [];
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else paths.push(p); } };
walk(root);
let c0 = cpu();
const svc = createLanguageService({});
for (const p of paths) svc.workspace.set(p, readFileSync(p, 'utf8'));
const tIndex = cpu() - c0;
c0 = cpu();
let n = 0;
for (const p of paths) n += svc.doValidation(p).length;
const tValidate = cpu() - c0;
console.log(`${paths.length} files: index ${tIndex.toFixed(0)} ms CPU, validate ${tValidate.toFixed(0)} ms CPU, ${n} diagnostics, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
