// Texts of every page in both languages; the choice is kept in localStorage.
const texts = {
  'en': {
    product: 'CaseGrains', tagline: 'Bankruptcy cases, together and live',
    language: 'Language', connection: 'Connection',
    connected: 'connected', connecting: 'connecting…', reconnecting: 'reconnecting…', disconnected: 'disconnected',
    meeting: 'Creditors\' meeting', resolution: 'Resolution', status: 'Status',
    pending: 'not open yet', open: 'voting open', closed: 'closed',
    for: 'For', against: 'Against', abstain: 'Abstain',
    confirmVote: 'Cast your ballot "{choice}" on "{title}"?', confirm: 'Confirm', cancel: 'Cancel',
    voted: 'Your ballot "{choice}" is recorded at ledger position {position}.', receipt: 'Receipt',
    tallyHidden: 'The tally is shown when voting closes.',
    heads: 'Creditors', amount: 'Amount', present: 'present', votes: 'ballots',
    class: 'Class', allUnsecured: 'All unsecured claims', total: 'Class total',
    passed: 'Adopted', failed: 'Not adopted', checks: 'How it was decided',
    judgeView: 'Judge: live meeting', creditorView: 'Creditor: vote', you: 'You are creditor {id}',
    missingParams: 'Open this page with ?meeting=…', error: 'Error',
    home: 'Open a demo meeting', demoVote: 'Vote as a creditor', demoJudge: 'Watch as the judge',
  },
  'zh-CN': {
    product: 'CaseGrains 破产协同', tagline: '破产案件 实时协同',
    language: '语言', connection: '连接',
    connected: '已连接', connecting: '连接中…', reconnecting: '重新连接中…', disconnected: '已断开',
    meeting: '债权人会议', resolution: '表决事项', status: '状态',
    pending: '尚未开始表决', open: '表决中', closed: '已结束',
    for: '同意', against: '反对', abstain: '弃权',
    confirmVote: '确认对“{title}”投“{choice}”票？', confirm: '确认', cancel: '取消',
    voted: '您的“{choice}”票已记录，账本位置 {position}。', receipt: '投票回执',
    tallyHidden: '表决结束后公布计票结果。',
    heads: '人数', amount: '债权额', present: '出席', votes: '票',
    class: '组别', allUnsecured: '全部无财产担保债权', total: '本组债权总额',
    passed: '通过', failed: '未通过', checks: '表决依据',
    judgeView: '法官：会议实时监督', creditorView: '债权人：投票', you: '债权人 {id}',
    missingParams: '请用 ?meeting=… 打开本页', error: '错误',
    home: '打开演示会议', demoVote: '以债权人身份投票', demoJudge: '以法官身份观看',
  },
};

export function language() {
  const saved = localStorage.getItem('lang');
  if (saved && texts[saved]) return saved;
  return navigator.language && navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
}

export function t(key, values = {}) {
  const text = texts[language()][key] ?? texts.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Puts a language switch into `host` and re-renders through `render` when it changes. */
export function languageSwitch(host, render) {
  const label = document.createElement('label');
  const select = document.createElement('select');
  select.id = 'language';
  for (const [code, name] of [['zh-CN', '中文'], ['en', 'English']]) {
    const option = new Option(name, code, false, code === language());
    select.append(option);
  }
  select.addEventListener('change', () => {
    localStorage.setItem('lang', select.value);
    document.documentElement.lang = select.value;
    render();
  });
  label.htmlFor = 'language';
  const caption = () => { label.textContent = t('language') + ' '; };
  caption();
  document.documentElement.lang = language();
  host.replaceChildren(label, select);
  return caption;
}

/** Formats an amount in fen as yuan with two decimals, without floating point. */
export function yuan(fen) {
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = new Intl.NumberFormat(language()).format(abs / 100n);
  const cents = String(abs % 100n).padStart(2, '0');
  return `${negative ? '-' : ''}¥${whole}.${cents}`;
}
