import type { Lang } from '../i18n/lang.js';

/**
 * The words of the agenda and the pre-read pack in each language. They travel in the view model, so a team
 * that ejects a template keeps the meeting's language without translating anything.
 */
export interface PackLabels {
  agenda: string;
  agendaTitle: string;
  pack: string;
  preRead: string;
  preReadDue: string;
  type: string;
  date: string;
  time: string;
  timezone: string;
  place: string;
  online: string;
  meetingId: string;
  passcode: string;
  host: string;
  recorder: string;
  attendees: string;
  name: string;
  role: string;
  department: string;
  attendance: string;
  required: string;
  optional: string;
  rsvp: string;
  objectives: string;
  topics: string;
  topic: string;
  owner: string;
  priority: string;
  outcome: string;
  no: string;
  start: string;
  end: string;
  minutes: string;
  item: string;
  notes: string;
  breakItem: string;
  transition: string;
  buffer: string;
  bufferLine: string;
  idle: string;
  total: string;
  kpi: string;
  kpiPeriod: string;
  asOf: string;
  timeProgress: string;
  metric: string;
  unit: string;
  target: string;
  actual: string;
  priorYear: string;
  achievement: string;
  variance: string;
  yoy: string;
  share: string;
  rank: string;
  gapToProgress: string;
  status: string;
  forecast: string;
  charts: string;
  chartAchievement: string;
  chartActualTarget: string;
  chartYoy: string;
  kpiNone: string;
  kpiUnavailable: string;
  kpiWarnings: string;
  legend: string;
  legendAchievement: string;
  legendLower: string;
  legendYoy: string;
  legendStatus: string;
  legendBlank: string;
  issues: string;
  problem: string;
  category: string;
  raisedBy: string;
  uncategorised: string;
  noIssues: string;
  previousActions: string;
  action: string;
  due: string;
  carried: string;
  overdue: string;
  noPreviousActions: string;
  previousFrom: string;
  materials: string;
  material: string;
  where: string;
  noMaterials: string;
  generated: string;
  contents: string;
  none: string;
  chartsInHtml: string;
  by: Record<string, string>;
  statusWords: Record<string, string>;
  actionStatus: Record<string, string>;
  priorities: Record<string, string>;
  rsvpWords: Record<string, string>;
  changeNotes: Record<string, string>;
  ahead: string;
  behind: string;
  pp: string;
  /** The colon after a label: full-width in Chinese. */
  colon: string;
}

