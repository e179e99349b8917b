import { defineRule } from '../../rule';
import { isQuadletKind } from '../../../unit-path';
import type { RuleContext } from '../../rule';

/**
 * Diagnostic: qm/path-wrong-unit-dir
 * A file in a directory whose reader ignores it: a systemd unit (.socket, .service) in a quadlet
 * directory, a quadlet file in a systemd unit directory, or a quadlet drop-in .conf directly in a
 * quadlet directory instead of a <unit>.d/ directory.
 */
export default defineRule({
	id: 'qm/path-wrong-unit-dir',
	defaultSeverity: 'error',
	title: 'File in a directory that does not read it',
	why: 'The quadlet generator reads only quadlet files and NAME.container.d/*.conf drop-ins from containers/systemd/ directories, and systemd does not read quadlet directories; a file in the wrong one is silently ignored.',
	fix: 'Move .socket/.service units to /etc/systemd/system/ (host) or /etc/qm/systemd/system/ (QM), quadlet files to …/containers/systemd/, and drop-ins into the NAME.container.d/ directory of their unit.',
	appliesTo: (ctx) => ctx.domain.domain !== 'unknown' || inQuadletDir(ctx.path) || inUnitDir(ctx.path),
	check(ctx) {
		const qmSide = /(^|\/)etc\/qm\/|(^|\/)usr\/lib\/qm\/rootfs\//.test(ctx.path);
		const unitDir = qmSide ? '/etc/qm/systemd/system/' : '/etc/systemd/system/';
		const quadletDir = qmSide ? '/etc/qm/containers/systemd/' : '/etc/containers/systemd/';
		if (strayConf(ctx)) {
			report(ctx, `${ctx.info.fileName} sits directly in a quadlet directory: the generator reads drop-ins only from <unit>.d/ directories (e.g. qm.container.d/ or web.container.d/), so this file is ignored. Move it into the drop-in directory of the unit it extends.`);
			return;
		}
		if ((ctx.kind === 'socket' || ctx.kind === 'service') && inQuadletDir(ctx.path)) {
			report(ctx, `${ctx.info.dropIn ? `This ${ctx.kind} drop-in` : `${ctx.info.fileName}`} is in a quadlet directory, which only the quadlet generator reads and it ignores .${ctx.kind} files; systemd never looks here. Move it to ${unitDir}.`);
			return;
		}
		if (isQuadletKind(ctx.kind) && inUnitDir(ctx.path)) {
			report(ctx, `${ctx.info.dropIn ? `This .${ctx.kind} drop-in` : ctx.info.fileName} is in a systemd unit directory: systemd does not know .${ctx.kind} files and the quadlet generator does not read this directory. Move it to ${quadletDir}.`);
		}
	},
});

function report(ctx: RuleContext, message: string): void {
	const first = ctx.parsed.sections[0];
	const line = ctx.parsed.lines[0];
	ctx.report({ start: first ? first.start : line?.start ?? 0, end: first ? first.end : line?.end ?? 0, message });
}

function segments(path: string): string[] {
	return path.split('/').filter(Boolean);
}

/** Somewhere below a …/containers/systemd/ directory. */
function inQuadletDir(path: string): boolean {
	const s = segments(path);
	for (let i = 0; i + 1 < s.length - 1; i++) if (s[i] === 'containers' && s[i + 1] === 'systemd') return true;
	return false;
}

/** Somewhere below a …/systemd/system/ (or system.control, user) directory that is not a quadlet one. */
function inUnitDir(path: string): boolean {
	const s = segments(path);
	for (let i = 0; i + 1 < s.length - 1; i++) {
		if (s[i] === 'systemd' && ['system', 'system.control', 'user'].includes(s[i + 1]) && s[i - 1] !== 'containers') return true;
	}
	return false;
}

/**
 * A `.conf` directly in a quadlet directory (not in a `*.d/` directory). Such files only reach
 * the rules once unit-path classifies them (today getUnitFileInfo gives them no kind).
 */
function strayConf(ctx: RuleContext): boolean {
	if (!ctx.info.fileName.endsWith('.conf')) return false;
	const parent = segments(ctx.path).slice(-2, -1)[0] ?? '';
	return !parent.endsWith('.d') && inQuadletDir(ctx.path);
}
