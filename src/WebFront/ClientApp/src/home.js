import { t, languageSwitch } from './i18n.js';

function render() {
  document.title = t('product');
  document.querySelector('h1').textContent = t('product');
  document.querySelector('#tagline').textContent = t('tagline');
  document.querySelector('#demo-heading').textContent = t('home');
  document.querySelector('#demo-vote').textContent = t('demoVote');
  document.querySelector('#demo-judge').textContent = t('demoJudge');
}
languageSwitch(document.querySelector('#lang'), render);
render();
