import type { KeySpec, ValueType } from '../catalog-schema';
import { checkBool, checkBoolOrEnum, checkSystemdBool } from './bool';
import { checkCapability } from './capabilities';
import { checkDevice } from './device';
import { checkDuration } from './duration';
import { checkEnum } from './enum';
import { hasExpansion } from './expansion';
import { checkImageRef } from './image-ref';
import { checkIdmap } from './idmap';
import { checkKeyValStrict, checkKeyValWord } from './keyval';
import { mapToValue, tokenizeValue } from './lookup';
import { checkMcsLevel } from './mcs-level';
import { checkMountSpec } from './mount-spec';
import { checkCidr, checkHostIp, checkIp, checkIpRange, checkIPv4, checkIPv6 } from './net';
import { checkNetworkSpec } from './network-spec';
import { checkInt, checkUint, checkUint32 } from './numbers';
import { checkPath, checkPathOrUrl } from './paths';
import { checkSecretSpec, checkTmpfsSpec, checkUsernsMode } from './podman-options';
import { checkPortExpose, checkPortPublish } from './ports';
import { problem, type ValueChecker, type ValueProblem } from './problem';
import { checkSelinuxType } from './selinux-type';
import { checkSignal } from './signal';
import { checkSize } from './size';
import {
	checkBytes, checkCpuSet, checkNice, checkOctalMode, checkOomScore, checkPercent, checkRlimit, checkTimespan,
} from './systemd';
import { checkSystemdExec } from './systemd-exec';
import { checkListen } from './systemd-listen';
import { checkPathList, checkSystemdEnv, checkUnitList } from './systemd-lists';
import { checkUnitRef } from './unit-ref';
import { checkVolumeSpec } from './volume-spec';

export type { Severity, ValueChecker, ValueProblem } from './problem';
export {
	canonicalMcsLevel, formatMcsLevel, MCS_CATEGORY_MAX, mcsDominates, parseMcsLevel,
	type McsIssue, type McsIssueKind, type McsLevel, type ParsedMcsLevel,
} from './mcs-level';
export { cUnescapeOne, splitWords, type SplitOptions, type Word } from './words';

/**
 * No grammar worth checking: free text, or command lines whose only failure mode (a bad escape)
 * the accessor step in `checkValue` already reports.
 */
const noCheck: ValueChecker = () => [];

/** One checker per value type; the `Record` makes the compiler insist on full coverage. */
export const VALUE_CHECKERS: Readonly<Record<ValueType, ValueChecker>> = {
	'string': noCheck,
	'bool': checkBool,
	'enum': checkEnum,
	'bool-or-enum': checkBoolOrEnum,
	'int': checkInt,
	'uint': checkUint,
	'uint32': checkUint32,
	'octal-mode': checkOctalMode,
	'duration': checkDuration,
	'size': checkSize,
	'path': checkPath,
	'path-or-url': checkPathOrUrl,
	'signal': checkSignal,
	'ip': checkIp,
	'ipv4': checkIPv4,
	'ipv6': checkIPv6,
	'cidr': checkCidr,
	'ip-range': checkIpRange,
	'host-ip': checkHostIp,
	'image-ref': checkImageRef,
	'artifact-ref': checkImageRef,
	'unit-ref': checkUnitRef,
	'keyval-list': checkKeyValWord,
	'keyval-words': checkKeyValStrict,
	'capability-list': checkCapability,
	'idmap': checkIdmap,
	'device': checkDevice,
	'port-expose': checkPortExpose,
	'port-publish': checkPortPublish,
	'volume-spec': checkVolumeSpec,
	'mount-spec': checkMountSpec,
	'network-spec': checkNetworkSpec,
	'secret-spec': checkSecretSpec,
	'tmpfs-spec': checkTmpfsSpec,
	'userns-mode': checkUsernsMode,
	'args': noCheck,
	'command': noCheck,
	'mcs-level': checkMcsLevel,
	'selinux-type': checkSelinuxType,
	'sd-bool': checkSystemdBool,
	'sd-timespan': checkTimespan,
	'sd-unit-list': checkUnitList,
	'sd-exec': checkSystemdExec,
	'sd-listen': checkListen,
	'sd-bytes': checkBytes,
	'sd-path-list': checkPathList,
	'sd-env': checkSystemdEnv,
	'sd-nice': checkNice,
	'sd-oom-score': checkOomScore,
	'sd-rlimit': checkRlimit,
	'sd-cpu-set': checkCpuSet,
	'sd-percent': checkPercent,
};

