import { t, languageSwitch } from './i18n.js';
import { connectLive } from './live.js';
import { el, renderTally, renderOutcome } from './tally.js';

const params = new URLSearchParams(location.search);
const meetingId = params.get('meeting');
const main = document.querySelector('main');
const state = { meeting: null, tallies: {} };

function render() {
  document.title = `${t('judgeView')} · ${t('product')}`;
  document.querySelector('h1').textContent = t('judgeView');
  if (!meetingId) { main.replaceChildren(el('p', {}, t('missingParams'))); return; }
  if (!state.meeting) return;
  const m = state.meeting;
  const list = el('div');
  for (const r of m.resolutions) {
    const tally = state.tallies[r.resolutionId] ?? r.tally;
    const section = el('section', { className: 'resolution', id: `resolution-${r.resolutionId}` });
    section.append(el('h3', {}, `${r.title} `, el('span', { className: `badge ${r.status}` }, t(r.status))));
    section.append(renderTally(tally), renderOutcome(r.outcome));
    list.append(section);
  }
  main.replaceChildren(el('h2', {}, `${t('meeting')}: ${m.title}`), list);
}

languageSwitch(document.querySelector('#lang'), () => { live.refresh(); render(); });
const live = connectLive(document.querySelector('#connection'), async (connection) => {
  if (!meetingId) return;
  state.meeting = await connection.invoke('WatchMeetingAsStaff', meetingId);
  state.tallies = {};
  render();
});
live.connection.on('tally', (update) => {
  state.tallies[update.resolutionId] = update.tally;
  render();
});
live.connection.on('meeting', (meeting) => { state.meeting = meeting; render(); });
render();