const zhCN: PackLabels = {
  agenda: '议程',
  agendaTitle: '会议议程',
  pack: '会前资料',
  preRead: '会前阅读资料',
  preReadDue: '资料发出日期',
  type: '会议类型',
  date: '日期',
  time: '时间',
  timezone: '时区',
  place: '地点',
  online: '线上会议',
  meetingId: '会议号',
  passcode: '密码',
  host: '主持人',
  recorder: '记录人',
  attendees: '参会人员',
  name: '姓名',
  role: '职务',
  department: '部门',
  attendance: '出席要求',
  required: '必须出席',
  optional: '可选（列席）',
  rsvp: '回执',
  objectives: '会议目标',
  topics: '重点议题',
  topic: '议题',
  owner: '负责人',
  priority: '优先级',
  outcome: '预期结果',
  no: '序号',
  start: '开始',
  end: '结束',
  minutes: '分钟',
  item: '议程项',
  notes: '备注',
  breakItem: '休息',
  transition: '衔接',
  buffer: '机动时间',
  bufferLine: '机动时间 {minutes} 分钟（占 {share}），{start}–{end}',
  idle: '空档',
  total: '合计',
  kpi: '业绩数据（KPI）',
  kpiPeriod: '统计期间',
  asOf: '截至',
  timeProgress: '时间进度',
  metric: '指标',
  unit: '单位',
  target: '目标',
  actual: '实际',
  priorYear: '去年同期',
  achievement: '达成率',
  variance: '差额',
  yoy: '同比',
  share: '占比',
  rank: '排名',
  gapToProgress: '与时间进度差',
  status: '状态',
  forecast: '预计达成率',
  charts: '图表',
  chartAchievement: '{metric}达成率 vs 时间进度',
  chartActualTarget: '{metric}：实际 vs 目标 vs 去年同期',
  chartYoy: '{metric}同比',
  kpiNone: '未配置 KPI 数据：在 meeting.yaml 的 `kpi.sources` 中指定导出文件后重新生成。',
  kpiUnavailable:
    'meeting.yaml 已配置 `kpi`，但本次没有得到 KPI 数据；可先运行 `salesmeet kpi --json > out/kpi.json`，再用 `salesmeet pack --kpi out/kpi.json`。',
  kpiWarnings: '数据提示',
  legend: '口径说明',
  legendAchievement: '达成率 = 实际 ÷ 目标；目标为 0 时只显示达标 / 未达标。',
  legendLower: '越低越好的指标（费用率、逾期率等）：达成率 = 2 − 实际 ÷ 目标。',
  legendYoy: '同比 = (实际 − 去年同期) ÷ 去年同期；比率类指标以“个百分点”表示差值。',
  legendStatus: '状态：● 达标（≥100%）▲ 有风险（≥90%）▼ 落后；期中按时间进度判断。',
  legendBlank: '“—”表示缺少数据，不等于 0。',
  issues: '问题清单',
  problem: '问题',
  category: '类别',
  raisedBy: '提出人',
  uncategorised: '其他',
  noIssues: '暂无会前收集的问题。',
  previousActions: '上次会议行动项跟踪',
  action: '行动项',
  due: '截止日期',
  carried: '结转次数',
  overdue: '已逾期',
  noPreviousActions: '没有需要跟踪的上次会议行动项。',
  previousFrom: '来源',
  materials: '会议材料',
  material: '材料',
  where: '文件 / 链接',
  noMaterials: '暂无会议材料。',
  generated: '由 salesmeet 生成于 {date}',
  contents: '目录',
  none: '—',
  chartsInHtml: '图表见 pack.html。',
  by: {
    region: '区域',
    product: '产品线',
    rep: '销售代表',
    customer: '客户',
    channel: '渠道',
    team: '团队',
    metric: '指标',
  },
  statusWords: {
    'on-track': '● 达标',
    'at-risk': '▲ 有风险',
    'off-track': '▼ 落后',
    met: '● 达标',
    'not-met': '▼ 未达标',
  },
  actionStatus: { open: '未开始', 'in-progress': '进行中', done: '已完成', dropped: '已取消' },
  priorities: { high: '高', medium: '中', low: '低' },
  rsvpWords: { pending: '待回复', accepted: '已接受', declined: '已拒绝', tentative: '暂定' },
  changeNotes: {
    'n/m': '不适用',
    'turned-positive': '扭亏为盈',
    'loss-narrowed': '减亏',
    'loss-widened': '亏损扩大',
  },
  ahead: '领先',
  behind: '落后',
  pp: '个百分点',
  colon: '：',
};

