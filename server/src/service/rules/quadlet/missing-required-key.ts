import type { ViewEntry } from '../../model/unit-view';
import type { Fix } from '../../types';
import { baseName } from '../../unit-path';
import { defineRule, type RuleContext } from '../rule';
import { anchor, insertKeyFix, isMainUnit, lookupNonEmpty, lookupText } from './support';

/**
 * Diagnostic: quadlet/missing-required-key
 * A unit without a key the generator cannot do without: the image of a container, the YAML of a
 * kube unit, the tag of a build, the reference of an artifact, a build context. The generator
 * stops with an error and no service is written, so the unit simply does not exist for systemd.
 */
export default defineRule({
	id: 'quadlet/missing-required-key',
	defaultSeverity: 'error',
	title: 'A key the generator requires is missing',
	why: 'Without it podman\'s generator refuses the whole unit and writes no service, so systemd never sees the unit.',
	fix: 'Add the key (the quick fix inserts it with a placeholder value at the end of the unit\'s own section); replace the placeholder with the real value.',
	appliesTo: isMainUnit,
	check(ctx) {
		switch (ctx.kind) {
			case 'container': return checkContainer(ctx);
			case 'kube': return checkKube(ctx);
			case 'image': return checkSingle(ctx, 'Image', 'Image', IMAGE_PLACEHOLDER, 'no Image key specified', 'the image to pull');
			case 'artifact': return checkSingle(ctx, 'Artifact', 'Artifact', 'registry.example.com/namespace/artifact:latest', 'no Artifact key specified', 'the OCI artifact to pull');
			case 'volume': return checkVolume(ctx);
			case 'build': return checkBuild(ctx);
			default: return undefined;
		}
	},
});

const IMAGE_PLACEHOLDER = 'registry.example.com/namespace/image:latest';

function stem(ctx: RuleContext): string {
	const name = baseName(ctx.path);
	const dot = name.lastIndexOf('.');
	return (dot > 0 ? name.slice(0, dot) : name).replace(/@.*$/, '') || 'image';
}

function report(ctx: RuleContext, at: ViewEntry | undefined, message: string, fix: Fix): void {
	ctx.report({ ...anchor(ctx, at, 'the empty assignment the generator reads'), message, fixes: [fix] });
}

function checkContainer(ctx: RuleContext): void {
	const v = ctx.view;
	if (lookupNonEmpty(v, 'Container', 'Image') || lookupNonEmpty(v, 'Container', 'Rootfs')) return;
	const at = v.last('Container', 'Image') ?? v.last('Container', 'Rootfs');
	report(ctx, at,
		'[Container] names no image: neither Image= nor Rootfs= has a value, and podman\'s generator refuses the unit ("no Image or Rootfs key specified"). Add Image= with the image to run, or Rootfs= with the path of a root file system.',
		insertKeyFix(ctx, 'Image', IMAGE_PLACEHOLDER, 'Add Image= (placeholder image to replace)'));
}

function checkKube(ctx: RuleContext): void {
	const v = ctx.view;
	if (v.lookupWords('Kube', 'Yaml').length > 0) return;
	report(ctx, v.last('Kube', 'Yaml'),
		'[Kube] names no Kubernetes YAML file, and podman\'s generator refuses the unit ("no Yaml key specified"). Add Yaml= with the path of the file to play (relative paths are taken from the unit\'s directory).',
		insertKeyFix(ctx, 'Yaml', `${stem(ctx)}.yaml`, 'Add Yaml= (placeholder file name to replace)'));
}

function checkSingle(ctx: RuleContext, section: string, key: string, placeholder: string, podmanText: string, what: string): void {
	if (lookupNonEmpty(ctx.view, section, key)) return;
	report(ctx, ctx.view.last(section, key),
		`[${section}] has no ${key}= value naming ${what}, and podman's generator refuses the unit ("${podmanText}"). Add ${key}=.`,
		insertKeyFix(ctx, key, placeholder, `Add ${key}= (placeholder to replace)`));
}

function checkVolume(ctx: RuleContext): void {
	const v = ctx.view;
	const driver = v.last('Volume', 'Driver');
	if (!driver || lookupText(driver.entry).text !== 'image') return;
	const image = v.last('Volume', 'Image');
	if (image) {
		if (lookupText(image.entry).text === '' && image.path === ctx.path) {
			ctx.report({
				start: image.entry.keyStart, end: image.entry.valueEnd,
				severity: 'warning',
				message: 'Driver=image needs the image to mount, but Image= is empty: the generator accepts it and podman then fails to create the volume. Write the image name after Image=.',
			});
		}
		return;
	}
	ctx.report({
		...anchor(ctx, driver, 'Driver=image is set here'),
		message: 'Driver=image mounts an image as the volume, but [Volume] has no Image=, and podman\'s generator refuses the unit ("the key Image is mandatory when using the image driver"). Add Image= with the image to mount.',
		fixes: [insertKeyFix(ctx, 'Image', IMAGE_PLACEHOLDER, 'Add Image= (placeholder image to replace)')],
	});
}

function checkBuild(ctx: RuleContext): void {
	const v = ctx.view;
	if (v.lookupAll('Build', 'ImageTag').length === 0) {
		report(ctx, v.last('Build', 'ImageTag'),
			'[Build] has no ImageTag=, and podman\'s generator refuses the unit ("no ImageTag key specified"): the tag is the name other units use to refer to the built image. Add ImageTag= with the name to give the image.',
			insertKeyFix(ctx, 'ImageTag', `localhost/${stem(ctx)}`, 'Add ImageTag= (placeholder name to replace)'));
	}
	const swd = v.last('Build', 'SetWorkingDirectory');
	const swdText = swd ? lookupText(swd.entry).text : '';
	const file = v.last('Build', 'File');
	if (swdText.toLowerCase() === 'file' && !file) {
		ctx.report({
			...anchor(ctx, swd, 'SetWorkingDirectory=file is set here'),
			message: 'SetWorkingDirectory=file builds in the directory of the File= Containerfile, but [Build] has no File=, and podman\'s generator refuses the unit ("no File key specified"). Add File= with the Containerfile path, or use SetWorkingDirectory=unit.',
			fixes: [insertKeyFix(ctx, 'File', 'Containerfile', 'Add File=Containerfile')],
		});
	}
	const fileText = file ? lookupText(file.entry).text : '';
	const workDir = lookupNonEmpty(v, 'Service', 'WorkingDirectory');
	if (swdText === '' && fileText === '' && !workDir) {
		report(ctx, swd ?? file,
			'[Build] says neither what to build nor where: there is no File=, no SetWorkingDirectory= and no [Service] WorkingDirectory=, and podman\'s generator refuses the unit ("neither SetWorkingDirectory, nor File key specified"). Add SetWorkingDirectory=unit to build in the unit\'s directory, or File= with a Containerfile.',
			insertKeyFix(ctx, 'SetWorkingDirectory', 'unit', 'Add SetWorkingDirectory=unit'));
	}
}
