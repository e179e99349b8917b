import { splitWords } from '../../../model/unit-view';
import type { QmUnit } from '../../../qm/model';
import { isUnder } from '../../../qm/paths';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { occurrencesHere, removeFix, shown } from './support';

/**
 * Diagnostic: qm/label-type-wayland-broad
 * qm_container_wayland_t on a nested container with no sign of the GUI stack (no Wayland/D-Bus
 * environment, no /run/user or /run/dbus volume, no org.containers.qm.wayland* annotation). The
 * type may connect to qm_t and manage qm_file_t, far more than qm_container_t.
 */
export default defineRule({
	id: 'qm/label-type-wayland-broad',
	defaultSeverity: 'information',
	title: 'Wayland type on a container that is not part of the GUI stack',
	why: 'qm_container_wayland_t may connect to qm_t, talk D-Bus with it and manage qm_file_t files (qm.if); upstream uses it only for the Wayland/window-manager sub-packages.',
	fix: 'Remove the key unless the container belongs to the GUI stack (then it normally sets WAYLAND_DISPLAY/XDG_RUNTIME_DIR and mounts /run/user/…).',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.kind === 'container',
	check(ctx) {
		const wayland = occurrencesHere(ctx, 'type').filter((o) => o.value.trim() === 'qm_container_wayland_t');
		if (wayland.length === 0) return;
		const unit = ctx.qmUnit();
		if (!unit || guiSignals(unit)) return;
		for (const o of wayland) {
			ctx.report({
				start: o.start, end: o.end,
				message: `${shown(o)} gives this container the GUI-stack type, which may connect to qm_t and manage QM's own files, but nothing here looks like Wayland or D-Bus (no WAYLAND_*, XDG_RUNTIME_DIR or DBUS_SESSION_BUS_ADDRESS, no /run/user or /run/dbus volume, no org.containers.qm.wayland annotation). Remove the key to run as qm_container_t unless the container is part of the GUI stack.`,
				fixes: removeFix(o),
			});
		}
	},
});

function guiSignals(unit: QmUnit): boolean {
	const envNames = new Set(Object.keys(unit.env));
	for (const e of unit.view.lookupAll('Service', 'Environment')) {
		for (const w of splitWords(e.entry.value)) envNames.add(w.split('=')[0]);
	}
	if ([...envNames].some((n) => n.startsWith('WAYLAND_') || n === 'XDG_RUNTIME_DIR' || n === 'DBUS_SESSION_BUS_ADDRESS')) return true;
	const gui = (p: string | undefined) => p !== undefined && p.startsWith('/') && (isUnder(p, '/run/user') || isUnder(p, '/run/dbus'));
	if (unit.mounts.some((m) => gui(m.source) || gui(m.dest))) return true;
	if (unit.refs.some((r) => gui(r.path))) return true;
	return unit.view.lookupWords('Container', 'Annotation').some((a) => a.startsWith('org.containers.qm.wayland'));
}