const zhTW: PackLabels = {
  agenda: '議程',
  agendaTitle: '會議議程',
  pack: '會前資料',
  preRead: '會前閱讀資料',
  preReadDue: '資料寄送日期',
  type: '會議類型',
  date: '日期',
  time: '時間',
  timezone: '時區',
  place: '地點',
  online: '線上會議',
  meetingId: '會議 ID',
  passcode: '密碼',
  host: '主席',
  recorder: '紀錄',
  attendees: '出席人員',
  name: '姓名',
  role: '職稱',
  department: '部門',
  attendance: '出席要求',
  required: '應出席',
  optional: '列席（選擇性）',
  rsvp: '回覆',
  objectives: '會議目標',
  topics: '重點議題',
  topic: '議題',
  owner: '負責人',
  priority: '優先順序',
  outcome: '預期結果',
  no: '序號',
  start: '開始',
  end: '結束',
  minutes: '分鐘',
  item: '議程項目',
  notes: '備註',
  breakItem: '休息',
  transition: '轉換',
  buffer: '緩衝時間',
  bufferLine: '緩衝時間 {minutes} 分鐘（佔 {share}），{start}–{end}',
  idle: '空檔',
  total: '合計',
  kpi: '業績數據（KPI）',
  kpiPeriod: '統計期間',
  asOf: '截至',
  timeProgress: '時間進度',
  metric: '指標',
  unit: '單位',
  target: '目標',
  actual: '實際',
  priorYear: '去年同期',
  achievement: '達成率',
  variance: '差額',
  yoy: '年增率',
  share: '佔比',
  rank: '排名',
  gapToProgress: '與時間進度差',
  status: '狀態',
  forecast: '預估達成率',
  charts: '圖表',
  chartAchievement: '{metric}達成率 vs 時間進度',
  chartActualTarget: '{metric}：實際 vs 目標 vs 去年同期',
  chartYoy: '{metric}年增率',
  kpiNone: '未設定 KPI 資料：在 meeting.yaml 的 `kpi.sources` 中指定匯出檔後重新產生。',
  kpiUnavailable:
    'meeting.yaml 已設定 `kpi`，但本次沒有取得 KPI 資料；可先執行 `salesmeet kpi --json > out/kpi.json`，再用 `salesmeet pack --kpi out/kpi.json`。',
  kpiWarnings: '資料提示',
  legend: '計算說明',
  legendAchievement: '達成率 = 實際 ÷ 目標；目標為 0 時只顯示達標 / 未達標。',
  legendLower: '越低越好的指標（費用率、逾期率等）：達成率 = 2 − 實際 ÷ 目標。',
  legendYoy: '年增率 = (實際 − 去年同期) ÷ 去年同期；比率類指標以「個百分點」表示差值。',
  legendStatus: '狀態：● 達標（≥100%）▲ 有風險（≥90%）▼ 落後；期中依時間進度判斷。',
  legendBlank: '「—」表示缺少資料，不等於 0。',
  issues: '問題清單',
  problem: '問題',
  category: '類別',
  raisedBy: '提出人',
  uncategorised: '其他',
  noIssues: '目前沒有會前蒐集的問題。',
  previousActions: '前次會議決議執行情形',
  action: '行動項目',
  due: '完成期限',
  carried: '結轉次數',
  overdue: '已逾期',
  noPreviousActions: '沒有需要追蹤的前次會議行動項目。',
  previousFrom: '來源',
  materials: '會議資料',
  material: '資料',
  where: '檔案 / 連結',
  noMaterials: '目前沒有會議資料。',
  generated: '由 salesmeet 產生於 {date}',
  contents: '目錄',
  none: '—',
  chartsInHtml: '圖表請見 pack.html。',
  by: {
    region: '區域',
    product: '產品線',
    rep: '業務代表',
    customer: '客戶',
    channel: '通路',
    team: '團隊',
    metric: '指標',
  },
  statusWords: {
    'on-track': '● 達標',
    'at-risk': '▲ 有風險',
    'off-track': '▼ 落後',
    met: '● 達標',
    'not-met': '▼ 未達標',
  },
  actionStatus: { open: '未開始', 'in-progress': '進行中', done: '已完成', dropped: '已取消' },
  priorities: { high: '高', medium: '中', low: '低' },
  rsvpWords: { pending: '待回覆', accepted: '已接受', declined: '已婉拒', tentative: '暫定' },
  changeNotes: {
    'n/m': '不適用',
    'turned-positive': '轉虧為盈',
    'loss-narrowed': '虧損減少',
    'loss-widened': '虧損擴大',
  },
  ahead: '領先',
  behind: '落後',
  pp: '個百分點',
  colon: '：',
};

