// Texts of every page in both languages; the choice is kept in localStorage and switches without reload.
const texts = {
  'en': {
    product: 'CaseGrains', tagline: 'Bankruptcy cases, together and live', skip: 'Skip to content',
    language: 'Language', connection: 'Live updates',
    connected: 'connected', connecting: 'connecting…', reconnecting: 'reconnecting…', disconnected: 'disconnected',
    signIn: 'Sign in', signOut: 'Sign out', username: 'User name', password: 'Password', code: 'Authenticator code (judges and administrators)',
    join: 'Join a case with an invitation', invitationCode: 'Invitation code', displayName: 'Your name', createAccount: 'Create account',
    myCases: 'My cases', noCases: 'No cases yet.', open: 'Open',
    caseNumber: 'Case number', court: 'Court', debtor: 'Debtor', procedure: 'Procedure', accepted: 'Accepted on', administrator: 'Administrator',
    liquidation: 'Liquidation', reorganization: 'Reorganization', settlement: 'Settlement',
    claims: 'Claims', myClaims: 'My claims', declareClaim: 'Declare a claim', principal: 'Principal (yuan)', interest: 'Interest to acceptance (yuan)', interestFrom: 'Interest from',
    class: 'Class', ordinary: 'Ordinary', socialInsuranceAndTax: 'Social insurance and tax', employee: 'Employee', declare: 'Declare',
    creditor: 'Creditor', amount: 'Amount', status: 'Status', confirmedAmount: 'Confirmed',
    declared: 'declared', underReview: 'under review', confirmed: 'confirmed', partiallyConfirmed: 'partially confirmed', rejected: 'rejected', disputed: 'disputed', withdrawn: 'withdrawn',
    reviewQueue: 'Review queue', confirm: 'Confirm', reject: 'Reject', reason: 'Reason', cancel: 'Cancel',
    meetings: 'Creditors\' meetings', meeting: 'Creditors\' meeting', resolution: 'Resolution',
    pending: 'not open yet', openVoting: 'Open voting', closeVoting: 'Close voting', closed: 'closed', openNow: 'voting open',
    for: 'For', against: 'Against', abstain: 'Abstain',
    confirmVote: 'Cast your ballot "{choice}" on "{title}"?',
    voted: 'Your ballot "{choice}" is recorded at ledger position {position}.', receipt: 'Receipt',
    tallyHidden: 'The tally is shown when voting closes.', checkedIn: '{count} creditors present',
    heads: 'Creditors', amountFor: 'Amount for', amountAgainst: 'Amount against', present: 'present', votes: 'ballots',
    allUnsecured: 'All unsecured claims', total: 'Total', passed: 'Adopted', failed: 'Not adopted', checks: 'How it was decided',
    publicCase: 'Public case information', error: 'Error', saved: 'Saved.', required: 'Required.', notAmount: 'Enter an amount in yuan, e.g. 1234.56',
  },
  'zh-CN': {
    product: 'CaseGrains 破产协同', tagline: '破产案件 实时协同', skip: '跳到正文',
    language: '语言', connection: '实时更新',
    connected: '已连接', connecting: '连接中…', reconnecting: '重新连接中…', disconnected: '已断开',
    signIn: '登录', signOut: '退出', username: '用户名', password: '密码', code: '动态验证码（法官、管理人）',
    join: '凭邀请码加入案件', invitationCode: '邀请码', displayName: '姓名', createAccount: '创建账户',
    myCases: '我的案件', noCases: '暂无案件。', open: '打开',
    caseNumber: '案号', court: '法院', debtor: '债务人', procedure: '程序', accepted: '受理日期', administrator: '管理人',
    liquidation: '破产清算', reorganization: '重整', settlement: '和解',
    claims: '债权', myClaims: '我的债权', declareClaim: '申报债权', principal: '本金（元）', interest: '利息（计至受理日，元）', interestFrom: '利息起算日',
    class: '类别', ordinary: '普通债权', socialInsuranceAndTax: '社保及税款', employee: '职工债权', declare: '提交申报',
    creditor: '债权人', amount: '金额', status: '状态', confirmedAmount: '确认金额',
    declared: '已申报', underReview: '审查中', confirmed: '已确认', partiallyConfirmed: '部分确认', rejected: '不予确认', disputed: '异议中', withdrawn: '已撤回',
    reviewQueue: '待审查', confirm: '确认', reject: '不予确认', reason: '理由', cancel: '取消',
    meetings: '债权人会议', meeting: '债权人会议', resolution: '表决事项',
    pending: '尚未开始表决', openVoting: '开始表决', closeVoting: '结束表决', closed: '已结束', openNow: '表决中',
    for: '同意', against: '反对', abstain: '弃权',
    confirmVote: '确认对“{title}”投“{choice}”票？',
    voted: '您的“{choice}”票已记录，账本位置 {position}。', receipt: '投票回执',
    tallyHidden: '表决结束后公布计票结果。', checkedIn: '出席债权人 {count} 人',
    heads: '人数', amountFor: '同意债权额', amountAgainst: '反对债权额', present: '出席', votes: '票',
    allUnsecured: '全部无财产担保债权', total: '总额', passed: '通过', failed: '未通过', checks: '表决依据',
    publicCase: '案件公开信息', error: '错误', saved: '已保存。', required: '必填。', notAmount: '请输入以元为单位的金额，如 1234.56',
  },
};

export function language() {
  const saved = localStorage.getItem('lang');
  if (saved && texts[saved]) return saved;
  return navigator.language && navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
}

export function setLanguage(code) {
  localStorage.setItem('lang', code);
  document.documentElement.lang = code;
}

export function t(key, values = {}) {
  const text = texts[language()][key] ?? texts.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Formats an amount in fen as yuan with two decimals, without floating point. */
export function yuan(fen) {
  const value = BigInt(fen ?? 0);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = new Intl.NumberFormat(language()).format(abs / 100n);
  return `${negative ? '-' : ''}¥${whole}.${String(abs % 100n).padStart(2, '0')}`;
}

export function date(value) {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium' }).format(new Date(value));
}
