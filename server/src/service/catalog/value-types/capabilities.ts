import { closest } from '../../util/edit-distance';
import { show, whole, type ValueChecker } from './problem';

/** Linux capabilities (capabilities(7)) as podman names them, without the `CAP_` prefix. */
export const CAPABILITIES = [
	'CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID',
	'SETPCAP', 'LINUX_IMMUTABLE', 'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_ADMIN', 'NET_RAW',
	'IPC_LOCK', 'IPC_OWNER', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_CHROOT', 'SYS_PTRACE', 'SYS_PACCT',
	'SYS_ADMIN', 'SYS_BOOT', 'SYS_NICE', 'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'MKNOD',
	'LEASE', 'AUDIT_WRITE', 'AUDIT_CONTROL', 'SETFCAP', 'MAC_OVERRIDE', 'MAC_ADMIN', 'SYSLOG',
	'WAKE_ALARM', 'BLOCK_SUSPEND', 'AUDIT_READ', 'PERFMON', 'BPF', 'CHECKPOINT_RESTORE',
];

/** `capability-list`: one capability per word, `CAP_` optional, any case; `all` is allowed. */
export const checkCapability: ValueChecker = (value, _spec, key) => {
	if (value === '' || value.toLowerCase() === 'all') return [];
	const name = value.toUpperCase().replace(/^CAP_/, '');
	if (CAPABILITIES.includes(name)) return [];
	const guess = closest(name, CAPABILITIES);
	const fix = guess !== undefined ? `CAP_${guess}` : undefined;
	const hint = fix !== undefined ? ` Did you mean ${fix}?` : '';
	const commas = value.includes(',') ? ' Separate several capabilities with spaces, not commas.' : '';
	return [whole('warning', value, `${show(key, value)}: "${value}" is not a Linux capability; podman will refuse to start the container.${commas}${hint}`, commas ? undefined : fix)];
};