const en: PackLabels = {
  agenda: 'Agenda',
  agendaTitle: 'Agenda',
  pack: 'Pre-read pack',
  preRead: 'Pre-read',
  preReadDue: 'Pre-read sent by',
  type: 'Type',
  date: 'Date',
  time: 'Time',
  timezone: 'Time zone',
  place: 'Location',
  online: 'Online',
  meetingId: 'Meeting ID',
  passcode: 'Passcode',
  host: 'Host',
  recorder: 'Minute-taker',
  attendees: 'Attendees',
  name: 'Name',
  role: 'Role',
  department: 'Department',
  attendance: 'Attendance',
  required: 'Required',
  optional: 'Optional',
  rsvp: 'RSVP',
  objectives: 'Objectives',
  topics: 'Key topics',
  topic: 'Topic',
  owner: 'Owner',
  priority: 'Priority',
  outcome: 'Expected outcome',
  no: 'No.',
  start: 'Start',
  end: 'End',
  minutes: 'min',
  item: 'Item',
  notes: 'Notes',
  breakItem: 'Break',
  transition: 'Transition',
  buffer: 'Buffer',
  bufferLine: 'Buffer {minutes} min ({share} of the meeting), {start}–{end}',
  idle: 'Gap',
  total: 'Total',
  kpi: 'KPI summary',
  kpiPeriod: 'Period',
  asOf: 'As of',
  timeProgress: 'Time progress',
  metric: 'Metric',
  unit: 'Unit',
  target: 'Target',
  actual: 'Actual',
  priorYear: 'Prior year',
  achievement: 'Achievement',
  variance: 'Variance',
  yoy: 'YoY',
  share: 'Share',
  rank: 'Rank',
  gapToProgress: 'vs time progress',
  status: 'Status',
  forecast: 'Forecast achievement',
  charts: 'Charts',
  chartAchievement: '{metric}: achievement vs time progress',
  chartActualTarget: '{metric}: actual vs target vs prior year',
  chartYoy: '{metric}: YoY',
  kpiNone:
    'No KPI data configured: list the export files under `kpi.sources` in meeting.yaml and build the pack again.',
  kpiUnavailable:
    'meeting.yaml has a `kpi` section but no KPI data came with this run; run `salesmeet kpi --json > out/kpi.json`, then `salesmeet pack --kpi out/kpi.json`.',
  kpiWarnings: 'Data notes',
  legend: 'How the numbers are computed',
  legendAchievement: 'Achievement = actual ÷ target; a target of 0 shows met / not met only.',
  legendLower: 'Lower-is-better metrics (expense ratio, overdue rate…): achievement = 2 − actual ÷ target.',
  legendYoy:
    'YoY = (actual − prior year) ÷ prior year; ratio metrics show the difference in percentage points.',
  legendStatus:
    'Status: ● on track (≥100%) ▲ at risk (≥90%) ▼ off track; mid-period it is judged against time progress.',
  legendBlank: '"—" means the value is missing, not zero.',
  issues: 'Open issues',
  problem: 'Issue',
  category: 'Category',
  raisedBy: 'Raised by',
  uncategorised: 'Other',
  noIssues: 'No issues were raised before the meeting.',
  previousActions: "Status of the last meeting's actions",
  action: 'Action',
  due: 'Due',
  carried: 'Carried',
  overdue: 'Overdue',
  noPreviousActions: 'No actions from the last meeting to follow up.',
  previousFrom: 'From',
  materials: 'Materials',
  material: 'Material',
  where: 'File / link',
  noMaterials: 'No materials listed.',
  generated: 'Generated by salesmeet on {date}',
  contents: 'Contents',
  none: '—',
  chartsInHtml: 'Charts are in pack.html.',
  by: {
    region: 'Region',
    product: 'Product line',
    rep: 'Rep',
    customer: 'Customer',
    channel: 'Channel',
    team: 'Team',
    metric: 'Metric',
  },
  statusWords: {
    'on-track': '● On track',
    'at-risk': '▲ At risk',
    'off-track': '▼ Off track',
    met: '● Met',
    'not-met': '▼ Not met',
  },
  actionStatus: { open: 'Open', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' },
  priorities: { high: 'High', medium: 'Medium', low: 'Low' },
  rsvpWords: { pending: 'Pending', accepted: 'Accepted', declined: 'Declined', tentative: 'Tentative' },
  changeNotes: {
    'n/m': 'n/m',
    'turned-positive': 'turned positive',
    'loss-narrowed': 'loss narrowed',
    'loss-widened': 'loss widened',
  },
  ahead: 'ahead',
  behind: 'behind',
  pp: 'pp',
  colon: ': ',
};

export const PACK_LABELS: Record<Lang, PackLabels> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** Replaces `{name}` in a label. */
export function fill(label: string, params: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (w, k: string) => (params[k] === undefined ? w : String(params[k])));
}
