import { t } from './i18n.js';
import { el } from './dom.js';

/** The resolution whose roll the attendance shows: the one open now, else the latest that has a tally. */
function currentTally(meeting, liveTallies) {
  const withTally = meeting.resolutions.map((r) => ({ r, tally: liveTallies[r.resolutionId] ?? r.tally })).filter((x) => x.tally);
  return (withTally.find((x) => x.r.status === 'open') ?? withTally.at(-1)) ?? null;
}

/**
 * Live attendance for the meeting's staff: who checked in, and for each voting class of the current resolution how
 * many creditors hold a vote, how many are present and how many have voted. Aggregates only, never who voted how.
 */
export function renderAttendance(meeting, liveTallies) {
  const current = currentTally(meeting, liveTallies);
  const section = el('section', { className: 'attendance card', ariaLabel: t('attendance') },
    el('h3', {}, t('attendance')),
    el('p', { id: 'checked-in', className: 'attendance-checked-in', dataset: { count: meeting.checkedIn } }, t('checkedIn', { count: meeting.checkedIn })));
  if (!current) return section;
  const { r, tally } = current;
  const whole = tally.classes.find((c) => !c.class);
  if (whole) {
    section.append(el('p', { className: 'attendance-summary', dataset: { present: whole.headsPresent, members: whole.members } },
      t('presentOf', { present: whole.headsPresent, members: whole.members })));
  }
  const rows = tally.classes.map((c) => el('tr', { className: 'attendance-class', dataset: { class: c.class ?? 'all', members: c.members, present: c.headsPresent } },
    el('th', { scope: 'row' }, c.class ? t(c.class) : t('allUnsecured')),
    el('td', {}, String(c.members)), el('td', {}, String(c.headsPresent)),
    el('td', {}, String(c.headsFor + c.headsAgainst + c.headsAbstain))));
  section.append(el('table', { className: 'attendance', dataset: { resolution: r.resolutionId } },
    el('caption', {}, `${r.title} · ${t('ballotsRecorded', { votes: tally.votesRecorded })}`),
    el('thead', {}, el('tr', {}, ...[t('class'), t('voters'), t('presentCount'), t('votedCount')].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows)));
  return section;
}
