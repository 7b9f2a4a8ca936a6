import { t, day } from '../i18n.js';
import { el } from '../dom.js';
import { api } from '../api.js';

/** What anyone may read about a case: no personal data. */
export async function publicView(caseId) {
  const c = await api('GET', `/api/public/cases/${caseId}`);
  const row = (label, value) => [el('dt', {}, label), el('dd', {}, value)];
  return [el('h2', { tabIndex: -1 }, t('publicCase')), el('dl', { className: 'facts' },
    ...row(t('caseNumber'), c.caseNumber), ...row(t('court'), c.court), ...row(t('debtor'), c.debtorName),
    ...row(t('procedure'), t(c.procedure)), ...row(t('accepted'), day(c.acceptedOn)), ...row(t('administrator'), c.administratorId),
    ...row(t('meetings'), String(c.meetingIds.length)))];
}
