import { hasExpansion } from '../../catalog/value-types/expansion';
import { defineRule } from '../rule';
import { lookupText, primarySection, valueSpan } from './support';

/**
 * Diagnostic: quadlet/short-image-name
 * Image= is a short name such as "nginx" or "library/nginx". podman resolves it through the
 * short-name aliases and search registries at pull time, which can pick a different registry
 * than intended; the generator prints a warning for it.
 */
export default defineRule({
	id: 'quadlet/short-image-name',
	defaultSeverity: 'information',
	title: 'Image= is not a fully qualified image name',
	why: 'A short name is resolved through registries.conf at pull time: slower, and a different registry may answer. podman\'s generator warns about it.',
	fix: 'Write the registry host in front, e.g. docker.io/library/nginx:1.27 or quay.io/org/app:1.0, or refer to a .image/.build unit.',
	appliesTo: (ctx) => ctx.kind === 'container' || ctx.kind === 'volume' || ctx.kind === 'image',
	check(ctx) {
		const image = ctx.view.last(primarySection(ctx), 'Image');
		if (!image || image.path !== ctx.path) return;
		const { text, index } = lookupText(image.entry);
		if (text === '' || text.endsWith('.image') || text.endsWith('.build') || isUnambiguous(text)) return;
		const note = hasExpansion(text) ? ' (podman checks the text before systemd expands variables or specifiers)' : '';
		ctx.report({
			...valueSpan(image.entry, index, index + text.length),
			message: `Image=${text} is a short image name${note}: podman picks the registry through its short-name aliases and search list when pulling, and its generator warns that this is "not a fully qualified image name". Write the registry host in front${dockerHub(text)}.`,
		});
	},
});

/** The Docker Hub spelling of a short name, as an example of a fully qualified one. */
function dockerHub(name: string): string {
	if (hasExpansion(name)) return '';
	return `, e.g. ${name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`} if the image comes from Docker Hub`;
}

/** podman's isUnambiguousName: an image id, or a first path component that is a registry host. */
export function isUnambiguous(name: string): boolean {
	if (name.startsWith('sha256:') || /^[0-9a-fA-F]{64}$/.test(name)) return true;
	const slash = name.indexOf('/');
	if (slash < 0) return false;
	const domain = name.slice(0, slash);
	return domain.includes('.') || domain.includes(':') || domain === 'localhost';
}
