import { t } from '../i18n.js';
import { el } from '../dom.js';
import { checkedField, problemReporter } from '../forms.js';
import { api, forgetAntiforgery } from '../api.js';

/**
 * A form whose refusals land next to the fields they name. `fields` maps the names the server's problem details use
 * (username, password, code...) to checked fields, in the order they are shown.
 */
function form(title, fields, submitText, submit) {
  const message = el('p', { className: 'error', role: 'alert' });
  const report = problemReporter(message, fields);
  const button = el('button', { type: 'submit' }, submitText);
  const node = el('form', { className: 'card narrow', onsubmit: async (e) => {
    e.preventDefault();
    report.clear();
    button.disabled = true;
    try { await submit(); } catch (error) { report.show(error); } finally { button.disabled = false; }
  } }, el('h2', { tabIndex: -1 }, title), ...Object.values(fields).map((f) => f.node), message, button);
  return node;
}

export function signInView(state, done) {
  const username = checkedField(t('username'), el('input', { name: 'username', autocomplete: 'username', required: true }));
  const password = checkedField(t('password'), el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }));
  const code = checkedField(t('code'), el('input', { name: 'code', inputMode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6,8}' }));
  return [
    form(t('signIn'), { username, password, code }, t('signIn'), async () => {
      forgetAntiforgery();
      await api('POST', '/api/auth/signin', { username: username.input.value, password: password.input.value, code: code.input.value || null });
      await done();
    }),
    el('p', { className: 'narrow' }, el('a', { href: '#/join' }, t('join'))),
  ];
}

export function joinView(code, done) {
  // The server names the invitation "code", as the request body does.
  const invitation = checkedField(t('invitationCode'), el('input', { name: 'invitation', value: code, required: true }));
  const displayName = checkedField(t('displayName'), el('input', { name: 'displayName', autocomplete: 'name' }));
  const username = checkedField(t('username'), el('input', { name: 'username', autocomplete: 'username', required: true }));
  const password = checkedField(t('password'), el('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, minLength: 10 }));
  return form(t('join'), { code: invitation, displayName, username, password }, t('createAccount'), async () => {
    await api('POST', '/api/auth/register', {
      code: invitation.input.value, username: username.input.value, password: password.input.value, displayName: displayName.input.value || null,
    });
    forgetAntiforgery();
    await api('POST', '/api/auth/signin', { username: username.input.value, password: password.input.value });
    await done();
  });
}
