import type { Lang } from '../i18n/lang.js';

/**
 * The words of minutes and action lists per locale, following the conventions of a Chinese 会议纪要, a
 * Taiwanese 會議紀錄 (主席, 紀錄, 出席 / 列席 / 請假 / 缺席, 決議, 臨時動議) and English minutes (Chair, Present,
 * Apologies, AOB). Markdown, HTML and Word output all take their wording from here.
 */
export interface MinutesLabels {
  minutes: string;
  actionList: string;
  subject: string;
  time: string;
  place: string;
  online: string;
  host: string;
  recorder: string;
  present: string;
  observers: string;
  excused: string;
  absent: string;
  late: string;
  arrived: string;
  none: string;
  topics: string;
  points: string;
  decisions: string;
  actions: string;
  otherBusiness: string;
  nextMeeting: string;
  signOff: string;
  status: string;
  contentHash: string;
  name: string;
  role: string;
  signedAt: string;
  hash: string;
  check: string;
  id: string;
  what: string;
  owner: string;
  due: string;
  measure: string;
  priority: string;
  carried: string;
  meeting: string;
  overdue: string;
  escalate: string;
  completion: string;
  total: string;
  done: string;
  open: string;
  noOwner: string;
  asOf: string;
  perOwner: string;
  perMeeting: string;
  summary: string;
  carriedIn: string;
  generated: string;
  latest: string;
  state: string;
  items: string;
  daysOverdue: string;
  keySigned: string;
  listSep: string;
  statuses: Record<'draft' | 'awaiting' | 'signed-off', string>;
  roles: Record<'host' | 'recorder' | 'attendee' | 'other', string>;
  states: Record<
    | 'valid'
    | 'changed'
    | 'bad-signature'
    | 'no-public-key'
    | 'key-required'
    | 'key-changed'
    | 'untrusted-key'
    | 'outdated'
    | 'missing',
    string
  >;
  actionStatus: Record<'open' | 'in-progress' | 'done' | 'dropped', string>;
  priorities: Record<'high' | 'medium' | 'low', string>;
  measureTarget: string;
  measureBy: string;
}

const zhCN: MinutesLabels = {
  minutes: '会议纪要',
  actionList: '行动项清单',
  subject: '会议主题',
  time: '会议时间',
  place: '会议地点',
  online: '线上会议',
  host: '主持人',
  recorder: '记录人',
  present: '出席人员',
  observers: '列席人员',
  excused: '请假人员',
  absent: '缺席人员',
  late: '迟到',
  arrived: '到会',
  none: '无',
  topics: '会议议题',
  points: '讨论要点',
  decisions: '决议事项',
  actions: '行动项',
  otherBusiness: '其他事项',
  nextMeeting: '下次会议',
  signOff: '签字确认',
  status: '纪要状态',
  contentHash: '内容指纹',
  name: '姓名',
  role: '身份',
  signedAt: '签字时间',
  hash: '内容指纹',
  check: '核验',
  id: '编号',
  what: '事项',
  owner: '负责人',
  due: '完成期限',
  measure: '考核标准',
  priority: '优先级',
  carried: '结转次数',
  meeting: '来源会议',
  overdue: '已逾期',
  escalate: '需升级',
  completion: '完成率',
  total: '合计',
  done: '已完成',
  open: '未完成',
  noOwner: '（未指定负责人）',
  asOf: '统计日期',
  perOwner: '按负责人',
  perMeeting: '按会议',
  summary: '汇总',
  carriedIn: '结转入',
  generated: '生成时间',
  latest: '最新进展',
  state: '状态',
  items: '项',
  daysOverdue: '逾期 {n} 天',
  keySigned: '密钥签名',
  listSep: '、',
  statuses: { draft: '草稿', awaiting: '待签', 'signed-off': '已签' },
  roles: { host: '主持人', recorder: '记录人', attendee: '参会人', other: '其他' },
  states: {
    valid: '已签',
    changed: '签后内容已修改',
    'bad-signature': '签名无效（疑似伪造）',
    'no-public-key': '签名所用密钥未登记（公钥已被删除？）',
    'key-required': '缺少密钥签名',
    'key-changed': '签名所用密钥与登记的不符',
    'untrusted-key': '签名所用密钥不在信任清单中',
    outdated: '旧版签字（未涵盖会议信息），需重新签字',
    missing: '未签',
  },
  actionStatus: { open: '未开始', 'in-progress': '进行中', done: '已完成', dropped: '已取消' },
  priorities: { high: '高', medium: '中', low: '低' },
  measureTarget: '目标',
  measureBy: '截至',
};

