import { t, language, day, moment } from '../i18n.js';
import { el } from '../dom.js';
import { checkedField, problemReporter } from '../forms.js';
import { api } from '../api.js';
import { watching, on } from '../live.js';

export const nodeName = (node) => t(`node.${node}`);

/** "EBL 58, 62" as the reader's language cites the Enterprise Bankruptcy Law. */
export function articles(text) {
  const numbers = String(text ?? '').match(/\d+/g) ?? [];
  return t('eblArticles', { n: numbers.join(language() === 'zh-CN' ? '、' : ', ') });
}

/** Where a step's due date comes from, in words. */
export function dueBasis(node) {
  if (node.dueBasis === 'statute') return t('dueStatute', { article: articles(node.article) });
  if (node.dueBasis === 'judge') return t('dueJudge');
  return t('dueNone');
}

/** Steps the administrator may try to complete: open ones, except the declaration period, which ends by itself. */
const completable = (progress) => progress.nodes.filter((n) => !n.completed && n.node !== 'declarationPeriod');

/** Keeps a select's choice while its options change under it. */
function fillSelect(select, nodes, preferred) {
  const keep = select.value;
  select.replaceChildren(...nodes.map((n) => new Option(`${n.step}. ${nodeName(n.node)}`, n.node)));
  const values = nodes.map((n) => n.node);
  select.value = values.includes(keep) ? keep : (values.includes(preferred) ? preferred : (values[0] ?? ''));
}

/**
 * The progress section of a case page: every step with its due date and where it stands, live. The administrator
 * completes steps with a note; the case's judge sets due dates.
 */
export async function progressSection(state, c) {
  const me = state.me;
  const isAdministrator = me.role === 'administrator' && me.username === c.administratorId;
  const isJudge = me.role === 'judge' && me.username === c.judgeId;
  const url = `/api/cases/${c.caseId}/progress`;
  let progress = await api('GET', url);
  const tableHost = el('div');
  const message = el('p', { role: 'status', className: 'muted', id: 'progress-message' });

  // Each form shows a refusal under the field the server names (the step is "node", as in the URL); the section's
  // status line keeps the successes.
  const stepSelect = el('select', { name: 'step', id: 'complete-step' });
  const note = el('input', { name: 'note', id: 'complete-note', required: true, maxLength: 2000, autocomplete: 'off' });
  const completeFields = { node: checkedField(t('step'), stepSelect), note: checkedField(t('stepNote'), note) };
  const completeError = el('p', { className: 'error', role: 'alert', id: 'complete-error' });
  const completeReport = problemReporter(completeError, completeFields);
  const completeForm = el('form', { className: 'card progress-form', id: 'complete-form', onsubmit: async (e) => {
    e.preventDefault();
    message.textContent = '';
    completeReport.clear();
    if (!note.value.trim()) { completeReport.named({ note: t('required') }); return; }
    try {
      progress = await api('POST', `${url}/${stepSelect.value}/complete`, { note: note.value });
      note.value = '';
      message.textContent = t('stepCompleted');
      render();
    } catch (error) { completeReport.show(error); }
  } }, el('h4', {}, t('completeStep')), completeFields.node.node, completeFields.note.node, completeError, el('button', { type: 'submit' }, t('complete')));

  const dueSelect = el('select', { name: 'dueStep', id: 'due-step' });
  const dueOn = el('input', { name: 'dueOn', id: 'due-on', type: 'date', required: true });
  const reason = el('input', { name: 'reason', id: 'due-reason', maxLength: 2000, autocomplete: 'off' });
  const dueFields = { node: checkedField(t('step'), dueSelect), dueOn: checkedField(t('dueDate'), dueOn), reason: checkedField(t('reason'), reason) };
  const dueError = el('p', { className: 'error', role: 'alert', id: 'due-error' });
  const dueReport = problemReporter(dueError, dueFields);
  const dueForm = el('form', { className: 'card progress-form', id: 'due-form', onsubmit: async (e) => {
    e.preventDefault();
    message.textContent = '';
    dueReport.clear();
    if (!dueOn.value) { dueReport.named({ dueOn: t('required') }); return; }
    try {
      progress = await api('PUT', `${url}/${dueSelect.value}/due-date`, { dueOn: dueOn.value, reason: reason.value || null });
      reason.value = '';
      message.textContent = t('dueDateSet');
      render();
    } catch (error) { dueReport.show(error); }
  } }, el('h4', {}, t('setDueDate')), dueFields.node.node, dueFields.dueOn.node, dueFields.reason.node, dueError,
  el('button', { type: 'submit' }, t('setDue')));

  const status = (n) => {
    if (n.completed) {
      return el('span', { className: 'done' }, el('time', { dateTime: n.completedAt, title: moment(n.completedAt) }, `✔ ${t('completedAt', { when: day(n.completedOn) })}`),
        ` ${t('completedBy', { who: n.completedBy })}`,
        n.automatic ? ` (${t('automatically')})` : '', n.note ? el('span', { className: 'note' }, n.note) : null);
    }
    if (n.overdue) return el('strong', { className: 'overdue-flag' }, `⚠ ${t('overdueSince', { day: day(n.dueOn) })}`);
    return n.node === progress.current ? el('span', { className: 'badge open' }, t('currentStage')) : el('span', { className: 'muted' }, t('notYet'));
  };

  const render = () => {
    const rows = progress.nodes.map((n) => el('tr', {
      dataset: { node: n.node, overdue: String(n.overdue), completed: String(n.completed) },
      className: [n.overdue ? 'overdue' : '', n.node === progress.current ? 'current' : ''].join(' ').trim(),
      ...(n.node === progress.current ? { ariaCurrent: 'step' } : {}),
    },
    el('td', {}, String(n.step)),
    el('th', { scope: 'row' }, nodeName(n.node)),
    el('td', { className: 'due' }, n.dueOn ? day(n.dueOn) : '—', el('span', { className: 'muted basis' }, ` (${dueBasis(n)})`),
      n.dueBasis === 'judge' && n.statutoryDueOn ? el('span', { className: 'muted' }, ` ${t('statutoryWas', { day: day(n.statutoryDueOn) })}`) : null,
      n.dueReason ? el('span', { className: 'note' }, n.dueReason) : null),
    el('td', { className: 'step-status' }, status(n))));
    tableHost.replaceChildren(el('table', { className: 'progress', dataset: { current: progress.current ?? '' } },
      el('caption', {}, progress.current ? `${t('stage')}: ${nodeName(progress.current)}` : t('allDone')),
      el('thead', {}, el('tr', {}, ...[t('stepNo'), t('step'), t('dueDate'), t('stepStatus')].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows)));
    fillSelect(stepSelect, completable(progress), progress.current);
    fillSelect(dueSelect, progress.nodes.filter((n) => !n.completed), progress.current);
    completeForm.hidden = !isAdministrator || completable(progress).length === 0;
    dueForm.hidden = !isJudge || progress.nodes.every((n) => n.completed);
  };

  render();
  state.cleanup.push(on('progress', (view) => {
    if (view.caseId !== c.caseId) return;
    progress = view;
    render();
  }));
  // The case page watches the case; after a reconnect this catches up on what was missed meanwhile.
  state.cleanup.push(await watching(async () => {
    progress = await api('GET', url);
    render();
  }));

  return el('section', { className: 'case-progress', ariaLabelledby: 'progress-heading' },
    el('h3', { id: 'progress-heading' }, t('caseProgress')), tableHost, message,
    isAdministrator ? completeForm : null, isJudge ? dueForm : null);
}
