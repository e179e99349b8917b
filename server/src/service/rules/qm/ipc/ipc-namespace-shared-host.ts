import { defineRule, type RuleContext } from '../../rule';
import { PRIMARY_SECTION } from '../../../catalog/catalog';
import type { EntryNode } from '../../../parser/ast';
import { valueIndexToOffset } from '../../../parser/parse-unit';
import { parsePodmanArgs, type PodmanArg } from '../../../qm/podman-args';
import type { Fix } from '../../../types';
import { inDomain } from '../support';

/** Namespace flags the QM boundary must not share with the host. */
const BOUNDARY_FLAGS: Record<string, string> = {
	'--ipc': 'SysV/POSIX IPC (shared memory, semaphores, message queues)',
	'--pid': 'process IDs',
	'--uts': 'host name',
	'--cgroupns': 'cgroup tree view',
	'--userns': 'user IDs',
};

/**
 * Diagnostic: qm/ipc-namespace-shared-host
 * PodmanArgs= joins a host namespace: on the QM boundary (--ipc/--pid/--uts/--cgroupns/--userns
 * =host, or UserNS=host) the partition shares that namespace with every ASIL process; on a nested
 * QM container --ipc=host joins QM's own IPC namespace, shared by every QM service.
 */
export default defineRule({
	id: 'qm/ipc-namespace-shared-host',
	defaultSeverity: 'error',
	title: 'QM partition or nested container sharing a host namespace',
	why: 'IPC namespaces are the isolation unit for SysV/POSIX IPC: the QM partition must not share the host\'s (FFI shared_memory_files test, per-partition fs.mqueue.queues_max in qm.container), nor its PID/UTS/cgroup/user namespaces. Inside QM, --ipc=host means QM\'s namespace, shared with every QM service (warning).',
	fix: 'Remove the flag; for shared memory between QM containers put them in one .pod, which shares an IPC namespace and an SELinux label.',
	appliesTo: (ctx) => inDomain(ctx, 'qm-boundary', 'qm') || (inDomain(ctx, 'asil') && ctx.domain.alsoBoundary === true),
	check(ctx) {
		const boundary = ctx.domain.domain !== 'qm';
		const primary = PRIMARY_SECTION[ctx.kind];
		if (!primary) return;
		for (const e of ctx.parsed.entries) {
			if (e.section?.name !== primary) continue;
			if (e.key === 'UserNS' && boundary && e.value.trim().split(':')[0] === 'host') {
				ctx.report({
					start: e.valueStart, end: e.valueEnd,
					message: `UserNS=host runs the QM partition in the host's user namespace, so QM's root and every QM UID are the host's. The partition must keep its own namespaces; remove the line.`,
					fixes: [removeLine(ctx, e, 'Remove UserNS=host')],
				});
				continue;
			}
			if (e.key !== 'PodmanArgs') continue;
			for (const arg of parsePodmanArgs(e.value)) {
				if (arg.value !== 'host' || !(arg.flag in BOUNDARY_FLAGS)) continue;
				if (!boundary && arg.flag !== '--ipc') continue;
				const span = argSpan(e, arg);
				const text = e.value.slice(span.start, span.end);
				const fix = removeArg(ctx, e, span);
				ctx.report({
					start: valueIndexToOffset(e, span.start), end: valueIndexToOffset(e, span.end),
					severity: boundary ? undefined : 'warning',
					message: boundary
						? `PodmanArgs=${text} makes the QM partition share the host's ${BOUNDARY_FLAGS[arg.flag]} namespace with every ASIL process, breaking the partition's isolation${arg.flag === '--ipc' ? ' (QM must not see host shared memory or message queues)' : ''}. Remove it.`
						: `PodmanArgs=${text} inside QM joins the partition's IPC namespace, shared by every QM service (its shared memory and message queues, limited to fs.mqueue.queues_max=4), instead of a private one. Remove it; to share memory with another QM container put both in one .pod.`,
					fixes: fix ? [fix] : undefined,
				});
			}
		}
	},
});

/** `[start, end)` in the value of the flag and its value (`--ipc=host` or `--ipc host`). */
function argSpan(e: EntryNode, arg: PodmanArg): { start: number; end: number } {
	const start = e.value.lastIndexOf(arg.flag, arg.valueIndex);
	const rest = /^("[^"]*"|'[^']*'|[^\s"'])+/.exec(e.value.slice(arg.valueIndex));
	return { start: start < 0 ? arg.valueIndex : start, end: arg.valueIndex + (rest ? rest[0].length : arg.value.length) };
}

function removeLine(ctx: RuleContext, e: EntryNode, title: string): Fix {
	const first = ctx.parsed.lines[e.firstLine];
	const last = ctx.parsed.lines[e.lastLine];
	return { title, edits: [{ start: first.start, end: last.next, newText: '' }], isPreferred: true };
}

/** Deletes one flag with its surrounding space, or the whole line when it was the only content. */
function removeArg(ctx: RuleContext, e: EntryNode, span: { start: number; end: number }): Fix | undefined {
	const title = `Remove ${e.value.slice(span.start, span.end)}`;
	if (e.value.slice(0, span.start).trim() === '' && e.value.slice(span.end).trim() === '') return removeLine(ctx, e, title);
	let { start, end } = span;
	const after = /^\s+/.exec(e.value.slice(end));
	if (after && e.value.slice(end + after[0].length).length) end += after[0].length;
	else { const before = /\s+$/.exec(e.value.slice(0, start)); if (before) start -= before[0].length; }
	const docStart = valueIndexToOffset(e, start);
	const docEnd = valueIndexToOffset(e, end);
	// Only edit within one physical line: a continuation in between would need more care.
	if (docEnd - docStart !== end - start) return undefined;
	return { title, edits: [{ start: docStart, end: docEnd, newText: '' }], isPreferred: true };
}
