import { t } from '../i18n.js';
import { el } from '../dom.js';
import { api } from '../api.js';
import { watching, on, hubError } from '../live.js';
import { renderTally, renderOutcome } from '../tally.js';
import { renderAttendance } from '../attendance.js';
import { formatReceiptFile } from '../ledger/receipt.js';

/**
 * A meeting. Creditors check in by opening it, vote with a confirmation and keep a receipt; the judge and the
 * administrator watch every tally live, and the administrator opens and closes voting.
 */
export async function meetingView(state, meetingId) {
  const me = state.me;
  const isCreditor = me.role === 'creditor';
  let meeting = await api('GET', `/api/meetings/${meetingId}`);
  const c = await api('GET', `/api/cases/${meeting.caseId}`);
  const isAdministrator = me.role === 'administrator' && me.username === c.administratorId;
  const tallies = {};
  let connection = null;
  const receipts = JSON.parse(localStorage.getItem(`receipts:${meetingId}:${me.username}`) ?? '{}');
  // On another phone or after the browser was cleared, the server still knows this creditor's own ballots and where
  // each stands in the ledger, so the receipt can be fetched again.
  if (isCreditor && me.creditorId) {
    await Promise.all(meeting.resolutions.filter((r) => r.status !== 'pending' && !receipts[r.resolutionId]).map(async (r) => {
      try {
        receipts[r.resolutionId] = await api('GET', `/api/meetings/${meetingId}/resolutions/${r.resolutionId}/ballots/${me.creditorId}`);
      } catch { /* this creditor has no ballot in the round */ }
    }));
  }
  const host = el('div');
  const message = el('p', { role: 'alert', className: 'error' });

  const render = () => {
    host.replaceChildren(isCreditor ? el('p', { className: 'muted', id: 'checked-in' }, t('checkedIn', { count: meeting.checkedIn })) : renderAttendance(meeting, tallies),
      ...meeting.resolutions.map((r) => {
        const section = el('section', { className: 'resolution card', id: `resolution-${r.resolutionId}`, dataset: { status: r.status } },
          el('h3', {}, `${r.title} `, el('span', { className: `badge ${r.status}` }, t(r.status === 'open' ? 'openNow' : r.status))));
        if (isCreditor && r.status === 'open') section.append(choices(r));
        if (isAdministrator && r.status === 'pending') section.append(control(r, 'open', t('openVoting')));
        if (isAdministrator && r.status === 'open') section.append(control(r, 'close', t('closeVoting')));
        const receipt = receipts[r.resolutionId];
        if (receipt) section.append(el('p', { className: 'receipt', role: 'status', dataset: { position: receipt.ledgerPosition } },
          t('voted', { choice: t(receipt.choice), position: receipt.ledgerPosition })));
        if (receipt) section.append(receiptActions(receipt));
        section.append(renderTally(tallies[r.resolutionId] ?? r.tally));
        const outcome = renderOutcome(r.outcome);
        if (outcome) section.append(outcome);
        return section;
      }));
  };

  // The receipt file is what the receipt page verifies: the server's tlog-proof for the ballot's ledger entry, with
  // the ballot and the salt that only this voter holds. It is fetched when asked for, against the newest checkpoint.
  const receiptActions = (ack) => el('p', { className: 'receipt-actions' },
    el('button', { type: 'button', className: 'download-receipt', onclick: async () => {
      try {
        const issued = await api('GET', `/api/cases/${meeting.caseId}/ledger/receipts/${ack.ledgerPosition}`);
        const blob = new Blob([formatReceiptFile(issued.receipt, ack)], { type: 'application/json' });
        const link = el('a', { href: URL.createObjectURL(blob), download: `receipt-${meeting.caseId}-${ack.ledgerPosition}.json` });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      } catch (e) { message.textContent = e.message; }
    } }, t('downloadReceipt')), ' ', el('a', { href: '#/receipt', className: 'verify-receipt-link' }, t('verifyAReceipt')));

  // Ballots go over the live connection: until it is up, the buttons wait.
  const choices = (r) => el('div', { className: 'choices', role: 'group', ariaLabel: r.title },
    ...['for', 'against', 'abstain'].map((choice) => el('button', { type: 'button', className: `choice ${choice}`, dataset: { choice },
      disabled: connection === null, onclick: () => confirmBallot(r, choice) }, t(choice))));

  const control = (r, action, label) => el('button', { type: 'button', className: `control ${action}`, onclick: async () => {
    try {
      await api('POST', `/api/meetings/${meetingId}/resolutions/${r.resolutionId}/${action}`);
      meeting = await api('GET', `/api/meetings/${meetingId}`);
      render();
    } catch (e) { message.textContent = e.message; }
  } }, label);

  const confirmBallot = (r, choice) => {
    const dialog = el('dialog', { className: 'confirm-vote', ariaLabel: t('confirm') },
      el('form', { method: 'dialog' }, el('p', {}, t('confirmVote', { choice: t(choice), title: r.title })),
        el('button', { value: 'yes', className: 'yes' }, t('confirm')), ' ', el('button', { value: 'no' }, t('cancel'))));
    dialog.addEventListener('close', async () => {
      dialog.remove();
      if (dialog.returnValue !== 'yes') return;
      try {
        message.textContent = '';
        const ack = await connection.invoke('CastBallot', meetingId, r.resolutionId, choice);
        receipts[r.resolutionId] = ack;
        localStorage.setItem(`receipts:${meetingId}:${me.username}`, JSON.stringify(receipts));
      } catch (e) { message.textContent = hubError(e); }
      render();
    });
    document.body.append(dialog);
    dialog.showModal();
  };

  state.cleanup.push(on('tally', (update) => {
    if (update.meetingId !== meetingId) return;
    tallies[update.resolutionId] = update.tally;
    render();
  }));
  state.cleanup.push(on('meeting', (update) => {
    if (update.meetingId !== meetingId) return;
    meeting = update;
    render();
  }));
  state.cleanup.push(await watching(async (live) => {
    meeting = await live.invoke(isCreditor ? 'WatchMeeting' : 'WatchMeetingAsStaff', meetingId);
    connection = live;
    for (const key of Object.keys(tallies)) delete tallies[key];
    if (isCreditor) await live.invoke('CheckIn', meetingId).catch((e) => { message.textContent = hubError(e); });
    render();
  }));
  render();
  return [el('h2', { tabIndex: -1 }, `${t('meeting')}: ${meeting.title}`), el('p', { className: 'muted' }, `${c.caseNumber} · ${c.debtorName}`), message, host];
}
