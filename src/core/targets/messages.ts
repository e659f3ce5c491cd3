/** Messages, headings and labels of `salesmeet targets`, in zh-CN, zh-TW and en. */
import type { Lang } from '../i18n/lang.js';
import { messagesOf } from '../i18n/messages.js';
import type { OrgLevel } from './plan.js';

export const tm = messagesOf((c) => c.targets.messages);

export interface TargetLabels {
  level: Record<OrgLevel, string>;
  month: string;
  quarter: string;
  target: string;
  companyTarget: string;
  share: string;
  priorYear: string;
  growth: string;
  floor: string;
  total: string;
  subtotal: string;
  sheets: {
    long: string;
    byLevel: Record<OrgLevel, string>;
    byMonth: string;
    matrix: (level: OrgLevel) => string;
    notes: string;
  };
  notes: {
    title: string;
    item: string;
    value: string;
    period: string;
    unit: string;
    companyTarget: string;
    reserve: string;
    reserveAmount: string;
    assignedTotal: string;
    reserveStatement: (pct: string, assigned: string, company: string) => string;
    time: string;
    org: string;
    rounding: string;
    roundingText: (precision: number) => string;
    history: string;
    historyYes: string;
    historyNo: string;
    floors: string;
    advice: string;
    noAdvice: string;
    generated: string;
    method: Record<string, string>;
  };
}

const zhCN: TargetLabels = {
  level: { region: '区域', team: '团队', rep: '销售代表' },
  month: '月份',
  quarter: '季度',
  target: '目标值',
  companyTarget: '公司目标',
  share: '占比',
  priorYear: '上年同期',
  growth: '同比增长',
  floor: '下限',
  total: '合计',
  subtotal: '小计',
  sheets: {
    long: '目标明细',
    byLevel: { region: '按区域', team: '按团队', rep: '按销售代表' },
    byMonth: '按月',
    matrix: (l) => `${zhCN.level[l]}×月份`,
    notes: '说明',
  },
  notes: {
    title: '目标分解说明',
    item: '项目',
    value: '内容',
    period: '期间',
    unit: '单位',
    companyTarget: '公司目标',
    reserve: '预留比例（超额分配）',
    reserveAmount: '预留金额',
    assignedTotal: '分配目标合计',
    reserveStatement: (pct, assigned, company) =>
      `分配给各级的目标合计 ${assigned}，比公司目标 ${company} 高出 ${pct}（预留缓冲）`,
    time: '时间分解方法',
    org: '组织分解方法',
    rounding: '取整规则',
    roundingText: (p) => `按 ${p} 位小数取整，采用最大余数法：每一级之和恰好等于其上级，不会有取整误差`,
    history: '历史数据',
    historyYes: '已使用上年明细（季节性、占比、SMART 检查）',
    historyNo: '未使用（未做上年对比）',
    floors: '每月下限',
    advice: 'SMART 建议',
    noAdvice: '无',
    generated: '由 salesmeet targets 生成；第一张表可直接作为 salesmeet kpi 的目标表',
    method: {
      even: '平均分配',
      weights: '按指定权重',
      history: '按上年历史（季节性 / 占比）',
      derived: '按各月权重汇总',
      mixed: '有权重的按权重，其余按上年占比或平均',
    },
  },
};

const zhTW: TargetLabels = {
  level: { region: '區域', team: '團隊', rep: '業務代表' },
  month: '月份',
  quarter: '季度',
  target: '目標值',
  companyTarget: '公司目標',
  share: '占比',
  priorYear: '去年同期',
  growth: '年增率',
  floor: '下限',
  total: '合計',
  subtotal: '小計',
  sheets: {
    long: '目標明細',
    byLevel: { region: '依區域', team: '依團隊', rep: '依業務代表' },
    byMonth: '依月',
    matrix: (l) => `${zhTW.level[l]}×月份`,
    notes: '說明',
  },
  notes: {
    title: '目標分解說明',
    item: '項目',
    value: '內容',
    period: '期間',
    unit: '單位',
    companyTarget: '公司目標',
    reserve: '預留比例（超額分配）',
    reserveAmount: '預留金額',
    assignedTotal: '分配目標合計',
    reserveStatement: (pct, assigned, company) =>
      `分配給各層的目標合計 ${assigned}，比公司目標 ${company} 高出 ${pct}（預留緩衝）`,
    time: '時間分解方法',
    org: '組織分解方法',
    rounding: '進位規則',
    roundingText: (p) => `四捨五入至小數 ${p} 位，採最大餘數法：每一層之和恰好等於其上層，不會有進位誤差`,
    history: '歷史資料',
    historyYes: '已使用去年明細（季節性、占比、SMART 檢查）',
    historyNo: '未使用（未做去年比較）',
    floors: '每月下限',
    advice: 'SMART 建議',
    noAdvice: '無',
    generated: '由 salesmeet targets 產生；第一張工作表可直接作為 salesmeet kpi 的目標表',
    method: {
      even: '平均分配',
      weights: '依指定權重',
      history: '依去年歷史（季節性 / 占比）',
      derived: '依各月權重加總',
      mixed: '有權重者依權重，其餘依去年占比或平均',
    },
  },
};

const en: TargetLabels = {
  level: { region: 'Region', team: 'Team', rep: 'Rep' },
  month: 'Month',
  quarter: 'Quarter',
  target: 'Target',
  companyTarget: 'Company target',
  share: 'Share',
  priorYear: 'Prior year',
  growth: 'YoY growth',
  floor: 'Floor',
  total: 'Total',
  subtotal: 'Subtotal',
  sheets: {
    long: 'Targets',
    byLevel: { region: 'By region', team: 'By team', rep: 'By rep' },
    byMonth: 'By month',
    matrix: (l) => `${en.level[l]} x Month`,
    notes: 'Notes',
  },
  notes: {
    title: 'Target decomposition notes',
    item: 'Item',
    value: 'Value',
    period: 'Period',
    unit: 'Unit',
    companyTarget: 'Company target',
    reserve: 'Reserve (over-assignment)',
    reserveAmount: 'Reserve amount',
    assignedTotal: 'Assigned total',
    reserveStatement: (pct, assigned, company) =>
      `The targets assigned add up to ${assigned}, ${pct} above the company target of ${company} (a reserve)`,
    time: 'Split over time',
    org: 'Split over the organisation',
    rounding: 'Rounding',
    roundingText: (p) =>
      `Rounded to ${p} decimal(s) by largest remainder: every level adds up exactly to its parent, with no rounding difference`,
    history: 'History',
    historyYes: 'prior-year detail used (seasonality, shares, SMART checks)',
    historyNo: 'not used (no prior-year comparison)',
    floors: 'Monthly floors',
    advice: 'SMART advice',
    noAdvice: 'none',
    generated: 'Generated by salesmeet targets; the first sheet is read by salesmeet kpi as a targets sheet',
    method: {
      even: 'even split',
      weights: 'explicit weights',
      history: 'prior-year history (seasonality / shares)',
      derived: 'sum of the months’ weights',
      mixed: 'weights where given, else prior-year share or even',
    },
  },
};

export function targetLabels(lang: Lang): TargetLabels {
  return lang === 'zh-CN' ? zhCN : lang === 'zh-TW' ? zhTW : en;
}

/** `目标值(万元)`, `Target ($K)`, or the bare word without a unit. */
export function targetHeader(lang: Lang, unit: string | null): string {
  const word = targetLabels(lang).target;
  if (!unit) return word;
  return lang === 'en' ? `${word} (${unit})` : `${word}(${unit})`;
}
