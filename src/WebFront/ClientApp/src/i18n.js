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
    // Receipt verification, evidence files, claim list export and meeting attendance.
    verifyReceiptTitle: 'Verify a vote receipt', verifyAReceipt: 'Verify a receipt', downloadReceipt: 'Download receipt',
    receiptIntro: 'Paste the receipt you kept, or choose its file. This page checks it here in your browser, step by step, against the case ledger\'s current checkpoint.',
    receiptText: 'Receipt', receiptFile: 'Receipt file', verify: 'Verify', receiptTooLarge: 'This file is too large to be a receipt.',
    receiptVerified: 'Receipt verified: your entry is in the case ledger, and the ledger has not been rewritten since.',
    receiptFailedAt: 'Verification failed at step "{step}".', technicalDetail: 'Details',
    rcPassed: 'passed', rcFailed: 'failed', rcSkipped: 'not applicable', rcNotChecked: 'not checked',
    rcStep_format: 'Read the receipt', rcStep_key: 'Ledger public key', rcStep_signature: 'Signature of the receipt\'s checkpoint',
    rcStep_inclusion: 'Entry included in the ledger (Merkle proof)', rcStep_entry: 'Entry position and case', rcStep_ballot: 'Ballot commitment',
    rcStep_current: 'Current checkpoint', rcStep_consistency: 'Ledger unchanged since the receipt (consistency proof)',
    rcOk_format: 'Receipt for entry {index} of case {caseId}, against a checkpoint of {size} entries.',
    rcOk_key: 'Key {name}, key ID {keyId}.',
    rcOk_signature: 'Signed by the ledger key: {origin}, {size} entries.',
    rcOk_inclusion: 'Entry {index} is in the tree of {size} entries (leaf hash {leafHash}).',
    rcOk_entry: '{kind} by {actor} at {time}, position {position}.',
    rcOk_ballot: 'Your ballot "{choice}" and its salt give the commitment the ledger holds ({commitment}).',
    rcOk_current: 'The current checkpoint has {size} entries and is signed by the ledger key.', rcCosigned: 'Cosigned by: {witnesses}.',
    rcOk_consistency: 'The ledger of {to} entries contains the receipt\'s {from} entries unchanged.',
    rcSkip_noSalt: 'This receipt has no ballot and salt, so the choice is not checked.', rcSkip_notBallot: 'This entry is not a ballot.',
    rcFail_format: 'This is not a receipt this page can read.', rcFail_key: 'The ledger\'s public key could not be fetched or read.',
    rcFail_signature: 'The receipt\'s checkpoint is not signed by this ledger\'s key.',
    rcFail_inclusion: 'The entry and the proof do not lead to the signed root: the receipt was altered.',
    rcFail_entry: 'The entry does not match its position or its case.', rcFail_ballot: 'The ballot and salt do not match the commitment in the ledger.',
    rcFail_current: 'The current checkpoint could not be fetched or is not valid.',
    rcFail_consistency: 'The current ledger does not contain the one the receipt was issued against.',
    evidence: 'Evidence files', evidenceFiles: 'Evidence files (PDF, JPEG, PNG, TIFF, OFD, DOCX or XLSX; at most 10 MiB each)', addEvidence: 'Add evidence',
    fileName: 'File', size: 'Size', noEvidence: 'No evidence filed yet.', evidenceFiled: 'Filed {count} evidence file(s).',
    exportClaimList: 'Export the claim list (CSV)', attendance: 'Attendance', voters: 'Voters', presentCount: 'Present', votedCount: 'Voted',
    presentOf: '{present} of {members} voters present', ballotsRecorded: '{votes} ballots recorded',
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
    // Receipt verification, evidence files, claim list export and meeting attendance.
    verifyReceiptTitle: '核验投票回执', verifyAReceipt: '核验回执', downloadReceipt: '下载回执',
    receiptIntro: '粘贴您保存的回执，或选择回执文件。本页面在您的浏览器中逐步核验，对照案件账本当前的检查点。',
    receiptText: '回执内容', receiptFile: '回执文件', verify: '核验', receiptTooLarge: '文件过大，不是回执。',
    receiptVerified: '回执核验通过：您的记录在案件账本中，且此后账本未被改写。',
    receiptFailedAt: '核验未通过，失败步骤：“{step}”。', technicalDetail: '详情',
    rcPassed: '通过', rcFailed: '未通过', rcSkipped: '不适用', rcNotChecked: '未检查',
    rcStep_format: '读取回执', rcStep_key: '账本公钥', rcStep_signature: '回执检查点的签名',
    rcStep_inclusion: '记录包含于账本（默克尔证明）', rcStep_entry: '记录的位置与案件', rcStep_ballot: '选票承诺',
    rcStep_current: '当前检查点', rcStep_consistency: '回执之后账本未被改写（一致性证明）',
    rcOk_format: '案件 {caseId} 第 {index} 号记录的回执，所附检查点含 {size} 条记录。',
    rcOk_key: '公钥 {name}，密钥标识 {keyId}。',
    rcOk_signature: '由账本密钥签名：{origin}，{size} 条记录。',
    rcOk_inclusion: '第 {index} 号记录在 {size} 条记录的树中（叶哈希 {leafHash}）。',
    rcOk_entry: '{kind}，{actor}，{time}，位置 {position}。',
    rcOk_ballot: '您的“{choice}”票与随机盐得出的承诺值与账本一致（{commitment}）。',
    rcOk_current: '当前检查点含 {size} 条记录，由账本密钥签名。', rcCosigned: '见证人联署：{witnesses}。',
    rcOk_consistency: '{to} 条记录的账本完整包含回执时的 {from} 条记录，未被改写。',
    rcSkip_noSalt: '该回执不含选票与随机盐，不核对投票选择。', rcSkip_notBallot: '该记录不是选票。',
    rcFail_format: '无法读取该回执。', rcFail_key: '无法获取或读取账本公钥。',
    rcFail_signature: '回执中的检查点不是由本账本密钥签名的。',
    rcFail_inclusion: '记录与证明无法得出已签名的根哈希：回执已被改动。',
    rcFail_entry: '记录与其位置或案件不符。', rcFail_ballot: '选票与随机盐与账本中的承诺值不符。',
    rcFail_current: '无法获取当前检查点，或其无效。',
    rcFail_consistency: '当前账本不包含回执签发时的账本。',
    evidence: '证据材料', evidenceFiles: '证据材料（PDF、JPEG、PNG、TIFF、OFD、DOCX 或 XLSX，每个不超过 10 MiB）', addEvidence: '补充证据',
    fileName: '文件', size: '大小', noEvidence: '尚未提交证据材料。', evidenceFiled: '已提交 {count} 份证据材料。',
    exportClaimList: '导出债权表（CSV）', attendance: '出席情况', voters: '有表决权人数', presentCount: '出席人数', votedCount: '已投票',
    presentOf: '有表决权的 {members} 人中出席 {present} 人', ballotsRecorded: '已记录 {votes} 票',
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
