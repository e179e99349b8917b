// Deterministic generator of realistic containers/qm trees for the benchmark.
//
// Layout (relative to the tree root, which stands for "/"):
//   host  etc/containers/systemd/<app>/…         quadlets of ASIL apps (+ drop-ins, container.d)
//         usr/share/containers/systemd/qm.container   the QM partition (vendor file)
//         etc/containers/systemd/qm.container.d/*.conf boundary drop-ins (/run/ipc bridge)
//         etc/systemd/system/*.socket|*.service   host sockets activating host containers
//   QM    etc/qm/containers/systemd/<app>/…      quadlets inside the partition
//         etc/qm/systemd/system/*.socket|*.service
// Every quadlet type appears, with cross references (Pod=, Network=x.network, Volume=x.volume:,
// Image=x.image/x.build, Mount=…source=x.artifact, [Unit] Requires/After), socket activation,
// /run/ipc bridge pieces, QM peers sharing a directory at one SecurityLabelLevel, and a few
// percent of faults (typos, bad booleans, wrong levels, missing Requires, dangling references).
// One host network ("asil-backbone.network") is the hub referenced by up to 500 host containers.
// Outside the injected faults the units follow the QM rules (no bridge networks or net.* sysctls
// inside QM, peers share a level, one writer per volume, bridge sockets start their server).
//
// No Math.random: everything comes from a seeded PRNG, so a given (files, seed) is byte-identical.
import { mkdirSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';

export const DEFAULT_SEED = 0x5eed_0f_c0;
export const HUB_NETWORK = 'asil-backbone.network';
export const HUB_DEPENDENTS_MAX = 500;
const FAULT_RATE = 0.03;

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick: (arr) => arr[Math.floor(next() * arr.length)],
	};
}

const WORDS = ['media', 'telemetry', 'radio', 'nav', 'hvac', 'camera', 'voice', 'maps', 'ota', 'diag', 'seat', 'audio',
	'cluster', 'park', 'lidar', 'gateway', 'logger', 'metrics', 'auth', 'cache', 'sync', 'store', 'proxy', 'bridge'];
const ROLES = ['server', 'client', 'worker', 'api', 'db', 'agent', 'ui', 'sidecar', 'cron', 'broker'];
const REGISTRIES = ['registry.example.com', 'quay.io/automotive', 'registry.redhat.io/ubi9', 'ghcr.io/fleet'];
const ENV_KEYS = ['LOG_LEVEL', 'RUST_LOG', 'TZ', 'LANG', 'APP_MODE', 'FEATURE_FLAGS', 'CACHE_DIR', 'WORKERS', 'DBUS_SESSION', 'REGION'];
const CAPS = ['CAP_NET_BIND_SERVICE', 'CAP_SYS_NICE', 'CAP_NET_RAW', 'CAP_IPC_LOCK', 'CAP_CHOWN'];
const COMMENTS = [
	'# Managed by the fleet configuration; edit the drop-in instead.',
	'# Keep in sync with the vehicle profile.',
	'# See the integration guide for the meaning of these labels.',
	'# TODO: tighten once the new policy lands.',
	'; legacy comment style, still accepted',
	'# Restart quickly: the HMI waits for this service.',
];

/**
 * Writes a tree of about `files` unit files into `root` (created). Returns statistics and the
 * hub network with its dependents, for the language-server scenarios.
 */
