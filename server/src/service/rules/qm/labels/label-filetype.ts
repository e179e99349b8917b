import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { occurrencesHere, removeFix, shown } from './support';

/**
 * Diagnostic: qm/label-filetype
 * A nested QM container labels its files with a type other than qm_container_file_t or
 * qm_container_ro_file_t. Nested types may only manage qm_container_file_t: with container_file_t
 * they cannot use their own files, and with qm_file_t the files become QM's own (read-only for
 * the container, writable by qm_t).
 */
export default defineRule({
	id: 'qm/label-filetype',
	defaultSeverity: 'warning',
	title: 'SecurityLabelFileType in QM is not a QM container file type',
	why: 'Nested QM types can read/execute qm_file_type content but manage only qm_container_file_t (qm.if container_manage_files_template). Other file types leave the container unable to write its files, or hand them to qm_t.',
	fix: 'Remove the key (the default is qm_container_file_t).',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.kind === 'container',
	check(ctx) {
		for (const o of occurrencesHere(ctx, 'filetype')) {
			const value = o.value.trim();
			if (value === '' || /[%$]/.test(value) || value === 'qm_container_file_t' || value === 'qm_container_ro_file_t') continue;
			const severe = value === 'container_file_t' || value === 'qm_file_t';
			const why = value === 'qm_file_t'
				? 'qm_file_t is the QM partition\'s own file type: the container could only read these files and qm_t could change them'
				: value === 'container_file_t'
					? 'container_file_t belongs to host containers: nested QM types are not allowed to manage it, so the container cannot write its own files'
					: 'nested QM types may manage only qm_container_file_t, so the container probably cannot write its files';
			ctx.report({
				start: o.start, end: o.end,
				severity: severe ? 'error' : undefined,
				message: `${shown(o)}: ${why}. Remove the key to get qm_container_file_t (or use qm_container_ro_file_t for read-only content).`,
				fixes: removeFix(o),
			});
		}
	},
});
