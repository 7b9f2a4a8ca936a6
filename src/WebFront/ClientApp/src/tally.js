import { t, yuan } from './i18n.js';
import { el } from './dom.js';

/** Renders a tally (TallyView): one row per voting class, heads and amounts. */
export function renderTally(tally) {
  if (!tally) return el('p', { className: 'muted' }, t('tallyHidden'));
  const head = el('tr', {}, ...[t('class'), `${t('for')} / ${t('against')} / ${t('abstain')} (${t('present')})`, t('amountFor'), t('amountAgainst'), t('total')]
    .map((text) => el('th', { scope: 'col' }, text)));
  const rows = tally.classes.map((c) => el('tr', { className: 'tally-class', dataset: { class: c.class ?? 'all' } },
    el('th', { scope: 'row' }, c.class ? t(c.class) : t('allUnsecured')),
    el('td', { className: 'heads', dataset: { for: c.headsFor, against: c.headsAgainst } }, `${c.headsFor} / ${c.headsAgainst} / ${c.headsAbstain} (${c.headsPresent})`),
    el('td', { className: 'amount-for' }, yuan(c.amountForFen)),
    el('td', { className: 'amount-against' }, yuan(c.amountAgainstFen)),
    el('td', {}, yuan(c.totalFen))));
  return el('table', { className: 'tally', dataset: { votes: tally.votesRecorded } },
    el('caption', {}, `${tally.votesRecorded} ${t('votes')}`), el('thead', {}, head), el('tbody', {}, ...rows));
}

export function renderOutcome(outcome) {
  if (!outcome) return null;
  return el('section', { className: `outcome ${outcome.passed ? 'passed' : 'failed'}`, ariaLabel: t('checks') },
    el('h4', {}, outcome.passed ? t('passed') : t('failed')),
    el('ul', {}, ...outcome.checks.map((check) => el('li', {}, `${check.passed ? '✔' : '✘'} ${check.name} (${check.article ?? ''})`))),
    el('p', {}, outcome.explanation ?? ''));
}
