import { t, yuan, date } from '../i18n.js';
import { el, field } from '../dom.js';
import { api, parseYuan } from '../api.js';
import { watching, on } from '../live.js';
import { progressSection } from './progress.js';

/** A case: its facts, claims (a creditor's own, or the administrator's review queue) and meetings, live. */
export async function caseView(state, caseId) {
  const me = state.me;
  const c = await api('GET', `/api/cases/${caseId}`);
  const claims = new Map((await api('GET', `/api/cases/${caseId}/claims`)).map((claim) => [claim.claimId, claim]));
  const isAdministrator = me.role === 'administrator' && me.username === c.administratorId;
  const isCreditor = me.role === 'creditor';
  const claimsHost = el('div');
  const message = el('p', { role: 'status', className: 'muted' });

  const renderClaims = () => {
    const sorted = [...claims.values()].sort((a, b) => a.claimId.localeCompare(b.claimId));
    const rows = sorted.map((claim) => el('tr', { dataset: { claimId: claim.claimId } },
      el('td', {}, claim.claimId), el('td', {}, claim.creditorId), el('td', {}, t(claim.class)),
      el('td', { className: 'money' }, yuan(claim.principalFen + claim.interestFen + claim.otherFen)),
      el('td', { className: 'claim-status', dataset: { status: claim.status } }, t(claim.status)),
      el('td', { className: 'money' }, claim.confirmedFen === null || claim.confirmedFen === undefined ? '' : yuan(claim.confirmedFen)),
      isAdministrator && ['declared', 'underReview'].includes(claim.status) ? el('td', {}, reviewButtons(claim)) : el('td')));
    claimsHost.replaceChildren(el('table', { className: 'claims' },
      el('caption', {}, isCreditor ? t('myClaims') : t('claims')),
      el('thead', {}, el('tr', {}, ...[t('claims'), t('creditor'), t('class'), t('amount'), t('status'), t('confirmedAmount'), ''].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows)));
  };

  const reviewButtons = (claim) => {
    const reason = el('input', { className: 'reason', ariaLabel: t('reason'), placeholder: t('reason') });
    const decide = (decision) => async () => {
      try {
        // Deciding on a claim that is only declared takes it up for review first (EBL 57).
        if (claim.status === 'declared') await api('POST', `/api/cases/${caseId}/claims/${claim.claimId}/review-start`, {});
        const reviewed = await api('POST', `/api/cases/${caseId}/claims/${claim.claimId}/review`, { decision, reason: reason.value || null });
        claims.set(reviewed.claimId, reviewed);
        renderClaims();
      } catch (e) { message.textContent = e.message; }
    };
    return el('span', { className: 'review' },
      el('button', { type: 'button', className: 'confirm', onclick: decide('confirm') }, t('confirm')), reason,
      el('button', { type: 'button', className: 'reject', onclick: decide('reject') }, t('reject')));
  };

  const declareForm = () => {
    const klass = el('select', { name: 'class' }, ...['ordinary', 'socialInsuranceAndTax'].map((k) => new Option(t(k), k)));
    const principal = el('input', { name: 'principal', inputMode: 'decimal', required: true });
    const interest = el('input', { name: 'interest', inputMode: 'decimal', value: '0' });
    const interestFrom = el('input', { name: 'interestFrom', type: 'date' });
    return el('form', { className: 'card', onsubmit: async (e) => {
      e.preventDefault();
      const principalFen = parseYuan(principal.value);
      const interestFen = parseYuan(interest.value || '0');
      if (principalFen === null || interestFen === null) { message.textContent = t('notAmount'); return; }
      try {
        // Interest runs only up to the acceptance date (EBL 46): it is declared as a line ending there.
        const interestLines = interestFen > 0 ? [{ amountFen: interestFen, from: interestFrom.value || c.acceptedOn, to: c.acceptedOn }] : [];
        const claim = await api('POST', `/api/cases/${caseId}/claims`, { creditorId: me.creditorId, class: klass.value, principalFen, interestLines });
        claims.set(claim.claimId, claim);
        renderClaims();
        message.textContent = t('saved');
        principal.value = '';
      } catch (error) { message.textContent = error.message; }
    } }, el('h3', {}, t('declareClaim')), field(t('class'), klass), field(t('principal'), principal), field(t('interest'), interest), field(t('interestFrom'), interestFrom),
    el('button', { type: 'submit', id: 'declare' }, t('declare')));
  };

  renderClaims();
  state.cleanup.push(on('claim', (claim) => {
    if (claim.caseId !== caseId || (isCreditor && claim.creditorId !== me.creditorId)) return;
    claims.set(claim.claimId, claim);
    renderClaims();
  }));
  state.cleanup.push(await watching(async (connection) => {
    await connection.invoke('WatchCase', caseId);
    const fresh = await api('GET', `/api/cases/${caseId}/claims`);
    claims.clear();
    for (const claim of fresh) claims.set(claim.claimId, claim);
    renderClaims();
  }));

  return [
    el('h2', { tabIndex: -1 }, `${c.caseNumber} · ${c.debtorName}`),
    el('p', { className: 'muted' }, `${c.court} · ${t(c.procedure)} · ${t('accepted')} ${date(c.acceptedOn)} · ${t('administrator')} ${c.administratorId}`),
    el('section', {}, el('h3', {}, t('meetings')), el('ul', {}, ...c.meetingIds.map((m) => el('li', {}, el('a', { href: `#/meetings/${m}` }, m))))),
    isCreditor ? declareForm() : null,
    message,
    el('section', {}, claimsHost),
    await progressSection(state, c),
  ];
}
