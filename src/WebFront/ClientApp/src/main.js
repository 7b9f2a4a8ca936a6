import { t, language, setLanguage } from './i18n.js';
import { el } from './dom.js';
import { api, forgetAntiforgery } from './api.js';
import { live } from './live.js';
import { signInView, joinView } from './views/signin.js';
import { homeView } from './views/home.js';
import { caseView } from './views/case.js';
import { meetingView } from './views/meeting.js';
import { publicView } from './views/public.js';
import { receiptView } from './views/receipt.js';
import { accountView } from './views/account.js';
import { sharedDataView } from './views/shareddata.js';
import { creditorsView } from './views/creditors.js';
import { dashboardView } from './views/dashboard.js';

const main = document.querySelector('main');
const indicator = document.querySelector('#connection');
const state = { me: undefined, cleanup: [] };

const routes = [
  ['signin', /^#\/signin$/, () => signInView(state, afterSignIn)],
  ['join', /^#\/join(?:\?code=(.*))?$/, (m) => joinView(decodeURIComponent(m[1] ?? ''), afterSignIn)],
  ['public', /^#\/public\/([\w-]+)$/, (m) => publicView(m[1])],
  ['case', /^#\/cases\/([\w-]+)$/, (m) => caseView(state, m[1])],
  ['account', /^#\/cases\/([\w-]+)\/account$/, (m) => accountView(state, m[1])],
  ['sharedData', /^#\/cases\/([\w-]+)\/shared-data$/, (m) => sharedDataView(state, m[1])],
  ['creditors', /^#\/cases\/([\w-]+)\/creditors$/, (m) => creditorsView(state, m[1])],
  ['meeting', /^#\/meetings\/([\w-]+)$/, (m) => meetingView(state, m[1])],
  ['receipt', /^#\/receipt$/, () => receiptView(state)],
  ['dashboard', /^#\/dashboard$/, () => dashboardView(state)],
  // A judge's home is the dashboard of the court's cases.
  ['home', /^#\/?$/, () => (state.me?.role === 'judge' ? dashboardView(state) : homeView(state))],
];

async function me() {
  if (state.me === undefined) {
    try { state.me = await api('GET', '/api/auth/me'); } catch { state.me = null; }
  }
  return state.me;
}

async function afterSignIn() {
  forgetAntiforgery();
  state.me = undefined;
  await me();
  live(indicator);
  location.hash = '#/';
}

async function render() {
  for (const stop of state.cleanup.splice(0)) stop();
  renderHeader();
  const hash = location.hash || '#/';
  const publicPage = /^#\/(signin|join|public)/.test(hash);
  if (!publicPage && !(await me())) { location.hash = '#/signin'; return; }
  if (!publicPage) live(indicator);
  const [name, pattern, view] = routes.find(([, p]) => p.test(hash)) ?? routes.at(-1);
  const content = await view(hash.match(pattern));
  main.replaceChildren(...[content].flat().filter(Boolean));
  main.dataset.view = name;
  main.querySelector('h2')?.focus();
}
state.rerender = render;

function renderHeader() {
  document.title = t('product');
  document.querySelector('#skip').textContent = t('skip');
  document.querySelector('header h1 a').textContent = t('product');
  const select = el('select', { id: 'language', onchange: (e) => { setLanguage(e.target.value); indicator.textContent && live(indicator).refresh?.(); render(); } },
    ...[['zh-CN', '中文'], ['en', 'English']].map(([code, name]) => new Option(name, code, false, code === language())));
  const tools = [el('label', { htmlFor: 'language' }, t('language')), select];
  if (state.me) {
    tools.push(el('span', { className: 'who' }, state.me.displayName),
      el('button', { type: 'button', id: 'signout', onclick: async () => { await api('POST', '/api/auth/signout'); state.me = null; forgetAntiforgery(); location.hash = '#/signin'; } }, t('signOut')));
  }
  document.querySelector('#tools').replaceChildren(...tools);
  document.documentElement.lang = language();
}

window.addEventListener('hashchange', render);
render();
