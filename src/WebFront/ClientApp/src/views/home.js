import { t, day } from '../i18n.js';
import { el } from '../dom.js';
import { api } from '../api.js';
import { checkedField, problemReporter } from '../forms.js';

const caseItem = (c) => el('li', { className: 'card' },
  el('a', { href: `#/cases/${c.caseId}`, className: 'case-link' }, `${c.caseNumber} · ${c.debtorName}`),
  el('div', { className: 'muted' }, `${c.court} · ${t(c.procedure)} · ${t('accepted')} ${day(c.acceptedOn)}`));

export async function homeView(state) {
  const listHost = el('div', { id: 'my-cases' });
  const showCases = async () => {
    const cases = await api('GET', '/api/my/cases');
    listHost.replaceChildren(cases.length === 0 ? el('p', { className: 'muted' }, t('noCases')) : el('ul', { className: 'cases' }, ...cases.map(caseItem)));
  };
  await showCases();
  const view = [el('h2', { tabIndex: -1 }, t('myCases')), listHost];
  if (state?.me?.role === 'creditor') view.push(redeemForm(showCases));
  return view;
}

/** A creditor with an account already joins a further case with the code its administrator sent. */
function redeemForm(showCases) {
  const code = checkedField(t('invitationCode'), el('input', { name: 'invitationCode', autocomplete: 'off', required: true }));
  const general = el('p', { className: 'error', role: 'alert' });
  const status = el('p', { className: 'muted', role: 'status', id: 'redeem-status' });
  const report = problemReporter(general, { code });
  const button = el('button', { type: 'submit' }, t('redeemInvitation'));
  return el('form', { className: 'card narrow', id: 'redeem-form', noValidate: true, ariaLabelledby: 'redeem-form-title', onsubmit: async (e) => {
    e.preventDefault();
    report.clear();
    status.textContent = '';
    if (!code.input.value.trim()) { report.named({ code: t('invitationCodeRequired') }); return; }
    button.disabled = true;
    try {
      const joined = await api('POST', '/api/auth/invitations', { code: code.input.value.trim() });
      code.input.value = '';
      status.textContent = t('invitationRedeemed', { caseNumber: joined.caseNumber, debtor: joined.debtorName });
      await showCases();
    } catch (error) { report.show(error); } finally { button.disabled = false; }
  } }, el('h3', { id: 'redeem-form-title' }, t('joinAnotherCase')), code.node, general, status, button);
}
