import { t } from '../i18n.js';
import { el } from '../dom.js';
import { checkedField } from '../forms.js';
import { api } from '../api.js';
import { STEPS, verifyReceipt } from '../ledger/verify.js';

const MAX_RECEIPT_BYTES = 256 * 1024;

// What the page takes from the server; every piece is checked by the ledger modules, none is trusted as it comes.
const source = {
  keys: () => api('GET', '/api/ledger/keys'),
  checkpoint: (caseId) => api('GET', `/api/cases/${encodeURIComponent(caseId)}/ledger/checkpoint`),
  consistency: (caseId, from, to) => api('GET', `/api/cases/${encodeURIComponent(caseId)}/ledger/proof/consistency?from=${from}&to=${to}`),
};

function stepMessage(step) {
  if (step.status === 'passed') {
    const values = step.id === 'ballot' ? { ...step.values, choice: t(step.values.choice) } : step.values;
    const text = t(`rcOk_${step.id}`, values);
    return step.id === 'current' && step.values.witnesses ? `${text} ${t('rcCosigned', step.values)}` : text;
  }
  if (step.status === 'skipped') return t(`rcSkip_${step.values.reason}`);
  if (step.status === 'failed') return t(`rcFail_${step.id}`);
  return '';
}

function renderResult(result) {
  const failed = result.steps.find((s) => s.status === 'failed');
  const summary = el('p', { id: 'receipt-summary', className: result.ok ? 'receipt-ok' : 'error', role: 'status', dataset: { result: result.ok ? 'verified' : 'failed', failedStep: failed?.id ?? '' } },
    result.ok ? t('receiptVerified') : t('receiptFailedAt', { step: t(`rcStep_${failed.id}`) }));
  const items = result.steps.map((step) => el('li', { className: `receipt-step ${step.status}`, dataset: { step: step.id, status: step.status } },
    el('strong', {}, t(`rcStep_${step.id}`)), ' ',
    el('span', { className: `badge ${step.status}` }, t({ passed: 'rcPassed', failed: 'rcFailed', skipped: 'rcSkipped', notChecked: 'rcNotChecked' }[step.status])),
    el('p', { className: 'step-message' }, stepMessage(step)),
    step.status === 'failed' && step.detail ? el('details', { open: true }, el('summary', {}, t('technicalDetail')), el('code', { className: 'step-detail' }, step.detail)) : null));
  return [summary, el('ol', { className: 'receipt-steps', ariaLabel: t('verifyReceiptTitle') }, ...items)];
}

/**
 * The receipt page: a creditor pastes or loads the receipt file kept after voting, and this page checks it in the
 * browser with WebCrypto: the log key's signature, the entry's inclusion, the ballot's commitment, and that the current
 * checkpoint still contains it.
 */
export async function receiptView() {
  const text = el('textarea', { name: 'receipt', rows: 10, spellcheck: false, className: 'receipt-text' });
  const file = el('input', { type: 'file', name: 'receiptFile', accept: '.json,.txt,.proof,application/json,text/plain' });
  const result = el('section', { id: 'receipt-result', ariaLive: 'polite' });
  const message = el('p', { role: 'alert', className: 'error' });

  const verify = async () => {
    message.textContent = '';
    result.replaceChildren(el('p', { className: 'muted' }, '…'));
    result.dataset.state = 'running';
    const outcome = await verifyReceipt(text.value, source);
    result.replaceChildren(...renderResult(outcome));
    result.dataset.state = outcome.ok ? 'verified' : 'failed';
  };

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_RECEIPT_BYTES) { message.textContent = t('receiptTooLarge'); return; }
    text.value = await chosen.text();
    await verify();
  });

  const form = el('form', { className: 'card', onsubmit: async (e) => { e.preventDefault(); await verify(); } },
    checkedField(t('receiptFile'), file).node, checkedField(t('receiptText'), text).node,
    el('button', { type: 'submit', id: 'verify-receipt' }, t('verify')));
  // Every step's name is listed before anything is checked, so the page says what it will check.
  result.replaceChildren(el('ol', { className: 'receipt-steps muted' }, ...STEPS.map((id) => el('li', { dataset: { step: id } }, t(`rcStep_${id}`)))));
  return [el('h2', { tabIndex: -1 }, t('verifyReceiptTitle')), el('p', {}, t('receiptIntro')), form, message, result];
}
