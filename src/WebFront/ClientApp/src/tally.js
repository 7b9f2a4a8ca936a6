import { t, yuan } from './i18n.js';

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
export { el };

/** Renders a tally (TallyView) as a table: one row per voting class, heads and amounts. */
export function renderTally(tally) {
  if (!tally) return el('p', { className: 'muted' }, t('tallyHidden'));
  const table = el('table', { className: 'tally' });
  table.append(el('caption', {}, `${tally.votesRecorded} ${t('votes')}`));
  table.append(el('thead', {}, el('tr', {},
    el('th', { scope: 'col' }, t('class')),
    el('th', { scope: 'col' }, `${t('heads')}: ${t('for')} / ${t('against')} / ${t('abstain')} (${t('present')})`),
    el('th', { scope: 'col' }, `${t('amount')}: ${t('for')}`),
    el('th', { scope: 'col' }, `${t('amount')}: ${t('against')}`),
    el('th', { scope: 'col' }, t('total')))));
  const body = el('tbody');
  for (const c of tally.classes) {
    const row = el('tr', { className: 'tally-class' });
    row.dataset.class = c.class ?? 'all';
    row.append(
      el('th', { scope: 'row' }, c.class ?? t('allUnsecured')),
      el('td', { className: 'heads' }, `${c.headsFor} / ${c.headsAgainst} / ${c.headsAbstain} (${c.headsPresent})`),
      el('td', { className: 'amount-for' }, yuan(c.amountForFen)),
      el('td', { className: 'amount-against' }, yuan(c.amountAgainstFen)),
      el('td', {}, yuan(c.totalFen)));
    row.querySelector('.heads').dataset.for = c.headsFor;
    body.append(row);
  }
  table.append(body);
  return table;
}

export function renderOutcome(outcome) {
  if (!outcome) return el('span');
  const box = el('section', { className: `outcome ${outcome.passed ? 'passed' : 'failed'}` });
  box.append(el('h4', {}, outcome.passed ? t('passed') : t('failed')));
  const list = el('ul', { ariaLabel: t('checks') });
  for (const check of outcome.checks) {
    list.append(el('li', {}, `${check.passed ? '✔' : '✘'} ${check.name} — ${check.article ?? ''}`));
  }
  box.append(list, el('p', {}, outcome.explanation ?? ''));
  return box;
}
