import { t, yuan, language, day, moment } from '../i18n.js';
import { el } from '../dom.js';
import { api, parseYuan, ApiError } from '../api.js';
import { watching, on } from '../live.js';
import { checkedField, problemReporter } from '../forms.js';

// The court day is a calendar date (Asia/Shanghai): shown as that date, whatever the reader's time zone.
const limitNames = (limits) => (limits ?? []).map((l) => t(`acctLimit_${l}`)).join(language() === 'zh-CN' ? '、' : ', ');
const yuanInput = (name) => el('input', { name, inputMode: 'decimal', autocomplete: 'off', required: true });
const textInput = (name, props = {}) => el('input', { name, autocomplete: 'off', ...props });
// Fen as plain yuan with two decimals for an input ("1000.00"), in integers: no floating point touches the amount.
const plainYuan = (fen) => { const v = BigInt(fen ?? 0); return `${v / 100n}.${String(v % 100n).padStart(2, '0')}`; };

/**
 * The case's supervised account, for its judge and its administrator. The judge opens it with its limits and decides
 * on transfers over a limit, and may change the limits later; the administrator records deposits, requests transfers
 * (and withdraws one still waiting for the judge) and pays distributions. Changes
 * made by the other (or in another window) arrive live: the "account" event carries the whole account, after which
 * the transfer list is fetched again, so a transfer of another case with the same id never lands here.
 */
