// Texts of every page in both languages; the choice is kept in localStorage and switches without reload.
const texts = {
  'en': {
    // Case progress and the judge's dashboard.
    dashboard: 'Dashboard', courtCases: 'Cases of the court', courtDay: 'Court day {day}', caseProgress: 'Case progress', stage: 'Current stage',
    overdue: 'Overdue', overdueSince: 'overdue since {day}', none: 'None', liveMeetings: 'Live meetings', noLiveMeetings: 'No meeting is voting now.',
    waitingForYou: 'Waiting for you', nothingWaiting: 'Nothing is waiting.', since: 'since {when}', dueBy: 'due {day}', dueDate: 'Due date',
    dueStatute: 'by law, {article}', eblArticles: 'EBL {n}', dueJudge: 'set by the court', dueNone: 'no due date yet', statutoryWas: 'by law: {day}',
    stepNo: 'No.', step: 'Step', stepStatus: 'Where it stands', completedAt: 'completed {when}', completedBy: 'by {who}', automatically: 'recorded from the facts',
    allDone: 'Every step is complete.', currentStage: 'current stage', notYet: 'open',
    completeStep: 'Complete a step', stepNote: 'What was done', complete: 'Complete', setDueDate: 'Set a due date', setDue: 'Set due date',
    stepCompleted: 'Step completed.', dueDateSet: 'Due date set.', openCaseRow: 'Open case {caseNumber}', ballotsSoFar: '{count} ballots',
    'waiting.claimObjection': 'An objection to claim {subject} awaits the court\'s ruling',
    'waiting.provisionalAmount': 'Claim {subject} has no vote at meeting {reference} unless the court sets a provisional amount',
    'node.acceptance': 'Acceptance', 'node.administratorAppointed': 'Administrator appointed', 'node.announcement': 'Announcement and creditor notices',
    'node.declarationPeriod': 'Declaration period', 'node.claimReview': 'Claim review', 'node.claimList': 'Claim list published',
    'node.firstMeeting': 'First creditors\' meeting', 'node.propertyInvestigation': 'Property investigation', 'node.managementPlan': 'Asset management plan',
    'node.realizationPlan': 'Realization plan', 'node.assetRealization': 'Asset realization', 'node.distributionPlan': 'Distribution plan',
    'node.distributionVote': 'Distribution vote', 'node.distributionApproval': 'Court approval of distribution', 'node.distributionExecuted': 'Distribution executed',
    'node.termination': 'Termination ruling', 'node.deregistration': 'Deregistration', 'node.planSubmitted': 'Reorganization plan submitted',
    'node.planVote': 'Reorganization plan vote', 'node.planApproval': 'Court approval of the plan', 'node.planExecution': 'Plan execution',
    'node.supervisionReport': 'Supervision report', 'node.executionCompleted': 'Plan executed', 'node.settlementVote': 'Settlement agreement vote',
    'node.settlementApproval': 'Court approval of the settlement', 'node.handover': 'Property handed back', 'node.settlementPerformed': 'Settlement performed',
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
    // 案件进度与法官工作台
    dashboard: '工作台', courtCases: '本院案件', courtDay: '法院日期 {day}', caseProgress: '案件进度', stage: '当前节点',
    overdue: '已超期', overdueSince: '自 {day} 起超期', none: '无', liveMeetings: '正在表决的会议', noLiveMeetings: '目前没有正在表决的会议。',
    waitingForYou: '待您处理', nothingWaiting: '暂无待办事项。', since: '自 {when}', dueBy: '期限 {day}', dueDate: '期限',
    dueStatute: '法定，{article}', eblArticles: '《企业破产法》第{n}条', dueJudge: '法院指定', dueNone: '尚未设定期限', statutoryWas: '法定期限：{day}',
    stepNo: '序号', step: '节点', stepStatus: '进展', completedAt: '{when} 完成', completedBy: '由 {who}', automatically: '依已有事实自动记录',
    allDone: '全部节点已完成。', currentStage: '当前节点', notYet: '未完成',
    completeStep: '完成节点', stepNote: '完成情况', complete: '完成', setDueDate: '设定期限', setDue: '设定期限',
    stepCompleted: '节点已完成。', dueDateSet: '期限已设定。', openCaseRow: '打开案件 {caseNumber}', ballotsSoFar: '已投 {count} 票',
    'waiting.claimObjection': '债权 {subject} 的异议待法院裁定',
    'waiting.provisionalAmount': '债权 {subject} 尚未确定，需法院临时确定债权额方可在会议 {reference} 表决',
    'node.acceptance': '受理破产申请', 'node.administratorAppointed': '指定管理人', 'node.announcement': '通知债权人并公告',
    'node.declarationPeriod': '债权申报期', 'node.claimReview': '债权审查', 'node.claimList': '编制债权表',
    'node.firstMeeting': '第一次债权人会议', 'node.propertyInvestigation': '财产调查', 'node.managementPlan': '财产管理方案',
    'node.realizationPlan': '财产变价方案', 'node.assetRealization': '财产变价', 'node.distributionPlan': '财产分配方案',
    'node.distributionVote': '分配方案表决', 'node.distributionApproval': '法院裁定认可分配方案', 'node.distributionExecuted': '执行分配',
    'node.termination': '裁定终结破产程序', 'node.deregistration': '办理注销登记', 'node.planSubmitted': '提交重整计划草案',
    'node.planVote': '重整计划表决', 'node.planApproval': '法院批准重整计划', 'node.planExecution': '重整计划执行',
    'node.supervisionReport': '监督报告', 'node.executionCompleted': '重整计划执行完毕', 'node.settlementVote': '和解协议表决',
    'node.settlementApproval': '法院裁定认可和解协议', 'node.handover': '移交财产和营业事务', 'node.settlementPerformed': '和解协议执行完毕',
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
