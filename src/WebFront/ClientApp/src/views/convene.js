import { t } from '../i18n.js';
import { el } from '../dom.js';
import { api } from '../api.js';
import { checkedField, problemReporter } from '../forms.js';

const KINDS = ['propertyManagementPlan', 'realizationPlan', 'distributionPlan', 'ordinary', 'settlementAgreement', 'reorganizationPlan'];

/**
 * The administrator convenes a creditors' meeting of the case with its agenda: the title, when it starts, whether
 * creditors see the tally while voting runs, and one line a resolution. The new meeting opens on success.
 */
export function conveneForm(caseId, c) {
  const general = el('p', { role: 'alert', className: 'error' });
  const title = checkedField(t('cvMeetingTitle'), el('input', { name: 'meetingTitle', required: true, value: t('cvFirstMeeting') }));
  const startsAt = checkedField(t('cvStartsAt'), el('input', { name: 'startsAt', type: 'datetime-local', required: true }));
  const visibility = el('select', { name: 'visibility', id: 'cv-visibility' },
    el('option', { value: 'live' }, t('cvLive')), el('option', { value: 'afterClose' }, t('cvAfterClose')));
  const agenda = el('fieldset', { className: 'agenda' }, el('legend', {}, t('cvAgenda')));
  const agendaField = { node: agenda, input: agenda, error: el('p', { className: 'field-error error', id: 'cv-agenda-error' }) };
  const rows = [];
  const addRow = () => {
    const n = rows.length + 1;
    const resolutionTitle = el('input', { name: `resolution-${n}`, required: true, id: `cv-resolution-${n}` });
    const kind = el('select', { name: `kind-${n}`, id: `cv-kind-${n}`, ariaLabel: t('cvKindOf', { n }) }, ...KINDS.map((k) => el('option', { value: k }, t(`kind_${k}`))));
    rows.push({ resolutionTitle, kind });
    agenda.append(el('div', { className: 'field agenda-row' }, el('label', { htmlFor: resolutionTitle.id }, t('cvResolution', { n })), resolutionTitle, kind));
  };
  addRow();
  const report = problemReporter(general, { title, startsAt, agenda: agendaField });
  const form = el('form', { className: 'card', id: 'convene-form' }, el('h3', {}, t('cvTitle')), title.node, startsAt.node,
    el('div', { className: 'field' }, el('label', { htmlFor: 'cv-visibility' }, t('cvVisibility')), visibility), agenda, agendaField.error,
    el('button', { type: 'button', className: 'secondary', onclick: addRow }, t('cvAdd')), ' ',
    el('button', { type: 'submit' }, t('cvSubmit')), general);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    report.clear();
    const meetingId = `${caseId}-m${c.meetingIds.length + 1}`;
    try {
      await api('PUT', `/api/cases/${caseId}/meetings/${meetingId}`, {
        title: title.input.value.trim(),
        startsAt: new Date(startsAt.input.value).toISOString(),
        visibility: visibility.value,
        agenda: rows.map((r, i) => ({ resolutionId: `r${i + 1}`, title: r.resolutionTitle.value.trim(), kind: r.kind.value })),
      });
      location.hash = `#/meetings/${meetingId}`;
    } catch (err) { report.show(err); }
  });
  return form;
}
