import { t, languageSwitch } from './i18n.js';
import { connectLive } from './live.js';
import { el, renderTally, renderOutcome } from './tally.js';

const params = new URLSearchParams(location.search);
const meetingId = params.get('meeting');
const creditorId = params.get('creditor');
const main = document.querySelector('main');
const state = { meeting: null, tallies: {}, receipts: {}, error: null };
let live;

function render() {
  document.title = `${t('creditorView')} · ${t('product')}`;
  document.querySelector('h1').textContent = t('creditorView');
  if (!meetingId || !creditorId) { main.replaceChildren(el('p', {}, t('missingParams'))); return; }
  if (!state.meeting) return;
  const m = state.meeting;
  const content = [el('h2', {}, `${t('meeting')}: ${m.title}`), el('p', { className: 'muted' }, t('you', { id: creditorId }))];
  if (state.error) content.push(el('p', { className: 'error', role: 'alert' }, `${t('error')}: ${state.error}`));
  for (const r of m.resolutions) {
    const section = el('section', { className: 'resolution', id: `resolution-${r.resolutionId}` });
    section.append(el('h3', {}, `${r.title} `, el('span', { className: `badge ${r.status}` }, t(r.status))));
    if (r.status === 'open') {
      const buttons = el('div', { className: 'choices', role: 'group', ariaLabel: r.title });
      for (const choice of ['for', 'against', 'abstain']) {
        const button = el('button', { type: 'button', className: `choice ${choice}` }, t(choice));
        button.dataset.choice = choice;
        button.addEventListener('click', () => confirmBallot(r, choice));
        buttons.append(button);
      }
      section.append(buttons);
    }
    const receipt = state.receipts[r.resolutionId];
    if (receipt) {
      section.append(el('p', { className: 'receipt', role: 'status' },
        t('voted', { choice: t(receipt.choice), position: receipt.ledgerPosition })));
    }
    section.append(renderTally(state.tallies[r.resolutionId] ?? r.tally), renderOutcome(r.outcome));
    content.push(section);
  }
  main.replaceChildren(...content);
}

function confirmBallot(resolution, choice) {
  const dialog = document.querySelector('#confirm');
  dialog.querySelector('p').textContent = t('confirmVote', { choice: t(choice), title: resolution.title });
  dialog.querySelector('[value=yes]').textContent = t('confirm');
  dialog.querySelector('[value=no]').textContent = t('cancel');
  dialog.onclose = async () => {
    if (dialog.returnValue !== 'yes') return;
    try {
      state.error = null;
      const ack = await live.connection.invoke('CastBallot', meetingId, { resolutionId: resolution.resolutionId, creditorId, choice });
      state.receipts[resolution.resolutionId] = ack;
      localStorage.setItem(`receipt:${meetingId}:${resolution.resolutionId}:${creditorId}`, JSON.stringify(ack));
    } catch (e) {
      state.error = String(e.message ?? e).replace(/^.*HubException: /, '');
    }
    render();
  };
  dialog.showModal();
}

languageSwitch(document.querySelector('#lang'), () => { live.refresh(); render(); });
live = connectLive(document.querySelector('#connection'), async (connection) => {
  if (!meetingId || !creditorId) return;
  state.meeting = await connection.invoke('WatchMeeting', meetingId);
  state.tallies = {};
  try { await connection.invoke('CheckIn', meetingId, creditorId); } catch (e) { state.error = String(e.message ?? e).replace(/^.*HubException: /, ''); }
  render();
});
live.connection.on('tally', (update) => { state.tallies[update.resolutionId] = update.tally; render(); });
live.connection.on('meeting', (meeting) => { state.meeting = meeting; render(); });
render();
