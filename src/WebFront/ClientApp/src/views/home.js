import { t, day } from '../i18n.js';
import { el } from '../dom.js';
import { api } from '../api.js';

export async function homeView() {
  const cases = await api('GET', '/api/my/cases');
  const list = cases.length === 0
    ? el('p', { className: 'muted' }, t('noCases'))
    : el('ul', { className: 'cases' }, ...cases.map((c) => el('li', { className: 'card' },
      el('a', { href: `#/cases/${c.caseId}`, className: 'case-link' }, `${c.caseNumber} · ${c.debtorName}`),
      el('div', { className: 'muted' }, `${c.court} · ${t(c.procedure)} · ${t('accepted')} ${day(c.acceptedOn)}`))));
  return [el('h2', { tabIndex: -1 }, t('myCases')), list];
}
