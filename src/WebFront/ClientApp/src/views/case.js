import { t, yuan, day } from '../i18n.js';
import { conveneForm } from './convene.js';
import { el } from '../dom.js';
import { checkedField } from '../forms.js';
import { api, parseYuan, upload } from '../api.js';
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
  const evidenceHost = el('section', { className: 'evidence', ariaLabel: t('evidence') });
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
    renderEvidence(evidenceHost, sorted);
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
    const evidence = evidenceInput('evidence');
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
        await fileEvidence(claim, evidence);
      } catch (error) { message.textContent = error.message; }
    } }, el('h3', {}, t('declareClaim')), checkedField(t('class'), klass).node, checkedField(t('principal'), principal).node,
    checkedField(t('interest'), interest).node, checkedField(t('interestFrom'), interestFrom).node,
    checkedField(t('evidenceFiles'), evidence).node, el('button', { type: 'submit', id: 'declare' }, t('declare')));
  };

  const evidenceInput = (name) => el('input', { type: 'file', name, multiple: true, accept: '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.ofd,.docx,.xlsx' });

  // Each file goes up on its own (the body is the file); the server hashes it and records the hash in the case ledger.
  const fileEvidence = async (claim, input) => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    let filed = 0;
    try {
      for (const file of files) {
        const result = await upload(`/api/cases/${caseId}/claims/${claim.claimId}/evidence`, file);
        const current = claims.get(claim.claimId) ?? claim;
        if (!(current.evidence ?? []).some((e) => e.evidenceId === result.evidence.evidenceId)) {
          claims.set(claim.claimId, { ...current, evidence: [...(current.evidence ?? []), result.evidence] });
        }
        filed++;
      }
      message.textContent = t('evidenceFiled', { count: filed });
    } catch (error) { message.textContent = `${files[filed]?.name ?? ''}: ${error.message}`; }
    input.value = '';
    renderClaims();
  };

  const size = (bytes) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`);

  // Evidence of every claim this person sees, each file with the SHA-256 the ledger holds for it.
  const renderEvidence = (host, sorted) => {
    const mayFile = isCreditor || isAdministrator;
    host.replaceChildren(el('h3', {}, t('evidence')), ...sorted.map((claim) => {
      const files = claim.evidence ?? [];
      const input = evidenceInput(`evidence-${claim.claimId}`);
      return el('div', { className: 'claim-evidence card', dataset: { claimId: claim.claimId } },
        el('h4', {}, claim.claimId),
        files.length === 0 ? el('p', { className: 'muted' }, t('noEvidence')) : el('ul', { className: 'evidence-files' },
          ...files.map((file) => el('li', { className: 'evidence-file', dataset: { evidenceId: file.evidenceId, sha256: file.sha256 } },
            el('a', { href: `/api/cases/${caseId}/claims/${claim.claimId}/evidence/${file.evidenceId}`, download: file.fileName }, file.fileName),
            ` · ${size(file.sizeBytes)} · SHA-256 `, el('code', { className: 'sha256' }, file.sha256)))),
        mayFile && claim.status !== 'withdrawn' ? el('div', { className: 'add-evidence' }, checkedField(t('addEvidence'), input).node,
          el('button', { type: 'button', className: 'file-evidence', onclick: () => fileEvidence(claim, input) }, t('addEvidence'))) : null);
    }));
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
    el('p', { className: 'muted' }, `${c.court} · ${t(c.procedure)} · ${t('accepted')} ${day(c.acceptedOn)} · ${t('administrator')} ${c.administratorId}`),
    el('nav', { className: 'case-links', ariaLabel: t('sdCaseLinks') }, isCreditor ? null : el('a', { href: `#/cases/${caseId}/creditors`, className: 'creditors-link' }, t('crLink')),
      isCreditor ? null : ' · ', isCreditor ? null : el('a', { href: `#/cases/${caseId}/account`, className: 'account-link' }, t('acctLink')),
      isCreditor ? null : ' · ', el('a', { href: `#/cases/${caseId}/shared-data`, className: 'shared-data-link' }, t('sdLink'))),
    el('section', {}, el('h3', {}, t('meetings')), el('ul', {}, ...c.meetingIds.map((m) => el('li', {}, el('a', { href: `#/meetings/${m}` }, m))))),
    isAdministrator ? conveneForm(caseId, c) : null,
    isCreditor ? declareForm() : null,
    message,
    el('section', {}, claimsHost),
    isCreditor ? null : el('p', {}, el('a', { href: `/api/cases/${caseId}/claim-list.csv`, download: `claim-list-${caseId}.csv`, className: 'export-claim-list' }, t('exportClaimList'))),
    evidenceHost,
    await progressSection(state, c),
  ];
}
