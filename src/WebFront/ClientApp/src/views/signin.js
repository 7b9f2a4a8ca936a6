import { t } from '../i18n.js';
import { el } from '../dom.js';
import { checkedField } from '../forms.js';
import { api, forgetAntiforgery } from '../api.js';

function form(title, inputs, submitText, submit) {
  const message = el('p', { className: 'error', role: 'alert' });
  const button = el('button', { type: 'submit' }, submitText);
  const node = el('form', { className: 'card narrow', onsubmit: async (e) => {
    e.preventDefault();
    message.textContent = '';
    button.disabled = true;
    try { await submit(); } catch (error) { message.textContent = error.message; } finally { button.disabled = false; }
  } }, el('h2', { tabIndex: -1 }, title), ...inputs, message, button);
  return node;
}

export function signInView(state, done) {
  const username = el('input', { name: 'username', autocomplete: 'username', required: true });
  const password = el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const code = el('input', { name: 'code', inputMode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6,8}' });
  return [
    form(t('signIn'), [checkedField(t('username'), username).node, checkedField(t('password'), password).node, checkedField(t('code'), code).node], t('signIn'), async () => {
      forgetAntiforgery();
      await api('POST', '/api/auth/signin', { username: username.value, password: password.value, code: code.value || null });
      await done();
    }),
    el('p', { className: 'narrow' }, el('a', { href: '#/join' }, t('join'))),
  ];
}

export function joinView(code, done) {
  const invitation = el('input', { name: 'invitation', value: code, required: true });
  const displayName = el('input', { name: 'displayName', autocomplete: 'name' });
  const username = el('input', { name: 'username', autocomplete: 'username', required: true });
  const password = el('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, minLength: 10 });
  return form(t('join'), [checkedField(t('invitationCode'), invitation).node, checkedField(t('displayName'), displayName).node, checkedField(t('username'), username).node,
    checkedField(t('password'), password).node], t('createAccount'), async () => {
    await api('POST', '/api/auth/register', { code: invitation.value, username: username.value, password: password.value, displayName: displayName.value || null });
    forgetAntiforgery();
    await api('POST', '/api/auth/signin', { username: username.value, password: password.value });
    await done();
  });
}
