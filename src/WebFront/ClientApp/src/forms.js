import { el } from './dom.js';
import { ApiError } from './api.js';

let fieldCount = 0;

/**
 * A labelled input with its own place for a refusal: the reason is read with the field (aria-describedby) and the
 * field is marked invalid, so a screen reader hears which field to fix.
 */
export function checkedField(label, input, hint) {
  input.id ||= `cf-${++fieldCount}`;
  const error = el('p', { className: 'field-error error', id: `${input.id}-error` });
  const note = hint ? el('p', { className: 'hint muted', id: `${input.id}-hint` }, hint) : null;
  input.setAttribute('aria-describedby', [note?.id, error.id].filter(Boolean).join(' '));
  const node = el('div', { className: 'field' }, el('label', { htmlFor: input.id }, label), input, note, error);
  return { node, input, error };
}

/**
 * Shows a refusal where it belongs. `fields` maps the names a problem details' `errors` uses (amountFen,
 * payee.accountNumber...) to checked fields; a name that is not on the form (or no named field at all) goes to
 * `general`. A name with a prefix on the form ("payee" for "payee.x") goes to that field.
 */
export function problemReporter(general, fields) {
  const all = Object.values(fields);
  const clear = () => {
    general.textContent = '';
    for (const f of all) { f.error.textContent = ''; f.input.removeAttribute('aria-invalid'); }
  };
  const target = (name) => fields[name] ?? Object.entries(fields).find(([key]) => name.startsWith(`${key}.`) || name.startsWith(`${key}[`))?.[1];
  const showErrors = (errors, fallback) => {
    const loose = [];
    let first = null;
    for (const [name, reasons] of Object.entries(errors)) {
      const f = target(name);
      const text = [reasons].flat().join(' ');
      if (!f) { loose.push(`${name}: ${text}`); continue; }
      f.error.textContent = f.error.textContent ? `${f.error.textContent} ${text}` : text;
      f.input.setAttribute('aria-invalid', 'true');
      first ??= f.input;
    }
    general.textContent = loose.length ? loose.join('; ') : (first ? '' : fallback ?? '');
    first?.focus();
  };
  return {
    clear,
    /** A client-side refusal, before anything is sent: { fieldName: reason }. */
    named(errors) { clear(); showErrors(errors); },
    show(e) {
      clear();
      if (e instanceof ApiError && e.problem?.errors && Object.keys(e.problem.errors).length) showErrors(e.problem.errors, e.problem.title);
      else general.textContent = e?.message ?? String(e);
    },
  };
}