export function generateTree(root, { files = 1000, seed = DEFAULT_SEED } = {}) {
	const r = prng(seed ^ files);
	const out = new Map(); // relative path -> text
	const kinds = {};
	let faults = 0;
	let bytes = 0;
	let lines = 0;
	const hubDependents = [];
	let qmVolume;
	const used = new Set();
	const qmDropIns = [];
	let qmClientSeq = 0;

	const add = (rel, text) => {
		if (out.has(rel)) throw new Error(`generator produced ${rel} twice`);
		out.set(rel, text);
		const m = /\.([a-z]+)$/.exec(rel);
		const k = rel.includes('.d/') ? 'drop-in' : m ? m[1] : 'other';
		kinds[k] = (kinds[k] ?? 0) + 1;
	};

	// --- fixed pieces -------------------------------------------------------------------------
	add('usr/share/containers/systemd/qm.container', qmContainer());
	add('etc/containers/systemd/container.d/00-defaults.conf', [
		'# Host-wide defaults for every container (qm.container included).',
		'[Container]', 'LogDriver=journald', 'Label=org.example.fleet=base', '',
		'[Service]', 'TimeoutStartSec=900', '',
	].join('\n'));
	add('etc/qm/containers/systemd/container.d/00-qm-defaults.conf', [
		'# Defaults for every container inside the QM partition.',
		'[Container]', 'LogDriver=journald', 'NoNewPrivileges=true', 'Label=org.example.domain=qm', '',
	].join('\n'));
	add(`etc/containers/systemd/${HUB_NETWORK}`, [
		'# Shared host network: most ASIL services talk over it.',
		'[Unit]', 'Description=ASIL backbone network', '',
		'[Network]', 'Subnet=10.88.0.0/16', 'Gateway=10.88.0.1', 'Label=org.example.net=backbone', 'Internal=false', '',
	].join('\n'));

	// --- apps ---------------------------------------------------------------------------------
	let appIndex = 0;
	while (out.size + Math.min(qmDropIns.length, 20) < files) {
		const host = r.chance(0.35);
		const app = `${r.pick(WORDS)}${appIndex++}`;
		buildApp(app, host);
	}
	// Boundary drop-ins for the /run/ipc bridge (a handful: real systems have few).
	for (const d of qmDropIns.slice(0, 20)) add(d.rel, d.text);

	// --- write --------------------------------------------------------------------------------
	const made = new Set();
	for (const [rel, text] of out) {
		const p = join(root, rel);
		const d = dirname(p);
		if (!made.has(d)) { mkdirSync(d, { recursive: true }); made.add(d); }
		writeFileSync(p, text);
		bytes += Buffer.byteLength(text);
		lines += text.split('\n').length;
	}
	return {
		root,
		files: out.size,
		bytes,
		lines,
		kinds,
		faults,
		/** A QM volume unit name that exists (for the big editing unit's references). */
		qmVolume,
		hub: { name: HUB_NETWORK, path: join(root, 'etc/containers/systemd', HUB_NETWORK), dependents: hubDependents.map((rel) => join(root, rel)) },
		/** A few files of each kind (absolute paths), for editor scenarios. */
		samples: pickSamples([...out.keys()].map((rel) => join(root, rel))),
	};

	// ------------------------------------------------------------------------------------------
	function buildApp(app, host) {
		const idx = appIndex;
		const qdir = host ? 'etc/containers/systemd' : 'etc/qm/containers/systemd';
		const sdir = host ? 'etc/systemd/system' : 'etc/qm/systemd/system';
		const sub = r.chance(0.6) ? `${qdir}/${app}` : qdir;
		const unit = (name) => `${sub}/${name}`;
		// A category pair of its own per app (sorted, unique for < 262k apps).
		const level = `s0:c${idx % 512},c${512 + (Math.floor(idx / 512) % 512)}`;

		// Nested QM containers share QM's network namespace: bridge networks only on the host.
		const hasNet = host && r.chance(0.7);
		const net = `${app}.network`;
		if (hasNet) add(unit(net), networkUnit(app));
		const volumes = [];
		for (let i = 0, n = r.int(0, 3); i < n; i++) {
			const v = `${app}-${['data', 'cache', 'logs'][i]}.volume`;
			volumes.push(v);
			if (!host && !qmVolume) qmVolume = v;
			add(unit(v), volumeUnit(app, v));
		}
		let imageRef;
		if (r.chance(0.35)) {
			imageRef = `${app}.image`;
			add(unit(imageRef), imageUnit(app));
		} else if (r.chance(0.1)) {
			imageRef = `${app}.build`;
			add(unit(imageRef), buildUnit(app));
		}
		const pod = r.chance(0.25) ? `${app}.pod` : undefined;
		if (pod) add(unit(pod), podUnit(app, hasNet ? net : undefined, volumes));
		const artifact = r.chance(0.08) ? `${app}-model.artifact` : undefined;
		if (artifact) add(unit(artifact), artifactUnit(app));
		if (r.chance(0.12)) add(unit(`${app}.kube`), kubeUnit(app, hasNet ? net : undefined));

		const n = r.int(2, 6);
		const roles = [];
		for (let i = 0; i < n; i++) {
			let role = r.pick(ROLES);
			while (roles.includes(role)) role = ROLES[(ROLES.indexOf(role) + 1) % ROLES.length];
			roles.push(role);
		}
		const first = `${app}-${roles[0]}`;
		// The /run/ipc bridge: a host socket starting an ipc_t server, a QM client, a qm.container.d drop-in.
		const bridge = host && r.chance(0.12);
		if (bridge) {
			add(`${sdir}/${app}-ipc.socket`, ipcSocket(app, first));
			qmDropIns.push({ rel: `etc/containers/systemd/qm.container.d/${String(qmDropIns.length + 10).padStart(2, '0')}-${app}-ipc.conf`, text: qmIpcDropIn(app) });
			const client = `${app}-ipc-client${qmClientSeq++}.container`;
			add(`etc/qm/containers/systemd/${client}`, qmIpcClient(app));
		}
		// Socket activation of the first container (host: /etc/systemd/system; QM: /etc/qm/systemd/system).
		const activated = !bridge && r.chance(host ? 0.3 : 0.15) ? first : undefined;
		if (activated) add(`${sdir}/${activated}.socket`, socketUnit(app, activated));
		if (r.chance(0.05)) add(`${sdir}/${app}-housekeeping.service`, plainService(app));
		// QM peers: every container of the app shares /run/<app>/ and runs at the app's level.
		const peers = !host && r.chance(0.35);
		// Without a shared level, each volume has one writer (others would be MCS-separated peers).
		const writers = new Map();

		roles.forEach((role, i) => {
			const name = `${app}-${role}`;
			const rel = unit(`${name}.container`);
			const mine = volumes.filter((v) => peers || pod || (!writers.has(v) && r.chance(0.6) && writers.set(v, name)));
			const c = containerUnit({
				rel, app, name, host, level, pod, net: hasNet ? net : undefined, volumes: mine, imageRef, artifact,
				activated: activated === name, bridgeServer: bridge && i === 0, peer: peers,
			});
			add(rel, c);
			if (r.chance(0.25)) add(unit(`${name}.container.d/10-override.conf`), containerDropIn(app));
			if (r.chance(0.05)) add(unit(`${name}.container.d/20-resources.conf`), resourcesDropIn(host));
		});
		if (r.chance(0.05)) add(unit(`${app}-.container.d/50-app-wide.conf`), ['[Container]', `Label=org.example.app=${app}`, `Environment=APP=${app}`, ''].join('\n'));
	}

	function fault() {
		if (!r.chance(FAULT_RATE)) return undefined;
		faults++;
		return r.pick(['typo', 'bool', 'level', 'requires', 'dangling']);
	}

	function pad(lines, target, filler) {
		while (lines.length < target) lines.push(...filler());
	}

	function containerUnit(o) {
		const f = fault();
		const L = [];
		if (r.chance(0.5)) L.push(r.pick(COMMENTS));
		L.push('[Unit]', `Description=${o.app} ${o.name.slice(o.app.length + 1)} container`);
		const deps = [];
		if (o.net && r.chance(0.5)) deps.push(o.net);
		if (o.volumes.length && r.chance(0.5)) deps.push(o.volumes[0]);
		if (deps.length) { L.push(`Requires=${deps.join(' ')}`, `After=${deps.join(' ')}`); }
		if (o.activated && f !== 'requires') L.push(`Requires=${o.name}.socket`, `After=${o.name}.socket`);
		if (o.bridgeServer && f !== 'requires') L.push(`Requires=${o.app}-ipc.socket`, `After=${o.app}-ipc.socket`);
		if (f === 'dangling') L.push(`After=${o.app}-missing.container`);
		L.push('', '[Container]');
		const img = o.imageRef && r.chance(0.8) ? o.imageRef : `${r.pick(REGISTRIES)}/${o.app}/${o.name}:${r.int(1, 9)}.${r.int(0, 20)}`;
		L.push(f === 'typo' ? `Imag=${img}` : `Image=${img}`);
		L.push(`ContainerName=${o.name}`);
		if (o.pod) L.push(`Pod=${o.pod}`);
		else if (o.host && hubDependents.length < HUB_DEPENDENTS_MAX && r.chance(0.4)) {
			L.push(`Network=${HUB_NETWORK}`);
			hubDependents.push(o.rel);
		} else if (o.net) L.push(`Network=${o.net}`);
		else if (o.host) L.push(`Network=${r.pick(['none', 'host', 'private'])}`);
		else if (r.chance(0.4)) L.push(r.chance(0.9) ? 'Network=none' : 'Network=host');
		for (const v of o.volumes) L.push(`Volume=${v}:/var/lib/${o.app}/${v.replace(/\.volume$/, '')}:Z`);
		if (o.artifact && r.chance(0.7)) L.push(`Mount=type=artifact,source=${o.artifact},destination=/models`);
		if (o.peer) L.push(`Volume=/run/${o.app}/:/run/${o.app}/`, `SecurityLabelLevel=${f === 'level' ? 's0:c1030,c2' : o.level}`, `Environment=SOCKET_PATH=/run/${o.app}/${o.app}.sock`);
		else if (!o.host && f === 'level') L.push('SecurityLabelLevel=s2:c3');
		if (o.bridgeServer) L.push('Volume=/run/ipc/:/run/ipc/', 'SecurityLabelType=ipc_t');
		if (f === 'bool') L.push(r.pick(['ReadOnly=maybe', 'NoNewPrivileges=ture', 'RunInit=enabled']));
		else if (r.chance(0.4)) L.push('ReadOnly=true');
		if (o.host && !o.pod && r.chance(0.3)) L.push(`PublishPort=${r.int(1024, 60000)}:${r.pick([80, 443, 8080, 9000])}`);
		if (r.chance(0.2)) L.push(`HealthCmd=/usr/bin/${o.app}-health`, 'HealthInterval=30s');
		const envN = r.int(1, 4);
		for (let i = 0; i < envN; i++) L.push(`Environment=${ENV_KEYS[(i + o.name.length) % ENV_KEYS.length]}=${r.pick(['info', 'debug', '1', 'UTC', 'en_US.UTF-8', 'eu-west'])}`);
		if (r.chance(0.3)) L.push(`PodmanArgs=--log-level=info --pids-limit=${r.int(64, 4096)}`);
		const target = r.int(14, 60);
		const padTo = target - 8;
		pad(L, padTo, () => r.pick([
			() => [`Label=org.example.${r.pick(['team', 'tier', 'asil', 'owner'])}=${r.pick(['infotainment', 'body', 'adas', 'platform'])}`],
			() => [`Annotation=org.example.build=${r.int(1000, 99999)}`],
			() => [`Environment=${r.pick(ENV_KEYS)}_${r.int(1, 99)}=${r.pick(['on', 'off', 'auto'])}`],
			() => [`AddCapability=${r.pick(CAPS)}`],
			() => [r.pick(COMMENTS)],
			() => [o.host ? `Sysctl=net.core.somaxconn=${r.int(128, 4096)}` : `Annotation=org.example.rev=${r.int(1, 99)}`],
			() => [`LogOpt=tag=${o.name}`],
			() => ['Environment=MULTI_LINE=first \\', '  second'],
		])());
		L.push('', '[Service]', 'Restart=always');
		if (r.chance(0.5)) L.push(`TimeoutStartSec=${r.int(60, 900)}`);
		if (r.chance(0.3)) L.push(`MemoryMax=${r.int(64, 2048)}M`);
		if (r.chance(0.2)) L.push(`CPUWeight=${r.int(10, 500)}`);
		L.push('', '[Install]', 'WantedBy=multi-user.target', '');
		return L.join('\n');
	}

	function networkUnit(app) {
		const f = fault();
		const L = ['[Unit]', `Description=${app} network`, '', '[Network]'];
		const a = r.int(1, 250);
		const b = r.int(0, 250);
		L.push(`Subnet=10.${a}.${b}.0/24`, `Gateway=10.${a}.${b}.1`);
		if (f === 'bool') L.push('Internal=sometimes'); else if (r.chance(0.5)) L.push(`Internal=${r.pick(['true', 'false'])}`);
		if (f === 'typo') L.push('Drivr=bridge'); else L.push('Driver=bridge');
		pad(L, r.int(10, 22), () => [r.chance(0.3) ? r.pick(COMMENTS) : `Label=org.example.net.${r.pick(['zone', 'owner', 'cost'])}=${r.int(1, 99)}`]);
		L.push('');
		return L.join('\n');
	}

	function volumeUnit(app, v) {
		const f = fault();
		const L = ['[Unit]', `Description=${v} for ${app}`, '', '[Volume]'];
		if (r.chance(0.3)) L.push(`VolumeName=${v.replace(/\.volume$/, '')}`);
		if (f === 'bool') L.push('Copy=perhaps'); else if (r.chance(0.4)) L.push('Copy=true');
		if (f === 'typo') L.push('Lable=broken');
		if (r.chance(0.3)) L.push(`User=${r.int(1000, 2000)}`, `Group=${r.int(1000, 2000)}`);
		pad(L, r.int(10, 18), () => [r.chance(0.3) ? r.pick(COMMENTS) : `Label=org.example.backup=${r.pick(['daily', 'weekly', 'never'])}`]);
		L.push('');
		return L.join('\n');
	}

	function imageUnit(app) {
		const f = fault();
		const L = ['[Unit]', `Description=Image of ${app}`, '', '[Image]', `Image=${r.pick(REGISTRIES)}/${app}/base:${r.int(1, 9)}.${r.int(0, 9)}`];
		if (f === 'bool') L.push('AllTags=sure'); else L.push(`AllTags=${r.pick(['false', 'true'])}`);
		if (f === 'typo') L.push('Polcy=always');
		L.push(`Arch=${r.pick(['amd64', 'arm64'])}`);
		pad(L, r.int(10, 16), () => [r.pick(COMMENTS)]);
		L.push('', '[Service]', 'TimeoutStartSec=900', '');
		return L.join('\n');
	}

	function buildUnit(app) {
		const L = ['[Unit]', `Description=Local build of ${app}`, '', '[Build]', `ImageTag=localhost/${app}:latest`,
			`File=/usr/share/${app}/Containerfile`, 'SetWorkingDirectory=unit', `Label=org.example.built-by=bench`];
		const f = fault();
		if (f === 'bool') L.push('ForceRM=absolutely'); else L.push('ForceRM=true');
		pad(L, r.int(10, 20), () => [r.chance(0.5) ? r.pick(COMMENTS) : `BuildArg=VERSION=${r.int(1, 9)}.${r.int(0, 9)}`]);
		L.push('');
		return L.join('\n');
	}

	function podUnit(app, net, volumes) {
		const f = fault();
		const L = ['[Unit]', `Description=Pod of ${app}`, '', '[Pod]', `PodName=${app}`];
		if (net) L.push(`Network=${net}`);
		if (volumes[0]) L.push(`Volume=${volumes[0]}:/shared`);
		if (f === 'typo') L.push('PublishPrt=8080:80'); else L.push(`PublishPort=${r.int(1024, 60000)}:80`);
		pad(L, r.int(10, 20), () => [r.chance(0.4) ? r.pick(COMMENTS) : `Label=org.example.pod=${app}`]);
		L.push('', '[Install]', 'WantedBy=multi-user.target', '');
		return L.join('\n');
	}

	function kubeUnit(app, net) {
		const f = fault();
		const L = ['[Unit]', `Description=Kubernetes YAML of ${app}`, '', '[Kube]', `Yaml=/etc/${app}/${app}.yaml`];
		if (net) L.push(`Network=${net}`);
		if (f === 'typo') L.push('ConfigMapp=/etc/x.yaml'); else L.push(`ConfigMap=/etc/${app}/config.yaml`);
		L.push('SetWorkingDirectory=yaml');
		pad(L, r.int(10, 20), () => [r.chance(0.5) ? r.pick(COMMENTS) : `PublishPort=${r.int(1024, 60000)}:${r.int(80, 9000)}`]);
		L.push('', '[Service]', 'Restart=on-failure', '', '[Install]', 'WantedBy=multi-user.target', '');
		return L.join('\n');
	}

	function artifactUnit(app) {
		const L = ['[Unit]', `Description=Model artifact of ${app}`, '', '[Artifact]', `Artifact=quay.io/automotive/${app}-model:${r.int(1, 9)}`];
		const f = fault();
		if (f === 'bool') L.push('TLSVerify=nah'); else L.push('TLSVerify=true');
		pad(L, r.int(10, 14), () => [r.pick(COMMENTS)]);
		L.push('');
		return L.join('\n');
	}

	function socketUnit(app, activated) {
		const f = fault();
		const L = ['[Unit]', `Description=Socket activation of ${activated}`, '', '[Socket]', `ListenStream=%t/${app}-activation/${activated}.sock`];
		if (f === 'typo') L.push('SocketMod=0660'); else L.push('SocketMode=0660');
		if (r.chance(0.3)) L.push(`Service=${activated}.service`);
		if (f === 'bool') L.push('Accept=maybe'); else if (r.chance(0.3)) L.push('Accept=no');
		pad(L, r.int(10, 16), () => [r.pick(COMMENTS)]);
		L.push('', '[Install]', 'WantedBy=sockets.target', '');
		return L.join('\n');
	}

	function ipcSocket(app, server) {
		return ['# ASIL→QM bridge, host side.', '[Unit]', `Description=ASIL→QM bridge socket ${app}`, '', '[Socket]',
			`ListenStream=%t/ipc/${app}.sock`, 'SocketMode=0660', `Service=${server}.service`, 'DirectoryMode=0755', '',
			'[Install]', 'WantedBy=sockets.target', ''].join('\n');
	}

	function qmIpcDropIn(app) {
		return [`# Boundary drop-in: bind /run/ipc into QM for ${app}.`, '[Unit]', `Wants=${app}-ipc.socket`, `After=${app}-ipc.socket`, '',
			'[Container]', 'Volume=/run/ipc/:/run/ipc/', ''].join('\n');
	}

	function qmIpcClient(app) {
		const f = fault();
		const L = ['# QM client of the telemetry bridge.', '[Unit]', `Description=QM client of /run/ipc/${app}.sock`, '', '[Container]',
			`Image=registry.example.com/qm/${app}-client:1.${r.int(0, 9)}`, 'Volume=/run/ipc/:/run/ipc/:ro',
			f === 'level' ? 'SecurityLabelType=qm_container_ipc' : 'SecurityLabelType=qm_container_ipc_t',
			`Environment=SOCKET_PATH=/run/ipc/${app}.sock`];
		if (f === 'bool') L.push('ReadOnly=sometimes');
		pad(L, r.int(12, 24), () => [r.chance(0.4) ? r.pick(COMMENTS) : `Environment=${r.pick(ENV_KEYS)}=${r.int(0, 9)}`]);
		L.push('', '[Service]', 'Restart=always', '', '[Install]', 'WantedBy=multi-user.target', '');
		return L.join('\n');
	}

	function plainService(app) {
		return ['[Unit]', `Description=Housekeeping of ${app}`, '', '[Service]', 'Type=oneshot', `ExecStart=/usr/bin/${app}-gc --max-age=7d`,
			'Nice=10', 'IOSchedulingClass=idle', 'ProtectSystem=strict', 'PrivateTmp=true', ''].join('\n');
	}

	function containerDropIn(app) {
		const f = fault();
		const L = ['# Local override.', '[Container]', `Environment=${r.pick(ENV_KEYS)}=${r.pick(['debug', 'warn'])}`];
		if (f === 'typo') L.push('PodmanArg=--cpus=2');
		if (f === 'bool') L.push('ReadOnlyTmpfs=y3s');
		if (r.chance(0.4)) L.push(`Label=org.example.override=${app}`);
		L.push('', '[Service]', `RestartSec=${r.int(1, 30)}`);
		pad(L, r.int(10, 14), () => [r.pick(COMMENTS)]);
		L.push('');
		return L.join('\n');
	}

	function resourcesDropIn(host) {
		return ['[Service]', `MemoryMax=${r.int(128, 4096)}M`, `CPUQuota=${r.int(10, 200)}%`, `TasksMax=${r.int(64, 1024)}`,
			'LimitNOFILE=65536', '# Resource limits from the vehicle profile.', 'IOWeight=100', `OOMScoreAdjust=${host ? -200 : 750}`, '',
			'[Unit]', 'StartLimitBurst=5', ''].join('\n');
	}
}

