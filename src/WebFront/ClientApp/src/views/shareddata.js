import { t, yuan, language, day, moment } from '../i18n.js';
import { el } from '../dom.js';
import { api } from '../api.js';
import { watching, on } from '../live.js';


/**
 * What source departments shared into a case: each resource's newest records and, for the judge and the
 * administrator, every batch with its quality report and its differences from the batch before. A new batch arrives
 * live ("sharedData" to the case's staff group, naming its case); the page then reads both lists again.
 */
export async function sharedDataView(state, caseId) {
  const me = state.me;
  const c = await api('GET', `/api/cases/${caseId}`);
  // Whoever may open the case and is not a creditor is staff: its administrator or a judge of its court.
  const isStaff = me.role !== 'creditor';
  const catalogue = new Map((await api('GET', '/api/sharing/catalogue')).map((r) => [r.code, r]));
  let snapshots = [];
  let batches = [];
  const snapshotsHost = el('section', { id: 'shared-snapshots', ariaLabelledby: 'shared-snapshots-title' });
  const batchesHost = el('section', { id: 'shared-batches', ariaLabelledby: 'shared-batches-title' });

  const resourceName = (code) => {
    const r = catalogue.get(code);
    if (!r) return code;
    return language() === 'zh-CN' ? r.nameZh : r.nameEn;
  };
  const fieldName = (name) => t(`sf_${name}`) === `sf_${name}` ? name : t(`sf_${name}`);
  const typeOf = (resource, name) => catalogue.get(resource)?.fields.find((f) => f.name === name)?.type;
  // Values come as normalized text: fen as an integer, flags as true/false.
  const value = (resource, name, text) => {
    if (text === null || text === undefined) return '—';
    const type = typeOf(resource, name);
    if (type === 'fen' && /^\d+$/.test(text)) return yuan(text);
    if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return day(text);
    if (type === 'flag') return text === 'true' ? t('sdYes') : text === 'false' ? t('sdNo') : text;
    return text;
  };

  const load = async () => {
    [snapshots, batches] = await Promise.all([
      api('GET', `/api/cases/${caseId}/shared-data`),
      isStaff ? api('GET', `/api/cases/${caseId}/shared-data/batches`) : Promise.resolve([]),
    ]);
  };

  const renderSnapshots = () => {
    const cards = snapshots.map((s) => {
      const fields = catalogue.get(s.resource)?.fields.map((f) => f.name) ?? Object.keys(s.records[0] ?? {});
      return el('article', { className: 'snapshot card', dataset: { resource: s.resource, department: s.department } },
        el('h4', {}, resourceName(s.resource)),
        el('p', { className: 'muted' }, t('sdFrom', { department: s.department, time: moment(s.updatedAt), batch: s.batchId })),
        s.records.length === 0 ? el('p', { className: 'muted' }, t('sdNoRecords')) : el('table', { className: 'shared-records' },
          el('caption', { className: 'visually-hidden' }, resourceName(s.resource)),
          el('thead', {}, el('tr', {}, ...fields.map((f) => el('th', { scope: 'col' }, fieldName(f))))),
          el('tbody', {}, ...s.records.map((r) => el('tr', { className: 'shared-record' },
            ...fields.map((f) => el('td', { className: typeOf(s.resource, f) === 'fen' ? 'money' : '' }, value(s.resource, f, r[f]))))))));
    });
    snapshotsHost.replaceChildren(el('h3', { id: 'shared-snapshots-title' }, t('sdCurrent')),
      cards.length ? el('div', {}, ...cards) : el('p', { className: 'muted' }, t('sdNothingShared')));
  };

  const renderBatches = () => {
    if (!isStaff) { batchesHost.replaceChildren(); return; }
    const items = batches.map((b) => {
      const d = b.differences;
      const changes = [
        ...d.added.map((key) => el('li', { className: 'diff-added', dataset: { key } }, t('sdAdded', { key }))),
        ...d.changed.map((ch) => el('li', { className: 'diff-changed', dataset: { key: ch.key, field: ch.field } },
          t('sdChanged', { key: ch.key, field: fieldName(ch.field), before: value(b.resource, ch.field, ch.before), after: value(b.resource, ch.field, ch.after) }))),
        ...d.removed.map((key) => el('li', { className: 'diff-removed', dataset: { key } }, t('sdRemoved', { key }))),
      ];
      return el('article', { className: 'batch card', dataset: { batchId: b.batchId, resource: b.resource, received: b.received, accepted: b.accepted } },
        el('h4', {}, `${resourceName(b.resource)} · ${b.department}`),
        el('p', { className: 'muted' }, [moment(b.receivedAt), b.reference ? `${t('sdReference')} ${b.reference}` : null, b.batchId].filter(Boolean).join(' · ')),
        el('p', { className: 'quality' }, t('sdQuality', { received: b.received, accepted: b.accepted, rejected: b.rejected.length })),
        b.rejected.length ? el('table', { className: 'rejected-records' },
          el('caption', {}, t('sdRejected')),
          el('thead', {}, el('tr', {}, ...['sdIndex', 'sdKey', 'sdField', 'reason'].map((h) => el('th', { scope: 'col' }, t(h))))),
          el('tbody', {}, ...b.rejected.map((p) => el('tr', { className: 'rejected-record' },
            el('td', {}, String(p.index + 1)), el('td', {}, p.key ?? '—'), el('td', {}, fieldName(p.field)), el('td', {}, p.reason))))) : null,
        el('h5', {}, t('sdDifferences')),
        changes.length ? el('ul', { className: 'differences' }, ...changes) : el('p', { className: 'muted' }, t('sdNoDifferences')),
        el('p', { className: 'muted' }, 'SHA-256 ', el('code', { className: 'sha256' }, b.recordsSha256)));
    });
    batchesHost.replaceChildren(el('h3', { id: 'shared-batches-title' }, t('sdBatches')),
      items.length ? el('div', {}, ...items) : el('p', { className: 'muted' }, t('sdNoBatches')));
  };

  const render = () => { renderSnapshots(); renderBatches(); };
  const refresh = async () => { await load(); render(); };

  await refresh();
  state.cleanup.push(on('sharedData', (report) => { if (report.caseId === caseId) refresh(); }));
  state.cleanup.push(await watching(async (connection) => {
    await connection.invoke('WatchCase', caseId);
    await refresh();
  }));

  return [
    el('h2', { tabIndex: -1 }, `${t('sdTitle')} · ${c.caseNumber}`),
    el('p', { className: 'muted' }, el('a', { href: `#/cases/${caseId}`, className: 'back-to-case' }, `${c.caseNumber} · ${c.debtorName}`)),
    snapshotsHost,
    batchesHost,
  ];
}
