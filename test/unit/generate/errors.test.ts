import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, gen, IMG } from './helpers';
import type { GenerateOptions } from '../../../server/src/service/generate/index';

interface Case {
	name: string;
	files: Record<string, string>;
	/** The unit to generate (the first file when omitted). */
	target?: string;
	error: string;
	options?: GenerateOptions;
}

const C = (body: string) => `[Container]\nImage=${IMG}\n${body}`;

const CASES: Case[] = [
	{ name: 'unknown key', files: { 'a.container': C('Imag=x\n') }, error: `unsupported key 'Imag' in group 'Container' in ${DIR}/a.container` },
	{ name: 'unknown [Quadlet] key', files: { 'a.volume': '[Quadlet]\nFoo=1\n' }, error: `unsupported key 'Foo' in group 'Quadlet' in ${DIR}/a.volume` },
	{ name: 'key newer than the target podman', files: { 'a.container': C('Memory=1g\n') }, options: { podmanVersion: '5.4' }, error: `unsupported key 'Memory' in group 'Container' in ${DIR}/a.container` },
	{ name: 'unit type newer than the target podman', files: { 'a.artifact': '[Artifact]\nArtifact=quay.io/a/b\n' }, options: { podmanVersion: '5.6' }, error: 'podman 5.6 does not read .artifact files (added in 5.7)' },
	{ name: 'no image', files: { 'a.container': '[Container]\nImage=\n' }, error: 'no Image or Rootfs key specified' },
	{ name: 'image and rootfs', files: { 'a.container': C('Rootfs=/r\n') }, error: 'the Image And Rootfs keys conflict can not be specified together' },
	{ name: 'KillMode', files: { 'a.container': C('[Service]\nKillMode=process\n') }, error: 'invalid KillMode \'process\'' },
	{ name: 'kube KillMode', files: { 'a.kube': '[Kube]\nYaml=a.yml\n[Service]\nKillMode=none\n' }, error: 'invalid KillMode \'none\'' },
	{ name: 'Type', files: { 'a.container': C('[Service]\nType=simple\n') }, error: 'invalid service Type \'simple\'' },
	{ name: 'kube Type', files: { 'a.kube': '[Kube]\nYaml=a.yml\n[Service]\nType=forking\n' }, error: 'invalid service Type \'forking\'' },
	{ name: 'reload both', files: { 'a.container': C('ReloadCmd=/bin/true\nReloadSignal=SIGHUP\n') }, error: 'ReloadCmd and ReloadSignal are mutually exclusive but both are set' },
	{ name: 'group without user', files: { 'a.container': C('Group=wheel\n') }, error: 'invalid Group set without User' },
	{ name: 'port format', files: { 'a.container': C('ExposeHostPort=http\n') }, error: 'invalid port format \'http\'' },
	{ name: 'remap with explicit mapping', files: { 'a.container': C('UserNS=auto\nRemapUsers=auto\n') }, error: 'deprecated Remap keys are set along with explicit mapping keys' },
	{ name: 'pod remap with explicit mapping', files: { 'a.pod': '[Pod]\nUIDMap=0:1:1\nRemapUid=0:1:1\n' }, error: 'deprecated Remap keys are set along with explicit mapping keys' },
	{ name: 'RemapUid without RemapUsers', files: { 'a.container': C('RemapUid=0:1:1\n') }, error: 'UidMap set without RemapUsers' },
	{ name: 'RemapGid without RemapUsers', files: { 'a.kube': '[Kube]\nYaml=a.yml\nRemapGid=0:1:1\n' }, error: 'GidMap set without RemapUsers' },
	{ name: 'RemapUsers=manual in kube', files: { 'a.kube': '[Kube]\nYaml=a.yml\nRemapUsers=manual\n' }, error: 'RemapUsers=manual is not supported' },
	{ name: 'keep-id with two UIDs', files: { 'a.container': C('RemapUsers=keep-id\nRemapUid=1 2\n') }, error: 'RemapUsers=keep-id supports only a single value for UID mapping' },
	{ name: 'keep-id with two GIDs', files: { 'a.pod': '[Pod]\nRemapUsers=keep-id\nRemapGid=1\nRemapGid=2\n' }, error: 'RemapUsers=keep-id supports only a single value for GID mapping' },
	{ name: 'unknown RemapUsers', files: { 'a.container': C('RemapUsers="auto"\n') }, error: 'unsupported RemapUsers option \'"auto"\'' },
	{ name: 'image unit missing', files: { 'a.container': '[Container]\nImage=nope.image\n' }, error: 'requested Quadlet image nope.image was not found' },
	{ name: 'volume image unit missing', files: { 'a.volume': '[Volume]\nDriver=image\nImage=nope.build\n' }, error: 'requested Quadlet image nope.build was not found' },
	{ name: 'network unit missing', files: { 'a.build': '[Build]\nImageTag=t\nSetWorkingDirectory=unit\nNetwork=nope.network\n' }, error: 'requested Quadlet unit nope.network was not found' },
	{ name: 'container unit missing', files: { 'a.kube': '[Kube]\nYaml=a.yml\nNetwork=nope.container\n' }, error: 'requested Quadlet unit nope.container was not found' },
	{ name: 'template container has no name', files: { 'a.container': C('Network=t@.container\n'), 't@.container': C('') }, target: 'a.container', error: 'cannot get the resource name of t@.container' },
	{ name: 'refused network has no name', files: { 'a.pod': '[Pod]\nNetwork=n.network\n', 'n.network': '[Network]\nGateway=10.0.0.1\n' }, target: 'a.pod', error: 'cannot get the resource name of n.network' },
	{ name: 'options on a container network', files: { 'a.container': C('Network=b.container:ip=1.2.3.4\n'), 'b.container': C('') }, target: 'a.container', error: 'extra options are not supported when joining another container\'s network' },
	{ name: 'volume unit missing', files: { 'a.pod': '[Pod]\nVolume=nope.volume:/x\n' }, error: 'requested Quadlet source nope.volume was not found' },
	{ name: 'mount image unit missing', files: { 'a.container': C('Mount=type=image,source=nope.image,target=/x\n') }, error: 'requested Quadlet source nope.image was not found' },
	{ name: 'empty volume source', files: { 'a.container': C('Volume=:/x\n') }, error: 'source cannot be empty' },
	{ name: 'mount source without value', files: { 'a.container': C('Mount=type=bind,source,target=/x\n') }, error: 'source parameter does not include a value' },
	{ name: 'mount without source', files: { 'a.container': C('Mount=type=glob,target=/x\n') }, error: 'source parameter is required for mount type glob' },
	{ name: 'volume mount without source (podman 5.8)', files: { 'a.container': C('Mount=type=volume,target=/x\n') }, options: { podmanVersion: '5.8' }, error: 'source parameter is required for mount type volume' },
	{ name: 'mount with two records', files: { 'a.container': C('Mount="type=bind,src=/a,dst=/b\\ntype=bind"\n') }, error: 'incorrect mount format: should be --mount type=<bind|glob|tmpfs|volume>,[src=<host-dir|volume-name>,]target=<ctr-dir>[,options]' },
	{ name: 'mount csv error', files: { 'a.container': C('Mount=type=bind,src=/a\\"b,dst=/c\n') }, error: 'parse error on mount "type=bind,src=/a"b,dst=/c": a " may only appear inside a field that starts with a quote' },
	{ name: 'pod not quadlet', files: { 'a.container': C('Pod=mypod\n') }, error: 'pod mypod is not Quadlet based' },
	{ name: 'pod unit missing', files: { 'a.container': C('Pod=nope.pod\n') }, error: 'quadlet pod unit nope.pod does not exist' },
	{ name: 'dependency missing', files: { 'a.network': '[Unit]\nRequires=nope.volume\n[Network]\n' }, error: 'unable to translate dependency for nope.volume' },
	{ name: 'no Yaml', files: { 'a.kube': '[Kube]\nYaml=\n' }, error: 'no Yaml key specified' },
	{ name: 'yaml working dir with two files', files: { 'a.kube': '[Kube]\nYaml=a.yml b.yml\nSetWorkingDirectory=yaml\n' }, error: 'SetWorkingDirectory=yaml is only supported when a single Yaml key is provided' },
	{ name: 'file working dir in kube', files: { 'a.kube': '[Kube]\nYaml=a.yml\nSetWorkingDirectory=file\n' }, error: 'SetWorkingDirectory=file is only supported in .build files' },
	{ name: 'other working dir in kube', files: { 'a.kube': '[Kube]\nYaml=a.yml\nSetWorkingDirectory=/srv\n' }, error: 'unsupported value for WorkingDirectory: /srv ' },
	{ name: 'yaml working dir in build', files: { 'a.build': '[Build]\nImageTag=t\nSetWorkingDirectory=yaml\n' }, error: 'SetWorkingDirectory=yaml is only supported in .kube files' },
	{ name: 'file working dir without File', files: { 'a.build': '[Build]\nImageTag=t\nSetWorkingDirectory=file\n' }, error: 'no File key specified' },
	{ name: 'image driver without Image', files: { 'a.volume': '[Volume]\nDriver=image\n' }, error: 'the key Image is mandatory when using the image driver' },
	{ name: 'Type without Device', files: { 'a.volume': '[Volume]\nType=tmpfs\n' }, error: 'key Type can\'t be used without Device' },
	{ name: 'Options without Device (podman 5.8)', files: { 'a.volume': '[Volume]\nOptions=ro\n' }, options: { podmanVersion: '5.8' }, error: 'key Options can\'t be used without Device' },
	{ name: 'more gateways', files: { 'a.network': '[Network]\nSubnet=10.0.0.0/24\nGateway=10.0.0.1\nGateway=10.0.0.2\n' }, error: 'cannot set more gateways than subnets' },
	{ name: 'more ranges', files: { 'a.network': '[Network]\nSubnet=10.0.0.0/24\nIPRange=10.0.0.0/25\nIPRange=10.0.0.128/25\n' }, error: 'cannot set more ranges than subnets' },
	{ name: 'gateway without subnet', files: { 'a.network': '[Network]\nIPRange=10.0.0.0/25\n' }, error: 'cannot set gateway or range without subnet' },
	{ name: 'no Image in .image', files: { 'a.image': '[Image]\nArch=arm64\n' }, error: 'no Image key specified' },
	{ name: 'no ImageTag', files: { 'a.build': '[Build]\nSetWorkingDirectory=unit\n' }, error: 'no ImageTag key specified' },
	{ name: 'no build context', files: { 'a.build': '[Build]\nImageTag=t\n' }, error: 'neither SetWorkingDirectory, nor File key specified' },
	{ name: 'relative File without working dir', files: { 'a.build': '[Build]\nImageTag=t\nFile=Containerfile\n' }, error: 'relative path in File key requires SetWorkingDirectory key to be set' },
	{ name: 'no Artifact', files: { 'a.artifact': '[Artifact]\nQuiet=yes\n' }, error: 'no Artifact key specified' },
	{ name: 'line podman cannot parse', files: { 'a.container': '[Container]\nImage\n' }, error: `error loading "${DIR}/a.container", file contains line 2: “Image” which is not a key-value pair, group, or comment` },
	{ name: 'key before any group', files: { 'a.container': 'Image=x\n[Container]\n' }, error: `error loading "${DIR}/a.container", key file does not start with a group` },
	{ name: 'bad group name', files: { 'a.container': '[]\n' }, error: `error loading "${DIR}/a.container", invalid group name: ` },
	{ name: 'a sibling that does not parse drops the directory', files: { 'a.container': C(''), 'b.volume': '[Volume\n' }, target: 'a.container', error: `error loading "${DIR}/b.volume", file contains line 1: “[Volume” which is not a key-value pair, group, or comment (podman then skips every unit in ${DIR})` },
	{ name: 'not a quadlet unit', files: { 'a.socket': '[Socket]\nListenStream=80\n' }, error: 'a.socket is not a quadlet unit file' },
	{ name: 'a drop-in is not a unit', files: { 'a.container.d/x.conf': '[Container]\n' }, error: 'x.conf is not a quadlet unit file' },
];

for (const c of CASES) {
	test(`refused: ${c.name}`, () => {
		const g = gen(c.files, c.target ?? Object.keys(c.files)[0], c.options);
		assert.deepEqual(g.errors, [c.error]);
		assert.equal(g.text, '');
		assert.deepEqual(g.sections, []);
		assert.deepEqual(g.symlinks, []);
	});
}

test('refused units still report warnings printed before the error', () => {
	const g = gen({ 'a.container': '[Container]\nImage=nginx\nGroup=x\n[Service]\nDynamicUser=yes\n' }, 'a.container');
	assert.deepEqual(g.errors, ['invalid Group set without User']);
	assert.ok(g.warnings.some((w) => w.includes('DynamicUser')));
});

test('a file that is not in the workspace', () => {
	const g = gen({}, '/nowhere/a.container');
	assert.deepEqual(g.errors, ['/nowhere/a.container is not in the workspace']);
});