function qmContainer() {
	return `# The QM partition (vendor file). Administrators change it only through drop-ins.
[Unit]
Description=QM partition: a confined container with its own systemd and podman

[Container]
ContainerName=qm
Environment=ROOTFS=/usr/lib/qm/rootfs
Environment=RWETCFS=/etc/qm
Environment=RWVARFS=/var/qm
Rootfs=\${ROOTFS}
Volume=\${RWETCFS}:/etc
Volume=\${RWVARFS}:/var
Volume=\${RWVARFS}/tmp:/var/tmp
Exec=/sbin/init
ReadOnly=true
ReadOnlyTmpfs=true
Network=private
SecurityLabelType=qm_t
SecurityLabelFileType=qm_file_t
SecurityLabelLevel=s0
SecurityLabelNested=true
AddCapability=all
DropCapability=sys_boot sys_resource
SeccompProfile=/usr/share/qm/seccomp-no-rt.json
Sysctl=fs.mqueue.queues_max=4
PidsLimit=-1
AddDevice=-/dev/kvm
AddDevice=-/dev/fuse

[Service]
OOMScoreAdjust=500
CPUWeight=idle
IOWeight=50
Delegate=true
TasksMax=50%
Restart=always

[Install]
WantedBy=multi-user.target
`;
}