/**
 * Checkers that see `%x` and `$VAR` themselves. Either quadlet evaluates the value while
 * generating (booleans, `LookupUint32`, the ExposeHostPort regex), so nothing is expanded yet,
 * or the value is compound and the other parts are still worth checking. Every other type
 * skips an item that contains an expansion: its final text is unknown.
 */
const EXPANSION_AWARE: ReadonlySet<ValueType> = new Set<ValueType>([
	'bool', 'bool-or-enum', 'uint32', 'port-expose', 'port-publish', 'volume-spec', 'mount-spec',
	'device', 'keyval-list', 'keyval-words', 'tmpfs-spec', 'path', 'path-or-url',
	'sd-exec', 'sd-env', 'sd-unit-list', 'sd-path-list', 'sd-listen', 'sd-rlimit', 'sd-cpu-set',
]);

/** Keys the generator passes to podman even when empty, as `--flag ""`. */
const EMITTED_WHEN_EMPTY: Readonly<Record<string, string>> = {
	LogDriver: '--log-driver',
	SeccompProfile: '--security-opt seccomp=',
	ExitPolicy: '--exit-policy',
	StopTimeout: '--time',
	UID: '--uid',
	GID: '--gid',
	Driver: '--driver',
};

/**
 * An empty assignment. For list keys it resets the list, which is the documented way to drop
 * values from an earlier file. For single keys quadlet mostly treats it as "not set", except
 * booleans (false), ServiceName (a service called `.service`) and the keys that still emit an
 * empty podman flag. systemd resets its settings to their defaults.
 */
function checkEmpty(spec: KeySpec, key: string): ValueProblem[] {
	if (spec.repeatable || spec.type.startsWith('sd-')) return [];
	if (spec.type === 'bool' || spec.type === 'bool-or-enum') return VALUE_CHECKERS[spec.type]('', spec, key);
	if (key === 'ServiceName') {
		return [problem('warning', 0, 0, 'ServiceName= is empty, so the generated service would be called ".service". Give a name or remove the line.')];
	}
	// [Network] Driver= is skipped when empty; only the free-text [Volume] Driver= is emitted.
	const flag = key === 'Driver' && spec.type !== 'string' ? undefined : EMITTED_WHEN_EMPTY[key];
	if (flag !== undefined && spec.lookup !== undefined) {
		return [problem('information', 0, 0, `${key}= is empty, but the generator still passes an empty ${flag} to podman instead of leaving it out, which podman may reject. Remove the line to get the default.`)];
	}
	return [];
}

/**
 * Checks one assignment's value against its key's grammar. The key's podman accessor is applied
 * first (quote stripping, word splitting, escape decoding), then the type's checker runs on each
 * item; all offsets are relative to `value`.
 */
export function checkValue(value: string, spec: KeySpec, key: string): ValueProblem[] {
	if (value.trim() === '') return checkEmpty(spec, key);
	const { tokens, problems } = tokenizeValue(value, spec, key);
	const checker = VALUE_CHECKERS[spec.type];
	const out = [...problems];
	for (const token of tokens) {
		if (token.text === '' && tokens.length === 1) {
			out.push(...checkEmpty(spec, key).map((p) => ({ ...p, start: 0, end: value.length })));
			continue;
		}
		if (!EXPANSION_AWARE.has(spec.type) && hasExpansion(token.text)) continue;
		for (const p of checker(token.text, spec, key)) out.push(mapToValue(p, token, value));
	}
	return out;
}