const zhTW: MinutesLabels = {
  ...zhCN,
  minutes: '會議紀錄',
  actionList: '行動項目清單',
  subject: '會議名稱',
  time: '時間',
  place: '地點',
  online: '線上會議',
  host: '主席',
  recorder: '紀錄',
  present: '出席人員',
  observers: '列席人員',
  excused: '請假人員',
  absent: '缺席人員',
  late: '遲到',
  arrived: '到場',
  none: '無',
  topics: '討論事項',
  points: '討論內容',
  decisions: '決議',
  actions: '行動項目',
  otherBusiness: '臨時動議',
  nextMeeting: '下次會議',
  signOff: '簽名確認',
  status: '紀錄狀態',
  contentHash: '內容指紋',
  name: '姓名',
  role: '身分',
  signedAt: '簽名時間',
  hash: '內容指紋',
  check: '核驗',
  id: '編號',
  what: '事項',
  owner: '負責人',
  due: '完成期限',
  measure: '驗收標準',
  priority: '優先順序',
  carried: '結轉次數',
  meeting: '來源會議',
  overdue: '已逾期',
  escalate: '需升級',
  completion: '完成率',
  total: '合計',
  done: '已完成',
  open: '未完成',
  noOwner: '（未指定負責人）',
  asOf: '統計日期',
  perOwner: '依負責人',
  perMeeting: '依會議',
  summary: '彙總',
  carriedIn: '結轉入',
  generated: '產生時間',
  latest: '最新進度',
  state: '狀態',
  items: '項',
  daysOverdue: '逾期 {n} 天',
  keySigned: '金鑰簽章',
  statuses: { draft: '草稿', awaiting: '待簽', 'signed-off': '已簽' },
  roles: { host: '主席', recorder: '紀錄', attendee: '出席人', other: '其他' },
  states: {
    valid: '已簽',
    changed: '簽後內容已修改',
    'bad-signature': '簽章無效（疑似偽造）',
    'no-public-key': '簽章所用金鑰未登記（公鑰已被刪除？）',
    'key-required': '缺少金鑰簽章',
    'key-changed': '簽章所用金鑰與登記的不符',
    'untrusted-key': '簽章所用金鑰不在信任清單中',
    outdated: '舊版簽名（未涵蓋會議資訊），需重新簽名',
    missing: '未簽',
  },
  actionStatus: { open: '未開始', 'in-progress': '進行中', done: '已完成', dropped: '已取消' },
  priorities: { high: '高', medium: '中', low: '低' },
  measureTarget: '目標',
  measureBy: '截至',
};

const en: MinutesLabels = {
  minutes: 'Minutes',
  actionList: 'Action list',
  subject: 'Subject',
  time: 'Date and time',
  place: 'Place',
  online: 'Online',
  host: 'Chair',
  recorder: 'Minute-taker',
  present: 'Present',
  observers: 'In attendance',
  excused: 'Apologies',
  absent: 'Absent',
  late: 'late',
  arrived: 'arrived',
  none: 'none',
  topics: 'Items discussed',
  points: 'Discussion',
  decisions: 'Decisions',
  actions: 'Action items',
  otherBusiness: 'Any other business',
  nextMeeting: 'Next meeting',
  signOff: 'Sign-off',
  status: 'Status',
  contentHash: 'Content hash',
  name: 'Name',
  role: 'Role',
  signedAt: 'Signed at',
  hash: 'Hash',
  check: 'Check',
  id: 'ID',
  what: 'Action',
  owner: 'Owner',
  due: 'Due',
  measure: 'Success measure',
  priority: 'Priority',
  carried: 'Carried',
  meeting: 'Meeting',
  overdue: 'overdue',
  escalate: 'escalate',
  completion: 'Completion',
  total: 'Total',
  done: 'Done',
  open: 'Open',
  noOwner: '(no owner)',
  asOf: 'As of',
  perOwner: 'By owner',
  perMeeting: 'By meeting',
  summary: 'Summary',
  carriedIn: 'Carried in',
  generated: 'Generated',
  latest: 'Latest update',
  state: 'Status',
  items: 'items',
  daysOverdue: '{n} days overdue',
  keySigned: 'key-signed',
  listSep: ', ',
  statuses: { draft: 'Draft', awaiting: 'Awaiting sign-off', 'signed-off': 'Signed off' },
  roles: { host: 'Chair', recorder: 'Minute-taker', attendee: 'Attendee', other: 'Other' },
  states: {
    valid: 'signed',
    changed: 'minutes changed after signing',
    'bad-signature': 'signature does not verify (forged?)',
    'no-public-key': 'signed with a key that is not registered (public key removed?)',
    'key-required': 'key signature missing',
    'key-changed': 'signed with a key other than the registered one',
    'untrusted-key': 'signed with a key the trust file does not list',
    outdated: 'signed with salesmeet 0.1 (meeting facts not covered): sign again',
    missing: 'not signed',
  },
  actionStatus: { open: 'open', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' },
  priorities: { high: 'high', medium: 'medium', low: 'low' },
  measureTarget: 'target',
  measureBy: 'by',
};

export const MINUTES_LABELS: Record<Lang, MinutesLabels> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export function minutesLabels(lang: Lang): MinutesLabels {
  return MINUTES_LABELS[lang];
}
