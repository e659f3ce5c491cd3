import type { Lang } from '../i18n/lang.js';
import type { AgendaItem, MeetingType } from './schema.js';

type L = Record<Lang, string>;

interface PresetItem {
  title: L;
  minutes?: number;
  share?: string;
  break?: true;
  at?: string;
  outcome?: L;
}

export interface Preset {
  type: MeetingType;
  label: L;
  start: string;
  /** Booked length in minutes, including the buffer. */
  duration: number;
  transition?: number;
  buffer?: number;
  items: PresetItem[];
}

const l = (zhCN: string, zhTW: string, en: string): L => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/**
 * Agendas from common practice (DESIGN.md, "Presets by meeting type"). Every preset leaves 10–15% of the
 * booked time as buffer, so a freshly scaffolded meeting passes `check` without advice about its timing.
 */
export const PRESETS: Record<MeetingType, Preset> = {
  daily: {
    type: 'daily',
    label: l('晨会', '晨會', 'Daily stand-up'),
    start: '08:45',
    duration: 15,
    items: [
      { title: l('昨日业绩与进展', '昨日業績與進展', "Yesterday's results"), minutes: 5 },
      {
        title: l('今日目标与重点客户', '今日目標與重點客戶', "Today's targets and key accounts"),
        minutes: 5,
      },
      { title: l('问题与支持需求', '問題與支援需求', 'Blockers and help needed'), minutes: 3 },
    ],
  },
  weekly: {
    type: 'weekly',
    label: l('销售周例会', '業務週會', 'Weekly sales meeting'),
    start: '09:00',
    duration: 50,
    items: [
      {
        title: l('上周业绩回顾', '上週業績回顧', "Last week's results"),
        minutes: 15,
        outcome: l(
          '确认目标完成情况与差距',
          '確認目標達成情況與差距',
          'Results vs target and the gap agreed',
        ),
      },
      {
        title: l('问题讨论与解决', '問題討論與解決', 'Problems and discussion'),
        minutes: 20,
        outcome: l(
          '每个问题有对策和负责人',
          '每個問題都有對策與負責人',
          'A measure and an owner for each problem',
        ),
      },
      {
        title: l('下周计划与总结', '下週計畫與總結', "Next week's plan and summary"),
        minutes: 10,
        outcome: l(
          '下周目标与行动项确认',
          '下週目標與行動項目確認',
          "Next week's targets and actions agreed",
        ),
      },
    ],
  },
  monthly: {
    type: 'monthly',
    label: l('月度销售例会', '月度業務會議', 'Monthly sales review'),
    start: '09:00',
    duration: 120,
    items: [
      {
        title: l('上次会议行动项跟进', '上次會議行動項目追蹤', "Follow-up of last meeting's actions"),
        minutes: 10,
      },
      {
        title: l(
          '本月业绩回顾（目标 vs 实际）',
          '本月業績回顧（目標 vs 實際）',
          'Month review: target vs actual',
        ),
        minutes: 20,
        outcome: l(
          '达成率、同比环比与差距原因',
          '達成率、年增月增與差距原因',
          'Achievement, YoY, MoM and the reasons for the gap',
        ),
      },
      { title: l('市场与竞争动态', '市場與競爭動態', 'Market and competitors'), minutes: 15 },
      {
        title: l('问题分析与改进措施', '問題分析與改善措施', 'Problems and measures'),
        minutes: 25,
        outcome: l(
          '每个问题有措施、负责人和期限',
          '每個問題有措施、負責人與期限',
          'Each problem has a measure, owner and deadline',
        ),
      },
      {
        title: l(
          '下月目标分解与工作计划',
          '下月目標分解與工作計畫',
          "Next month's target split and work plan",
        ),
        minutes: 25,
        outcome: l('目标分解到区域和个人', '目標分解到區域與個人', 'Targets split by region and rep'),
      },
      { title: l('培训与经验分享', '培訓與經驗分享', 'Training'), minutes: 10 },
    ],
  },
  quarterly: {
    type: 'quarterly',
    label: l('季度经营分析会', '季度經營檢討會', 'Quarterly business review'),
    start: '14:00',
    duration: 120,
    transition: 2,
    buffer: 12,
    items: [
      { title: l('季度业绩回顾', '季度業績回顧', 'Results review'), share: '20%' },
      { title: l('市场分析', '市場分析', 'Market analysis'), share: '15%' },
      { title: l('策略研讨', '策略研討', 'Strategy'), share: '25%' },
      {
        title: l('下季度目标分解', '下季目標分解', "Next quarter's target decomposition"),
        share: '25%',
        outcome: l(
          '目标分解到区域、产品线和个人',
          '目標分解到區域、產品線與個人',
          'Targets split by region, product line and rep',
        ),
      },
      {
        title: l('行动计划', '行動計畫', 'Action plan'),
        share: '15%',
        outcome: l(
          '行动项有负责人、期限和考核标准',
          '行動項目有負責人、期限與考核標準',
          'Actions with owner, deadline and measure',
        ),
      },
    ],
  },
  'half-year': {
    type: 'half-year',
    label: l('半年度销售总结会', '半年度業務檢討會', 'Half-year sales review'),
    start: '09:00',
    duration: 390,
    items: [
      { title: l('开场与目标说明', '開場與目標說明', 'Opening and objectives'), minutes: 30 },
      {
        title: l('上半年业绩回顾', '上半年業績回顧', 'H1 results review'),
        minutes: 60,
        outcome: l(
          '各区域、产品线达成情况与差距',
          '各區域、產品線達成情況與差距',
          'Achievement and gaps by region and product line',
        ),
      },
      {
        title: l('成功经验与失败复盘', '成功經驗與失敗檢討', 'Best practice and failure review'),
        minutes: 60,
      },
      {
        title: l('下半年策略与目标分解', '下半年策略與目標分解', 'H2 strategy and target split'),
        minutes: 30,
        outcome: l('下半年目标分解到区域', '下半年目標分解到區域', 'H2 targets split by region'),
      },
      { title: l('午餐', '午餐', 'Lunch'), minutes: 60, break: true, at: '12:00' },
      {
        title: l('分组讨论与行动计划', '分組討論與行動計畫', 'Group discussion and action plan'),
        minutes: 60,
        outcome: l(
          '各组行动计划（负责人、期限、考核标准）',
          '各組行動計畫（負責人、期限、考核標準）',
          'Action plans with owner, deadline and measure',
        ),
      },
      { title: l('茶歇', '茶敘', 'Break'), minutes: 15, break: true },
      { title: l('总结与承诺', '總結與承諾', 'Summary and commitments'), minutes: 30 },
    ],
  },
  annual: {
    type: 'annual',
    label: l('年度销售大会', '年度業務大會', 'Annual sales meeting'),
    start: '09:00',
    duration: 450,
    items: [
      { title: l('开场与年度目标说明', '開場與年度目標說明', 'Opening and objectives'), minutes: 30 },
      { title: l('年度业绩回顾', '年度業績回顧', 'Annual results review'), minutes: 60 },
      {
        title: l('成功经验与失败复盘', '成功經驗與失敗檢討', 'Best practice and failure review'),
        minutes: 60,
      },
      {
        title: l('明年策略与目标分解', '明年策略與目標分解', "Next year's strategy and target split"),
        minutes: 30,
      },
      { title: l('午餐', '午餐', 'Lunch'), minutes: 60, break: true, at: '12:00' },
      {
        title: l('分组讨论与行动计划', '分組討論與行動計畫', 'Group discussion and action plan'),
        minutes: 60,
      },
      { title: l('茶歇', '茶敘', 'Break'), minutes: 15, break: true },
      { title: l('颁奖与表彰', '頒獎與表揚', 'Awards'), minutes: 45 },
      { title: l('总结与承诺', '總結與承諾', 'Summary and commitments'), minutes: 30 },
    ],
  },
  custom: {
    type: 'custom',
    label: l('销售会议', '業務會議', 'Sales meeting'),
    start: '10:00',
    duration: 60,
    items: [
      { title: l('开场与目标', '開場與目標', 'Opening and objectives'), minutes: 5 },
      { title: l('议题讨论', '議題討論', 'Discussion'), minutes: 38 },
      { title: l('行动项与总结', '行動項目與總結', 'Actions and wrap-up'), minutes: 10 },
    ],
  },
};

/** The preset's agenda items in a language, ready for meeting.yaml. */
export function presetAgenda(type: MeetingType, lang: Lang): AgendaItem[] {
  return PRESETS[type].items.map((it) => {
    const item: AgendaItem = { title: it.title[lang] };
    if (it.minutes !== undefined) item.minutes = it.minutes;
    if (it.share !== undefined) item.share = it.share;
    if (it.at !== undefined) item.at = it.at;
    if (it.break) item.break = true;
    if (it.outcome) item.outcome = it.outcome[lang];
    return item;
  });
}

export function typeLabel(type: MeetingType, lang: Lang): string {
  return PRESETS[type].label[lang];
}

/** Routine meetings should stay short (advice: at most 60 minutes). */
export const ROUTINE_TYPES: readonly MeetingType[] = ['daily', 'weekly'];
