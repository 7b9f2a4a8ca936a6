import { t, yuan, moment } from '../i18n.js';
import { el } from '../dom.js';
import { api } from '../api.js';
import { checkedField, problemReporter } from '../forms.js';

const PAGE = 100;

/**
 * A case's creditors for its judge and administrator: who was invited, who is only named on a claim, and the sums of
 * their claims, a page at a time. The administrator invites a creditor here and hands over the one-time code.
 */
export async function creditorsView(state, caseId) {
  const me = state.me;
  const c = await api('GET', `/api/cases/${caseId}`);
  const isAdministrator = me.role === 'administrator' && me.username === c.administratorId;
  const rows = el('tbody');
  const total = el('p', { className: 'muted', id: 'creditor-total', role: 'status' });
  const more = el('button', { type: 'button', id: 'more-creditors', hidden: true }, t('crMore'));
  let next = 0;

  const load = async () => {
    const page = await api('GET', `/api/cases/${caseId}/creditors?offset=${next}&limit=${PAGE}`);
    rows.append(...page.items.map((cr) => el('tr', { dataset: { creditor: cr.creditorId } },
      el('th', { scope: 'row' }, cr.creditorId),
      el('td', {}, cr.profile ? `${cr.profile.name} (${cr.profile.maskedIdentityNumber})` : '—'),
      el('td', {}, cr.invited ? t('crInvited') : t('crNamedOnClaim')),
      el('td', { className: 'num' }, String(cr.claims)),
      el('td', { className: 'money declared' }, yuan(cr.declaredFen)),
      el('td', { className: 'money confirmed' }, yuan(cr.confirmedFen)))));
    total.textContent = t('crTotal', { count: page.total });
    next = page.next ?? next;
    more.hidden = page.next === null || page.next === undefined;
  };
  more.addEventListener('click', () => load());

  const inviteForm = () => {
    const general = el('p', { role: 'alert', className: 'error' });
    const creditor = checkedField(t('crCreditorId'), el('input', { name: 'creditorId', required: true, autocomplete: 'off' }), t('crCreditorIdHint'));
    const issued = el('div', { id: 'invitation-issued', role: 'status' });
    const report = problemReporter(general, { creditorId: creditor });
    const form = el('form', { className: 'card', id: 'invite-form' }, el('h3', {}, t('crInvite')), creditor.node,
      el('button', { type: 'submit' }, t('crIssueCode')), general, issued);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        report.clear();
        const invitation = await api('POST', `/api/cases/${caseId}/invitations`, { creditorId: creditor.input.value.trim() });
        const link = `${location.origin}/#/join?code=${encodeURIComponent(invitation.code)}`;
        issued.replaceChildren(el('p', {}, t('crCodeFor', { creditor: invitation.creditorId, expires: moment(invitation.expiresAt) })),
          el('p', {}, el('code', { className: 'invitation-code' }, invitation.code)), el('p', {}, el('a', { href: link, className: 'join-link' }, link)));
        creditor.input.value = '';
      } catch (err) { report.show(err); }
    });
    return form;
  };

  const table = el('table', {}, el('caption', {}, t('crTitle')),
    el('thead', {}, el('tr', {}, ...['crId', 'crProfile', 'crStatus', 'crClaims', 'crDeclared', 'crConfirmed'].map((k) => el('th', { scope: 'col' }, t(k))))),
    rows);
  await load();
  return el('div', {},
    el('h2', { tabIndex: -1 }, `${c.caseNumber} · ${t('crTitle')}`),
    el('p', {}, el('a', { href: `#/cases/${caseId}` }, t('crBack'))),
    isAdministrator ? inviteForm() : null,
    total, table, more);
}