export async function accountView(state, caseId) {
  const me = state.me;
  const c = await api('GET', `/api/cases/${caseId}`);
  const isJudge = me.role === 'judge' && me.username === c.judgeId;
  const isAdministrator = me.role === 'administrator' && me.username === c.administratorId;
  let account = null;
  let transfers = [];
  let deposits = [];
  const reasons = new Map();

  const summaryHost = el('section', { id: 'account-summary', ariaLabelledby: 'account-summary-title' });
  const pendingHost = el('section', { id: 'pending-approvals', ariaLabelledby: 'pending-title' });
  const transfersHost = el('section', { id: 'transfers', ariaLabelledby: 'transfers-title' });
  const depositsHost = el('section', { id: 'deposits', ariaLabelledby: 'deposits-title' });
  const formsHost = el('div', { className: 'account-forms' });
  const status = el('p', { role: 'status', className: 'muted', id: 'account-status' });

  const load = async () => {
    try {
      account = await api('GET', `/api/cases/${caseId}/account`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) account = null;
      else throw e;
    }
    [transfers, deposits] = account
      ? await Promise.all([api('GET', `/api/cases/${caseId}/account/transfers`), api('GET', `/api/cases/${caseId}/account/deposits`)])
      : [[], []];
  };

  const render = () => {
    renderSummary();
    renderPending();
    renderTransfers();
    renderDeposits();
    if (!formsHost.dataset.for || formsHost.dataset.for !== (account ? 'open' : 'closed')) renderForms();
  };

  const fact = (key, value, props = {}) => [el('dt', {}, t(key).replace(/^./, (ch) => ch.toUpperCase())), el('dd', props, value)];
  const renderSummary = () => {
    if (!account) {
      summaryHost.replaceChildren(el('h3', { id: 'account-summary-title' }, t('acctTitle')), el('p', { className: 'muted', id: 'account-not-open' }, t('acctNotOpen')));
      return;
    }
    const a = account;
    summaryHost.replaceChildren(el('h3', { id: 'account-summary-title' }, t('acctTitle')),
      el('dl', { className: 'facts' },
        ...fact('acctName', a.accountName), ...fact('acctNumber', a.accountNumber), ...fact('acctBank', a.bankName),
        ...fact('acctBalance', yuan(a.balanceFen), { className: 'money balance', dataset: { fen: a.balanceFen } }),
        ...fact('acctReserved', yuan(a.reservedFen), { className: 'money reserved', dataset: { fen: a.reservedFen } }),
        ...fact('acctAvailable', yuan(a.availableFen), { className: 'money available', dataset: { fen: a.availableFen } }),
        ...fact('acctDeposited', yuan(a.depositedTotalFen), { className: 'money' }),
        ...fact('acctPaidToday', `${yuan(a.paidTodayFen)} (${day(a.courtDay)})`, { className: 'money' }),
        ...fact('acctPaidTotal', yuan(a.paidTotalFen), { className: 'money' }),
        ...fact('acctLimit_perTransfer', yuan(a.limits.perTransferFen), { className: 'money limit-per-transfer' }),
        ...fact('acctLimit_perDay', yuan(a.limits.perDayFen), { className: 'money' }),
        ...fact('acctLimit_cumulative', yuan(a.limits.cumulativeFen), { className: 'money' }),
        ...fact('acctOpenedAt', `${moment(a.openedAt)} · ${a.openedBy}`)));
  };

  // The judge's reason inputs outlive re-renders, so a live update never wipes what the judge is typing.
  const reasonInput = (transferId) => {
    if (!reasons.has(transferId)) {
      const input = textInput(`reason-${transferId}`, { className: 'reason' });
      reasons.set(transferId, checkedField(t('reason'), input));
    }
    return reasons.get(transferId);
  };

  const renderPending = () => {
    const pending = account?.pendingApprovals ?? [];
    for (const id of [...reasons.keys()]) if (!pending.some((p) => p.transferId === id)) reasons.delete(id);
    pendingHost.dataset.count = pending.length;
    const items = pending.map((p) => {
      const transfer = transfers.find((x) => x.transferId === p.transferId);
      const payee = transfer?.payee ? `${transfer.payee.name} (${transfer.payee.accountNumber})` : t('acctPayees', { count: p.payees });
      const item = el('li', { className: 'pending card', dataset: { transferId: p.transferId } },
        el('h4', {}, `${p.transferId} · ${t(`acctKind_${p.kind}`)} · `, el('span', { className: 'money' }, yuan(p.amountFen))),
        el('p', {}, `${t('acctPurpose')}: ${p.purpose} · ${t('acctPayee')}: ${payee}`),
        el('p', { className: 'exceeded' }, `${t('acctExceeded')}: ${limitNames(p.exceededLimits)}`),
        el('p', { className: 'muted' }, `${t('acctRequested')} ${moment(p.requestedAt)} · ${p.requestedBy}`));
      if (isJudge) item.append(decision(p));
      if (isAdministrator) item.append(cancellation(p));
      return item;
    });
    pendingHost.replaceChildren(el('h3', { id: 'pending-title' }, t('acctPending')),
      items.length ? el('ul', { className: 'pending-list' }, ...items) : el('p', { className: 'muted' }, t('acctNonePending')));
  };

  const decision = (p) => {
    const reason = reasonInput(p.transferId);
    const general = el('p', { className: 'error', role: 'alert' });
    const report = problemReporter(general, { reason });
    const decide = (action) => async () => {
      if (action === 'rejection' && !reason.input.value.trim()) { report.named({ reason: t('acctReasonRequired') }); return; }
      try {
        report.clear();
        const body = { reason: reason.input.value.trim() || null };
        const decided = await api('POST', `/api/cases/${caseId}/account/transfers/${p.transferId}/${action}`, body);
        status.textContent = t(action === 'approval' ? 'acctApproved' : 'acctRejected', { id: decided.transferId });
        await refresh();
      } catch (e) { report.show(e); }
    };
    return el('div', { className: 'decision', role: 'group', ariaLabel: `${t('acctDecide')} ${p.transferId}` }, reason.node,
      el('div', { className: 'review' },
        el('button', { type: 'button', className: 'approve', onclick: decide('approval') }, t('acctApprove')),
        el('button', { type: 'button', className: 'reject', onclick: decide('rejection') }, t('reject'))), general);
  };

  // The administrator withdraws a transfer that still waits; the judge then has nothing to decide.
  const cancellation = (p) => {
    const reason = reasonInput(p.transferId);
    const general = el('p', { className: 'error', role: 'alert' });
    const report = problemReporter(general, { reason });
    const withdraw = async () => {
      try {
        report.clear();
        const cancelled = await api('POST', `/api/cases/${caseId}/account/transfers/${p.transferId}/cancellation`, { reason: reason.input.value.trim() || null });
        status.textContent = t('acctCancelled', { id: cancelled.transferId });
        await refresh();
      } catch (e) { report.show(e); }
    };
    return el('div', { className: 'cancellation', role: 'group', ariaLabel: `${t('acctCancel')} ${p.transferId}` }, reason.node,
      el('div', { className: 'review' }, el('button', { type: 'button', className: 'cancel-transfer secondary', onclick: withdraw }, t('acctCancel'))), general);
  };

  const renderTransfers = () => {
    const rows = [...transfers].reverse().map((x) => el('tr', { className: 'transfer', dataset: { transferId: x.transferId, status: x.status } },
      el('td', {}, x.transferId), el('td', {}, t(`acctKind_${x.kind}`)),
      el('td', {}, x.payee ? `${x.payee.name} · ${x.payee.accountNumber}` : t('acctPayees', { count: x.distribution?.lines.length ?? 0 })),
      el('td', {}, x.purpose), el('td', { className: 'money' }, yuan(x.amountFen)),
      el('td', { className: 'transfer-status' }, el('span', { className: `badge ${x.status}` }, t(`acctStatus_${x.status}`)),
        x.exceededLimits.length ? el('div', { className: 'muted' }, `${t('acctExceeded')}: ${limitNames(x.exceededLimits)}`) : null,
        x.decisionReason ? el('div', { className: 'muted' }, `${t('reason')}: ${x.decisionReason}`) : null,
        x.distributionRound ? el('div', { className: 'muted' }, t('acctRound', { round: x.distributionRound })) : null),
      el('td', {}, moment(x.requestedAt)), el('td', {}, moment(x.executedAt ?? x.decidedAt)),
      el('td', { className: 'money' }, x.balanceAfterFen === null || x.balanceAfterFen === undefined ? '' : yuan(x.balanceAfterFen))));
    transfersHost.replaceChildren(el('h3', { id: 'transfers-title' }, t('acctTransfers')),
      rows.length ? el('table', { className: 'transfers' },
        el('thead', {}, el('tr', {}, ...['acctTransfer', 'acctKind', 'acctPayee', 'acctPurpose', 'amount', 'status', 'acctRequested', 'acctDone', 'acctBalanceAfter']
          .map((h) => el('th', { scope: 'col' }, t(h))))),
        el('tbody', {}, ...rows)) : el('p', { className: 'muted' }, t('acctNoTransfers')));
  };

  const renderDeposits = () => {
    const rows = [...deposits].reverse().map((d) => el('tr', { className: 'deposit', dataset: { depositId: d.depositId } },
      el('td', {}, d.depositId), el('td', {}, d.source), el('td', {}, d.reference), el('td', { className: 'money' }, yuan(d.amountFen)),
      el('td', {}, moment(d.recordedAt)), el('td', { className: 'money' }, yuan(d.balanceAfterFen))));
    depositsHost.replaceChildren(el('h3', { id: 'deposits-title' }, t('acctDeposits')),
      rows.length ? el('table', { className: 'deposits' },
        el('thead', {}, el('tr', {}, ...['acctDeposit', 'acctSource', 'acctReference', 'amount', 'acctRecorded', 'acctBalanceAfter'].map((h) => el('th', { scope: 'col' }, t(h))))),
        el('tbody', {}, ...rows)) : el('p', { className: 'muted' }, t('acctNoDeposits')));
  };

  /** A form whose submit sends one request; refusals land next to the fields they name. */
  const form = (id, title, fields, submitText, submit, extra = []) => {
    const general = el('p', { className: 'error', role: 'alert' });
    const report = problemReporter(general, fields);
    const button = el('button', { type: 'submit' }, submitText);
    return el('form', { className: 'card', id, noValidate: true, ariaLabelledby: `${id}-title`, onsubmit: async (e) => {
      e.preventDefault();
      report.clear();
      button.disabled = true;
      try { await submit(report); } catch (error) { report.show(error); } finally { button.disabled = false; }
    } }, el('h3', { id: `${id}-title` }, title), ...Object.values(fields).filter((f, i, all) => all.indexOf(f) === i).map((f) => f.node), ...extra, general, button);
  };

  /** Reads yuan fields into fen; a field that is not an amount is refused on the spot, naming the API's field. */
  const amounts = (report, entries) => {
    const bad = {};
    const fen = {};
    for (const [name, f] of Object.entries(entries)) {
      fen[name] = parseYuan(f.input.value);
      if (fen[name] === null) bad[name] = t('notAmount');
    }
    if (Object.keys(bad).length) { report.named(bad); return null; }
    return fen;
  };

  const openForm = () => {
    const fields = {
      accountName: checkedField(t('acctName'), textInput('accountName', { required: true, value: `${c.debtorName}管理人` })),
      accountNumber: checkedField(t('acctNumber'), textInput('accountNumber', { required: true, inputMode: 'numeric' })),
      bankName: checkedField(t('acctBank'), textInput('bankName', { required: true })),
      'limits.perTransferFen': checkedField(t('acctLimitYuan_perTransfer'), yuanInput('perTransfer'), t('acctLimitHint')),
      'limits.perDayFen': checkedField(t('acctLimitYuan_perDay'), yuanInput('perDay')),
      'limits.cumulativeFen': checkedField(t('acctLimitYuan_cumulative'), yuanInput('cumulative')),
    };
    fields.limits = fields['limits.perTransferFen'];
    return form('open-account-form', t('acctOpenTitle'), fields, t('acctOpen'), async (report) => {
      const fen = amounts(report, { 'limits.perTransferFen': fields['limits.perTransferFen'], 'limits.perDayFen': fields['limits.perDayFen'],
        'limits.cumulativeFen': fields['limits.cumulativeFen'] });
      if (!fen) return;
      account = await api('PUT', `/api/cases/${caseId}/account`, {
        accountName: fields.accountName.input.value, accountNumber: fields.accountNumber.input.value, bankName: fields.bankName.input.value,
        limits: { perTransferFen: fen['limits.perTransferFen'], perDayFen: fen['limits.perDayFen'], cumulativeFen: fen['limits.cumulativeFen'] },
      });
      status.textContent = t('acctOpened');
      await refresh();
    });
  };

  // Only the case's judge changes the limits; the form starts from the limits in force.
  const limitsForm = () => {
    const limit = (name, key, hint) => {
      const input = yuanInput(name);
      input.value = plainYuan(account.limits[key]);
      return checkedField(t(`acctLimitYuan_${name}`), input, hint);
    };
    const fields = {
      perTransferFen: limit('perTransfer', 'perTransferFen', t('acctLimitHint')),
      perDayFen: limit('perDay', 'perDayFen'),
      cumulativeFen: limit('cumulative', 'cumulativeFen'),
      reason: checkedField(t('reason'), textInput('limitsReason')),
    };
    return form('limits-form', t('acctLimitsTitle'), fields, t('acctSetLimits'), async (report) => {
      const fen = amounts(report, { perTransferFen: fields.perTransferFen, perDayFen: fields.perDayFen, cumulativeFen: fields.cumulativeFen });
      if (!fen) return;
      account = await api('PUT', `/api/cases/${caseId}/account/limits`, { ...fen, reason: fields.reason.input.value.trim() || null });
      status.textContent = t('acctLimitsSet');
      fields.reason.input.value = '';
      await refresh();
    });
  };

  const depositForm = () => {
    const fields = {
      amountFen: checkedField(t('acctAmountYuan'), yuanInput('depositAmount')),
      source: checkedField(t('acctSource'), textInput('source', { required: true })),
      reference: checkedField(t('acctReference'), textInput('reference', { required: true })),
    };
    return form('deposit-form', t('acctRecordDeposit'), fields, t('acctRecordDeposit'), async (report) => {
      const fen = amounts(report, { amountFen: fields.amountFen });
      if (!fen) return;
      const d = await api('POST', `/api/cases/${caseId}/account/deposits`, { amountFen: fen.amountFen, source: fields.source.input.value, reference: fields.reference.input.value });
      status.textContent = t('acctDepositRecorded', { id: d.depositId, amount: yuan(d.amountFen) });
      for (const f of Object.values(fields)) f.input.value = '';
      await refresh();
    });
  };

  const transferForm = () => {
    const fields = {
      'payee.name': checkedField(t('acctPayeeName'), textInput('payeeName', { required: true })),
      'payee.accountNumber': checkedField(t('acctPayeeAccount'), textInput('payeeAccount', { required: true, inputMode: 'numeric' })),
      'payee.bankName': checkedField(t('acctPayeeBank'), textInput('payeeBank')),
      'payee.creditorId': checkedField(t('acctPayeeCreditor'), textInput('payeeCreditor')),
      amountFen: checkedField(t('acctAmountYuan'), yuanInput('transferAmount')),
      purpose: checkedField(t('acctPurpose'), textInput('purpose', { required: true })),
    };
    fields.payee = fields['payee.name'];
    return form('transfer-form', t('acctRequestTransfer'), fields, t('acctRequestTransfer'), async (report) => {
      const fen = amounts(report, { amountFen: fields.amountFen });
      if (!fen) return;
      const optional = (f) => f.input.value.trim() || null;
      const x = await api('POST', `/api/cases/${caseId}/account/transfers`, {
        payee: { name: fields['payee.name'].input.value, accountNumber: fields['payee.accountNumber'].input.value,
          bankName: optional(fields['payee.bankName']), creditorId: optional(fields['payee.creditorId']) },
        amountFen: fen.amountFen, purpose: fields.purpose.input.value,
      });
      status.textContent = x.status === 'awaitingApproval'
        ? t('acctTransferWaiting', { id: x.transferId, limits: limitNames(x.exceededLimits) })
        : t('acctTransferExecuted', { id: x.transferId, amount: yuan(x.amountFen) });
      for (const f of Object.values(fields)) f.input.value = '';
      await refresh();
    });
  };

  const distributionForm = () => {
    const klass = el('select', { name: 'class' }, ...['ordinary', 'socialInsuranceAndTax', 'employee'].map((k) => new Option(t(k), k)));
    const final = el('input', { type: 'checkbox', name: 'final', id: 'distribution-final' });
    const fields = {
      class: checkedField(t('class'), klass),
      totalFen: checkedField(t('acctTotalYuan'), yuanInput('distributionTotal')),
      purpose: checkedField(t('acctPurpose'), textInput('distributionPurpose', { required: true, value: t('acctDistributionPurpose') })),
      final: { node: el('div', { className: 'field check' }, final, el('label', { htmlFor: final.id }, t('acctFinal'))), input: final, error: el('p', { className: 'field-error error' }) },
    };
    fields.final.node.append(fields.final.error);
    const previewHost = el('div', { className: 'distribution-preview', ariaLive: 'polite' });
    const body = (report) => {
      const fen = amounts(report, { totalFen: fields.totalFen });
      return fen && { totalFen: fen.totalFen, purpose: fields.purpose.input.value, class: klass.value, final: final.checked };
    };
    const previewButton = el('button', { type: 'button', className: 'secondary preview', onclick: async () => {
      report.clear();
      const request = body(report);
      if (!request) return;
      try { showPreview(await api('POST', `/api/cases/${caseId}/account/distributions/preview`, request)); } catch (e) { report.show(e); }
    } }, t('acctPreview'));
    const showPreview = (p) => {
      const lines = p.plan.lines.map((l) => el('tr', { className: 'line' }, el('td', {}, l.payeeId), el('td', {}, l.claimId ?? ''),
        el('td', { className: 'money' }, yuan(l.weightFen)), el('td', { className: 'money' }, yuan(l.amountFen))));
      previewHost.replaceChildren(el('table', { className: 'preview-lines' },
        el('caption', {}, t('acctPreviewCaption', { round: p.plan.round, total: yuan(p.totalFen) })),
        el('thead', {}, el('tr', {}, ...['creditor', 'claims', 'acctWeight', 'amount'].map((h) => el('th', { scope: 'col' }, t(h))))),
        el('tbody', {}, ...lines)),
      el('p', { className: p.exceededLimits.length ? 'exceeded' : 'muted' }, p.exceededLimits.length
        ? t('acctPreviewWaits', { limits: limitNames(p.exceededLimits) }) : t('acctPreviewWithin')),
      el('p', { className: 'muted' }, `${t('acctAvailable')}: ${yuan(p.availableFen)}`));
    };
    const general = el('p', { className: 'error', role: 'alert' });
    const report = problemReporter(general, fields);
    const pay = el('button', { type: 'submit' }, t('acctPay'));
    return el('form', { className: 'card', id: 'distribution-form', noValidate: true, ariaLabelledby: 'distribution-form-title', onsubmit: async (e) => {
      e.preventDefault();
      report.clear();
      const request = body(report);
      if (!request) return;
      pay.disabled = true;
      try {
        const x = await api('POST', `/api/cases/${caseId}/account/distributions`, request);
        status.textContent = x.status === 'awaitingApproval'
          ? t('acctTransferWaiting', { id: x.transferId, limits: limitNames(x.exceededLimits) })
          : t('acctTransferExecuted', { id: x.transferId, amount: yuan(x.amountFen) });
        previewHost.replaceChildren();
        await refresh();
      } catch (error) { report.show(error); } finally { pay.disabled = false; }
    } }, el('h3', { id: 'distribution-form-title' }, t('acctDistribution')), fields.class.node, fields.totalFen.node, fields.purpose.node, fields.final.node,
    previewHost, general, el('div', { className: 'review' }, previewButton, pay));
  };

  const renderForms = () => {
    formsHost.dataset.for = account ? 'open' : 'closed';
    if (!account) formsHost.replaceChildren(isJudge ? openForm() : el('p', { className: 'muted' }, t('acctJudgeOpens')));
    else formsHost.replaceChildren(...(isAdministrator ? [depositForm(), transferForm(), distributionForm()] : []), ...(isJudge ? [limitsForm()] : []));
  };

  const refresh = async () => { await load(); render(); };

  await load();
  render();
  state.cleanup.push(on('account', async (update) => {
    if (update.caseId !== caseId) return;
    account = update;
    render();
    // The account event comes after every transfer and deposit; the lists follow it.
    [transfers, deposits] = await Promise.all([api('GET', `/api/cases/${caseId}/account/transfers`), api('GET', `/api/cases/${caseId}/account/deposits`)]);
    render();
  }));
  state.cleanup.push(on('transfer', (update) => {
    if (update.caseId !== caseId) return;
    const i = transfers.findIndex((x) => x.transferId === update.transferId);
    if (i < 0) return;
    transfers[i] = update;
    render();
  }));
  state.cleanup.push(await watching(async (connection) => {
    await connection.invoke('WatchCase', caseId);
    await refresh();
  }));

  return [
    el('h2', { tabIndex: -1 }, `${t('acctTitle')} · ${c.caseNumber}`),
    el('p', { className: 'muted' }, el('a', { href: `#/cases/${caseId}`, className: 'back-to-case' }, `${c.caseNumber} · ${c.debtorName}`)),
    status,
    summaryHost,
    pendingHost,
    formsHost,
    transfersHost,
    depositsHost,
  ];
}