function pickSamples(paths) {
	const byExt = new Map();
	for (const p of paths) {
		const ext = p.includes('.d/') ? 'conf' : p.slice(p.lastIndexOf('.') + 1);
		const list = byExt.get(ext) ?? [];
		if (list.length < 4) list.push(p);
		byExt.set(ext, list);
	}
	return [...byExt.values()].flat();
}

/** A 2,000-line .container for the editing scenarios (realistic keys, comments, continuations). */
export function bigUnit(lineCount = 2000, seed = DEFAULT_SEED, volume = undefined) {
	const r = prng(seed ^ 0xb16);
	const L = ['# A very large generated unit (benchmark).', '[Unit]', 'Description=Large benchmark unit',
		...(volume ? [`Requires=${volume}`, `After=${volume}`] : []), '',
		'[Container]', 'Image=registry.example.com/qm/big:1.0', 'Network=none', ...(volume ? [`Volume=${volume}:/var/lib/big:ro`] : [])];
	while (L.length < lineCount - 8) {
		const k = r.int(0, 9);
		if (k < 4) L.push(`Environment=${ENV_KEYS[k]}_${L.length}=${r.pick(['info', 'debug', 'on', 'off', 'UTC'])}`);
		else if (k < 6) L.push(`Label=org.example.key${L.length}=${r.pick(['a', 'b', 'c'])}`);
		else if (k === 6) L.push(r.pick(COMMENTS));
		else if (k === 7) L.push(`Volume=/var/lib/big/d${L.length}:/data/d${L.length}:ro`);
		else if (k === 8) L.push(`Annotation=org.example.n${L.length}=${r.int(0, 999)}`);
		else L.push(`AddCapability=${r.pick(CAPS)}`);
	}
	L.push('', '[Service]', 'Restart=always', 'TimeoutStartSec=900', '', '[Install]', 'WantedBy=multi-user.target');
	while (L.length < lineCount) L.push('# padding');
	return L.join('\n') + '\n';
}

/** Creates a fresh temporary tree; returns its stats and a cleanup function. */
export function makeTempTree(files, seed = DEFAULT_SEED) {
	const base = mkdtempSync(join(tmpdir(), `qmbench-${files}-`));
	const root = join(base, 'root');
	mkdirSync(root);
	const stats = generateTree(root, { files, seed });
	return { ...stats, base, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

// `node bench/generate.mjs 1000 /tmp/x` writes a tree for manual inspection.
if (import.meta.url === `file://${process.argv[1]}`) {
	const files = Number(process.argv[2] ?? 1000);
	const dir = process.argv[3];
	if (!dir) { console.error('usage: node bench/generate.mjs <files> <dir>'); process.exit(2); }
	mkdirSync(dir, { recursive: true });
	const s = generateTree(dir, { files });
	console.log(JSON.stringify({ ...s, samples: s.samples.length, hub: { ...s.hub, dependents: s.hub.dependents.length } }, null, 2));
}
