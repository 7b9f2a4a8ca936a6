import { t, day, moment } from '../i18n.js';
import { el } from '../dom.js';
import { api } from '../api.js';
import { watching, on } from '../live.js';
import { renderTally } from '../tally.js';
import { nodeName } from './progress.js';

/**
 * The judge's dashboard: every case of the court with its stage and overdue steps, the meetings voting now with
 * their tallies, and what waits for the judge. It watches every case and every meeting still voting as staff, so
 * progress, tallies and meetings change in place; claims changing (an objection) refresh what waits.
 */
export async function dashboardView(state) {
  let data = await api('GET', '/api/judge/dashboard');
  const tallies = {};
  const joinedCases = new Set();
  const joinedMeetings = new Set();
  const casesHost = el('div');
  const liveHost = el('div', { ariaLive: 'off' });
  const waitingHost = el('div');
  const courtDay = el('p', { className: 'muted', id: 'court-day' });
  const liveSection = el('section', { id: 'live-meetings', ariaLabelledby: 'live-heading' }, el('h3', { id: 'live-heading' }, t('liveMeetings')), liveHost);

  const caseOf = (caseId) => data.cases.find((c) => c.caseId === caseId);
  const isLive = (meeting) => meeting.resolutions.some((r) => r.status === 'open');
  const openCase = (caseId) => { location.hash = `#/cases/${caseId}`; };

  const dueNote = (node) => (node.dueOn ? ` · ${t('dueBy', { day: day(node.dueOn) })}` : '');

  const renderCases = () => {
    courtDay.textContent = `${data.court} · ${t('courtDay', { day: day(data.today) })}`;
    courtDay.dataset.day = data.today;
    const rows = data.cases.map((c) => el('tr', {
      className: `case-row${c.overdue.length ? ' has-overdue' : ''}`, dataset: { caseId: c.caseId },
      // The whole row opens the case for a mouse; the case number is the link for a keyboard and a screen reader.
      onclick: (e) => { if (!e.target.closest('a')) openCase(c.caseId); },
    },
    el('th', { scope: 'row' }, el('a', { href: `#/cases/${c.caseId}`, className: 'case-link', ariaLabel: t('openCaseRow', { caseNumber: c.caseNumber }) }, c.caseNumber)),
    el('td', {}, c.debtorName),
    el('td', {}, t(c.procedure)),
    el('td', { className: 'stage', dataset: { node: c.stage?.node ?? '' } }, c.stage ? `${nodeName(c.stage.node)}${dueNote(c.stage)}` : t('allDone')),
    el('td', { className: 'overdue-cell' }, c.overdue.length === 0
      ? el('span', { className: 'muted' }, t('none'))
      : el('ul', { className: 'overdue-list' }, ...c.overdue.map((n) => el('li', { dataset: { node: n.node } },
        el('strong', {}, `⚠ ${nodeName(n.node)}`), ` · ${t('overdueSince', { day: day(n.dueOn) })}`)))),
    el('td', { className: 'meetings-cell' }, ...c.meetings.filter(isLive).map((m) => el('div', {},
      el('a', { href: `#/meetings/${m.meetingId}` }, m.title), ' ',
      el('span', { className: 'muted' }, t('ballotsSoFar', { count: m.resolutions.filter((r) => r.status === 'open')
        .reduce((sum, r) => sum + ((tallies[`${m.meetingId}/${r.resolutionId}`] ?? r.tally)?.votesRecorded ?? 0), 0) }))))),
    el('td', { className: 'waiting-cell' }, c.waiting.length ? String(c.waiting.length) : el('span', { className: 'muted' }, '0'))));
    casesHost.replaceChildren(data.cases.length === 0 ? el('p', { className: 'muted' }, t('noCases')) : el('table', { className: 'dashboard' },
      el('caption', {}, t('courtCases')),
      el('thead', {}, el('tr', {}, ...[t('caseNumber'), t('debtor'), t('procedure'), t('stage'), t('overdue'), t('liveMeetings'), t('waitingForYou')]
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows)));
  };

  const renderLive = () => {
    const live = data.cases.flatMap((c) => c.meetings.filter(isLive).map((m) => [c, m]));
    liveHost.replaceChildren(...(live.length === 0 ? [el('p', { className: 'muted' }, t('noLiveMeetings'))] : live.map(([c, m]) =>
      el('article', { className: 'card live-meeting', dataset: { meetingId: m.meetingId, caseId: c.caseId } },
        el('h4', {}, el('a', { href: `#/meetings/${m.meetingId}` }, `${c.caseNumber} · ${m.title}`)),
        el('p', { className: 'muted' }, t('checkedIn', { count: m.checkedIn })),
        ...m.resolutions.filter((r) => r.status === 'open').map((r) => el('section', { className: 'resolution', dataset: { resolutionId: r.resolutionId } },
          el('h5', {}, r.title), renderTally(tallies[`${m.meetingId}/${r.resolutionId}`] ?? r.tally)))))));
  };

  /** A kind the pages have no text for yet still shows, by its name. */
  const waitingText = (w) => {
    const key = `waiting.${w.kind}`;
    const text = t(key, { subject: w.subject, reference: w.reference ?? '' });
    return text === key ? `${w.kind}: ${w.subject}` : text;
  };

  const renderWaiting = () => {
    const items = data.cases.flatMap((c) => c.waiting.map((w) => [c, w])).sort(([, a], [, b]) => a.since.localeCompare(b.since));
    waitingHost.replaceChildren(items.length === 0 ? el('p', { className: 'muted' }, t('nothingWaiting')) : el('ul', { className: 'waiting' },
      ...items.map(([c, w]) => el('li', { dataset: { kind: w.kind, subject: w.subject } },
        el('a', { href: w.reference === 'account' ? `#/cases/${c.caseId}/account` : `#/cases/${c.caseId}` }, c.caseNumber), ': ',
        waitingText(w),
        el('span', { className: 'muted' }, ` · ${t('since', { when: moment(w.since) })}`)))));
  };

  const render = () => { renderCases(); renderLive(); renderWaiting(); };

  /** Joins the groups of cases and meetings not joined yet on this connection; the hub answers with each meeting's current state. */
  const join = async (connection) => {
    for (const c of data.cases) {
      if (!joinedCases.has(c.caseId)) { await connection.invoke('WatchCase', c.caseId); joinedCases.add(c.caseId); }
      for (const m of c.meetings) {
        if (joinedMeetings.has(m.meetingId)) continue;
        const fresh = await connection.invoke('WatchMeetingAsStaff', m.meetingId);
        joinedMeetings.add(m.meetingId);
        replaceMeeting(fresh);
      }
    }
  };

  const replaceMeeting = (meeting) => {
    const c = caseOf(meeting.caseId);
    if (!c) return;
    const i = c.meetings.findIndex((m) => m.meetingId === meeting.meetingId);
    if (i >= 0) c.meetings[i] = meeting; else c.meetings.push(meeting);
  };

  let connection = null;
  let refreshing = null;
  /** Reads the dashboard again (what waits is worked out on the server), then watches whatever is new in it. */
  const refresh = () => {
    refreshing ??= new Promise((resolve) => setTimeout(resolve, 300)).then(async () => {
      refreshing = null;
      data = await api('GET', '/api/judge/dashboard');
      for (const key of Object.keys(tallies)) delete tallies[key];
      if (connection) await join(connection);
      render();
    }).catch(() => { refreshing = null; });
    return refreshing;
  };

  state.cleanup.push(on('progress', (progress) => {
    const c = caseOf(progress.caseId);
    if (!c) return;
    c.stage = progress.nodes.find((n) => n.node === progress.current) ?? null;
    c.overdue = progress.nodes.filter((n) => n.overdue);
    data.today = progress.today;
    renderCases();
  }));
  state.cleanup.push(on('tally', (update) => {
    if (!data.cases.some((c) => c.meetings.some((m) => m.meetingId === update.meetingId))) return;
    tallies[`${update.meetingId}/${update.resolutionId}`] = update.tally;
    renderLive();
    renderCases();
  }));
  state.cleanup.push(on('meeting', (meeting) => {
    if (!caseOf(meeting.caseId)) return;
    replaceMeeting(meeting);
    renderLive();
    renderCases();
  }));
  state.cleanup.push(on('claim', (claim) => { if (caseOf(claim.caseId)) refresh(); }));
  state.cleanup.push(on('account', (account) => { if (caseOf(account.caseId)) refresh(); }));
  state.cleanup.push(await watching(async (live) => {
    // A new connection is in no group yet: join everything again, then read what was missed while away.
    connection = live;
    joinedCases.clear();
    joinedMeetings.clear();
    for (const key of Object.keys(tallies)) delete tallies[key];
    await join(live);
    data = await api('GET', '/api/judge/dashboard');
    for (const key of Object.keys(tallies)) delete tallies[key];
    await join(live);
    render();
    // Everything on the page is now watched: from here on it changes in place.
    liveSection.dataset.watching = 'true';
  }));
  render();

  // Steps fall overdue at the court's midnight with no change to push, so the page reads the dashboard again as the
  // court's next day begins (the server says how long until then, whatever this machine's clock says).
  let nextDay = null;
  const readAtNextDay = (delay) => {
    clearTimeout(nextDay);
    nextDay = setTimeout(async () => {
      const before = data;
      await refresh();
      // A read that failed left the data as it was: try again in a minute.
      readAtNextDay(data === before ? 60_000 : data.nextDayInMilliseconds + 1000);
    }, delay);
  };
  readAtNextDay(data.nextDayInMilliseconds + 1000);
  state.cleanup.push(() => clearTimeout(nextDay));

  return [
    el('h2', { tabIndex: -1 }, t('dashboard')), courtDay,
    el('section', { className: 'dashboard-cases', ariaLabel: t('courtCases') }, casesHost),
    liveSection,
    el('section', { id: 'waiting', ariaLabelledby: 'waiting-heading' }, el('h3', { id: 'waiting-heading' }, t('waitingForYou')), waitingHost),
  ];
}
