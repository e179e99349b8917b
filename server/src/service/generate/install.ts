/**
 * The symlinks podman's generator creates from [Install] (quadlet-spec §4, §5): Alias=,
 * WantedBy=, RequiredBy=, UpheldBy=. A template is installed only with DefaultInstance=, as
 * that instance. Links are relative to the generator's output directory.
 */
import type { UnitView } from '../model/unit-view';
import type { UnitFileInfo } from '../unit-path';
import { cleanPath } from './context';
import { Reader } from './reader';

export interface Symlink {
	/** Path of the link below the output directory, e.g. "multi-user.target.wants/web.service". */
	link: string;
	/** What the link points at, relative to the link's directory, e.g. "../web.service". */
	target: string;
}

const DEPENDENCY_DIRS: [string, string][] = [['WantedBy', 'wants'], ['RequiredBy', 'requires'], ['UpheldBy', 'upholds']];

export function installSymlinks(view: UnitView, info: UnitFileInfo, serviceName: string, upholdsSupported = true): Symlink[] {
	const install = new Reader(view, 'Install');
	let installed = serviceName;
	if (info.template && info.template.instance === '') {
		const instance = install.nonEmpty('DefaultInstance');
		if (instance === undefined) return [];
		const at = serviceName.lastIndexOf('@');
		installed = at >= 0 ? `${serviceName.slice(0, at + 1)}${instance}${serviceName.slice(at + 1)}` : serviceName;
	}
	const out: Symlink[] = [];
	for (const alias of install.words('Alias')) {
		const link = cleanPath(alias).replace(/^\/+/, '');
		const depth = link.split('/').length - 1;
		out.push({ link, target: `${'../'.repeat(depth)}${serviceName}` });
	}
	for (const [key, suffix] of DEPENDENCY_DIRS) {
		if (key === 'UpheldBy' && !upholdsSupported) continue;
		for (const unit of install.words(key)) {
			if (unit.includes('/')) continue;
			out.push({ link: `${unit}.${suffix}/${installed}`, target: `../${serviceName}` });
		}
	}
	return out;
}
