/**
 * Header recognition: synonyms in zh-CN, zh-TW and English, units in headers (`销售额(万元)`, `Revenue ($K)`,
 * `回款率(%)`), compound headers (`销售额目标`, `Revenue Target`, a merged group over `目标 | 实际`).
 */
import { findMetric, findMetricInside, type MetricDef, metricInside, normName } from './metrics.js';
import type { GroupKey } from './result.js';

export type ValueRole = 'target' | 'actual' | 'priorYear' | 'priorPeriod';
export type Role =
  | ValueRole
  | 'metric'
  | 'unit'
  | 'period'
  | GroupKey
  | 'derived'
  | 'stage'
  | 'probability'
  | 'order';

export const GROUP_KEYS: GroupKey[] = ['region', 'product', 'rep', 'customer', 'channel', 'team'];

const SYNONYMS: Record<Role, string[]> = {
  metric: [
    '指标',
    '指标名称',
    '考核指标',
    'kpi',
    '项目',
    '指標',
    '指標名稱',
    '項目',
    'metric',
    'measure',
    'indicator',
    'kpiname',
  ],
  target: [
    '目标',
    '目标值',
    '任务',
    '任务额',
    '指标值',
    '计划',
    '计划值',
    '预算',
    '考核目标',
    '目标额',
    '目標',
    '目標值',
    '預算',
    '計畫',
    '計劃',
    '目標額',
    'target',
    'quota',
    'plan',
    'budget',
    'goal',
  ],
  actual: [
    '实际',
    '实际值',
    '实际完成',
    '实际完成值',
    '完成',
    '完成额',
    '完成值',
    '实绩',
    '达成',
    '本期',
    '本期实际',
    '本月实际',
    '實際',
    '實際值',
    '實績',
    '達成',
    '實際完成',
    'actual',
    'actuals',
    'achieved',
    'booked',
  ],
  priorYear: [
    '去年同期',
    '上年同期',
    '同期',
    '上年',
    '去年',
    '去年同期值',
    '去年同期累計',
    'prioryear',
    'py',
    'ly',
    'lastyear',
    'samperiodlastyear',
    'sameperiodlastyear',
  ],
  priorPeriod: [
    '上期',
    '上月',
    '环期',
    '上周',
    '上季',
    '上期值',
    '上月實際',
    'priorperiod',
    'lastmonth',
    'pm',
    'previousperiod',
    'lastweek',
    'lastquarter',
  ],
  unit: ['单位', '單位', 'unit', 'uom'],
  period: [
    '期间',
    '月份',
    '年月',
    '月度',
    '日期',
    '统计期间',
    '统计月份',
    '时间',
    '周',
    '期間',
    '年/月',
    '年度月份',
    '下单日期',
    '订单日期',
    '成交日期',
    '签约日期',
    '开票日期',
    '回款日期',
    '单据日期',
    '业务日期',
    '出库日期',
    '发货日期',
    '过账日期',
    '记账日期',
    '结单日期',
    '赢单日期',
    '预计成交日期',
    '预计签约日期',
    '预计结单日期',
    '單據日期',
    '業務日期',
    '出貨日期',
    '預計成交日期',
    '訂單日期',
    '成交日',
    'period',
    'month',
    'date',
    'fiscalperiod',
    'week',
    'closedate',
    'orderdate',
    'invoicedate',
    'billingdate',
    'postingdate',
    'documentdate',
    'expectedclosedate',
    'estclosedate',
    'estimatedclosedate',
    'actualclosedate',
    'closeddate',
    'salesdate',
    'transactiondate',
    'closingdate',
    'expectedclosingdate',
    'dateclosed',
    'yearmonth',
  ],
  region: [
    '区域',
    '大区',
    '片区',
    '省区',
    '地区',
    '分公司',
    '區域',
    '地區',
    '大區',
    'region',
    'territory',
    'area',
    'geo',
    'salesregion',
    '销售区域',
    '区域名称',
    '省份',
    '省区名称',
    '銷售區域',
    '區域名稱',
    'salesterritory',
    'regionname',
  ],
  team: [
    '团队',
    '部门',
    '小组',
    '事业部',
    '销售组',
    '團隊',
    '部門',
    '小組',
    '事業部',
    'team',
    'department',
    'salesteam',
    'division',
    '销售部门',
    '业务部门',
    '部门名称',
    '销售团队',
    '銷售部門',
    '業務部門',
    '部門名稱',
    '銷售團隊',
    'salesdepartment',
    'dept',
    'salesgroup',
    'businessunit',
  ],
  rep: [
    '销售',
    '销售代表',
    '业务员',
    '负责人',
    '客户经理',
    '销售人员',
    '销售员',
    '姓名',
    '業務',
    '業務員',
    '負責人',
    '業務代表',
    'rep',
    'salesrep',
    'owner',
    'opportunityowner',
    'accountowner',
    'salesperson',
    'dealowner',
    '销售负责人',
    '跟进人',
    '归属人',
    '所有人',
    '商机负责人',
    '客户负责人',
    '业务人员',
    '跟進人',
    '商機負責人',
    '業務人員',
    'salesrepresentative',
    'salesemployee',
    'opportunityownername',
    'ownername',
    'assignedto',
  ],
  product: [
    '产品线',
    '产品',
    '品类',
    '产品类别',
    '系列',
    '產品線',
    '產品',
    '品類',
    'productline',
    'product',
    'productfamily',
    'category',
    '存货名称',
    '存货',
    '物料名称',
    '物料',
    '商品名称',
    '商品',
    '产品名称',
    '料品名称',
    '品名',
    '物料描述',
    '存貨名稱',
    '物料名稱',
    '商品名稱',
    '產品名稱',
    '品項',
    'sku',
    'material',
    'materialdescription',
    'materialname',
    'itemname',
    'item',
    'productname',
    'productcategory',
    'productgroup',
  ],
  customer: [
    '客户',
    '客户名称',
    '客戶',
    '客戶名稱',
    'customer',
    'account',
    'accountname',
    'customername',
    '往来单位',
    '往来单位名称',
    '购货单位',
    '客户简称',
    '售达方',
    '客户全称',
    '往來單位',
    '客戶簡稱',
    '客戶全稱',
    'company',
    'companyname',
    'client',
    'soldtoparty',
    'name1',
    'soldto',
    'billtoparty',
  ],
  order: [
    '单据编号',
    '单据号',
    '订单号',
    '订单编号',
    '销售订单号',
    '出库单号',
    '发票号',
    '发票号码',
    '单号',
    '合同编号',
    '合同号',
    '订单',
    '單據編號',
    '訂單編號',
    '訂單號',
    '發票號碼',
    '合約編號',
    'orderid',
    'ordernumber',
    'orderno',
    'invoiceno',
    'invoicenumber',
    'invoiceid',
    'billingdocument',
    'billingdoc',
    'salesdocument',
    'salesorder',
    'documentnumber',
    'docno',
  ],
  stage: [
    '阶段',
    '商机阶段',
    '销售阶段',
    '阶段名称',
    '商机状态',
    '赢单/输单',
    '赢输',
    '输赢',
    '商機階段',
    '銷售階段',
    '階段',
    'stage',
    'dealstage',
    'opportunitystage',
    'salesstage',
    'pipelinestage',
    'stagename',
  ],
  probability: [
    '赢率',
    '赢单概率',
    '成交概率',
    '成交可能性',
    '赢单可能性',
    '贏率',
    '成交機率',
    'probability',
    'dealprobability',
    'winprobability',
  ],
  channel: [
    '渠道',
    '通路',
    '销售渠道',
    'channel',
    'saleschannel',
    '渠道名称',
    '渠道类型',
    '销售方式',
    '銷售通路',
    '通路名稱',
    'distributionchannel',
    'channelname',
  ],
  derived: [
    '达成率',
    '完成率',
    '任务完成率',
    '目标达成率',
    '達成率',
    '達成%',
    '同比',
    '同比增长',
    '同比增长率',
    '同比增减',
    '环比',
    '环比增长率',
    '年增率',
    '年成長率',
    '月增率',
    '差额',
    '差距',
    '排名',
    '序号',
    '序號',
    '备注',
    '備註',
    'attainment',
    'achievement',
    'yoy',
    'mom',
    'variance',
    'rank',
    'no',
    'notes',
    'remark',
    'remarks',
    '%toquota',
    'toquota',
    '单价',
    '含税单价',
    '无税单价',
    '不含税单价',
    '未税单价',
    '本币单价',
    '价格',
    '售价',
    '单位价格',
    '销售单价',
    '單價',
    '含稅單價',
    '未稅單價',
    '售價',
    '税率',
    '税额',
    '本币税额',
    '税金',
    '稅率',
    '稅額',
    '折扣',
    '折扣率',
    '折扣额',
    '扣率',
    'price',
    'unitprice',
    'listprice',
    'salesprice',
    'netprice',
    'taxrate',
    'tax',
    'taxamount',
    'vat',
    'vatamount',
    'discount',
    'discountrate',
    'expectedrevenue',
    'expectedamount',
    'salesorg',
    'salesorganization',
    'salesorganisation',
    'salesoffice',
    'salesdocumenttype',
    'salesdoctype',
    'salesunit',
    'salesuom',
    '销售组织',
    '销售办公室',
    '销售单位',
    '銷售組織',
    'estrevenue',
    'estimatedrevenue',
    'weightedrevenue',
    'forecastamount',
    '预计收入',
    '预计金额',
    '预计销售额',
    '預計金額',
    'pipeline',
    '销售漏斗',
  ],
};

const ROLE_OF = new Map<string, Role>();
for (const [role, names] of Object.entries(SYNONYMS) as [Role, string[]][])
  for (const n of names) ROLE_OF.set(normName(n), role);

/** Words that, inside a longer header, mark its value role (`销售额目标`, `去年同期销售额`, `Revenue Target`). */
const ROLE_WORDS: [ValueRole, string[]][] = [
  ['priorYear', ['去年同期', '上年同期', '同期', '去年', '上年', 'prioryear', 'lastyear', 'py', 'ly']],
  ['priorPeriod', ['上期', '上月', '上周', '上季', 'priorperiod', 'lastmonth', 'previousperiod', 'pm']],
  [
    'target',
    ['目标', '目標', '任务', '计划', '預算', '预算', '計畫', 'target', 'quota', 'plan', 'budget', 'goal'],
  ],
  ['actual', ['实际', '實際', '完成', '实绩', '實績', 'actual', 'achieved']],
];

export interface Unit {
  /** As the user wrote it, for display: `万元`, `$K`, `%`. */
  text: string;
  /** Cells hold percent numbers (5.3 = 5.3%). */
  percent: boolean;
  /** Multiplier to the base currency unit, when it is a money unit with a known scale. */
  scale: number | null;
}

const SCALES: [RegExp, number][] = [
  [/^(人民币)?亿元$|^億元$/, 1e8],
  [/^(人民币)?千万元$/, 1e7],
  [/^(人民币)?百万元$|^百萬元$/, 1e6],
  [/^十万元$/, 1e5],
  [/^(人民币)?万元$|^萬元$|^(新台幣|新台币)?萬元$/, 1e4],
  [/^(人民币|新台幣|新台币)?(千元|仟元)$/, 1e3],
  [/^(人民币|新台幣|新台币)?元$|^rmb$|^cny$|^ntd?$|^twd$/i, 1],
  [/^(\$|usd|us\$)?\s?(k|000|thousands?)$|^in thousands$/i, 1e3],
  [/^(\$|usd|us\$)?\s?(m|mm|mn|millions?)$|^in millions$/i, 1e6],
  [/^(\$|usd|us\$)$/i, 1],
];

/** Parses a unit text such as `万元`, `%`, `$K`, `USD M`, `新台幣仟元`. */
export function parseUnit(text: string): Unit | null {
  const t = text
    .trim()
    .replace(/^单位[:：]|^單位[:：]|^unit[:：]/i, '')
    .trim();
  if (t === '') return null;
  if (t === '%' || t === '％' || t === '百分比') return { text: '%', percent: true, scale: null };
  for (const [re, scale] of SCALES) if (re.test(t)) return { text: t, percent: false, scale };
  if (t.length <= 8) return { text: t, percent: false, scale: null };
  return null;
}

/** Splits `销售额(万元)`, `销售额（万元）`, `销售额/万元`, `销售额[万元]`, `Revenue ($K)`, `回款率%` into name and unit. */
export function splitUnit(header: string): { name: string; unit: Unit | null } {
  const h = header.replace(/\s+/g, ' ').trim();
  let mm = /^(.*?)\s*[(（[【]([^()（）[\]【】]{1,16})[)）\]】]\s*$/.exec(h);
  if (mm?.[1]) {
    const unit = parseUnit(mm[2]!);
    if (unit) return { name: mm[1], unit };
  }
  mm = /^(.+?)\s*[/／]\s*(万元|萬元|元|千元|仟元|亿元|億元|%|％|个|家|人|天)$/.exec(h);
  if (mm) return { name: mm[1]!, unit: parseUnit(mm[2]!) };
  mm = /^(.+?)\s*[%％]$/.exec(h);
  if (mm) return { name: mm[1]!, unit: { text: '%', percent: true, scale: null } };
  return { name: h, unit: null };
}

export interface HeaderInfo {
  role: Role;
  /** The metric a value column belongs to (`销售额目标` → revenue), when the header names one. */
  metric?: MetricDef;
  /** The header's metric name as written, for metrics not in the dictionary. */
  metricLabel?: string;
  unit: Unit | null;
  text: string;
  /** 当月 / 本月 (the period alone) or 累计 / YTD (year to date), from the header or its group. */
  scope?: 'period' | 'ytd';
  /** Named by the user (`--columns`, `kpi.columns`): wins over any column the dictionary found. */
  forced?: boolean;
}

/** 累计 / 本年累计 / YTD / 1-6月 → ytd; 本月 / 当月 / 单月 / 本期 / MTD → period. */
export function scopeOf(text: string): 'period' | 'ytd' | undefined {
  const t = text.toLowerCase();
  if (/累计|累計|ytd|year\s*to\s*date|cumulative|1\s*[-–~至]\s*\d{1,2}\s*月/.test(t)) return 'ytd';
  if (/本月|当月|當月|单月|單月|本期|当期|本周|本季|mtd|this month|current period/.test(t)) return 'period';
  return undefined;
}

/** The role words of English letters, matched as whole words (wordPattern); the others inside the normalised text. */
const ASCII_ROLE_WORDS = new Set(ROLE_WORDS.flatMap(([, words]) => words.filter((w) => /^[a-z]+$/.test(w))));

/** roleInside's answers by header text, for the same reason as metricInside's (metrics.ts). */
const roleCache = new Map<string, ValueRole | undefined>();

function roleInside(raw: string): ValueRole | undefined {
  if (roleCache.has(raw)) return roleCache.get(raw);
  if (roleCache.size >= 4096) roleCache.clear();
  const role = findRoleInside(raw);
  roleCache.set(raw, role);
  return role;
}

function findRoleInside(raw: string): ValueRole | undefined {
  const lower = raw
    .toLowerCase()
    .replace(/prior year|last year/g, 'prioryear')
    .replace(/prior period|last month|previous period/g, 'priorperiod');
  const n = normName(raw);
  for (const [role, words] of ROLE_WORDS) {
    for (const w of words) {
      // An English word's regular expression is made (and compiled) only for a text that holds the word at all.
      if (ASCII_ROLE_WORDS.has(w)) {
        if (lower.includes(w) && wordPattern(w)!.test(lower)) return role;
      } else if (n.includes(w)) return role;
    }
  }
  return undefined;
}

/** An English role word as a whole word (`actual`, not inside `factual`); null for a word of other letters. */
const WORD_PATTERNS = new Map<string, RegExp | null>();
function wordPattern(w: string): RegExp | null {
  let re = WORD_PATTERNS.get(w);
  if (re === undefined) {
    re = /^[a-z]+$/.test(w) ? new RegExp(`(^|[^a-z])${w}($|[^a-z])`) : null;
    WORD_PATTERNS.set(w, re);
  }
  return re;
}

/**
 * Recognises one header cell. `group` is the text of a merged header above it (`销售额(万元)` over
 * `目标 | 实际`), if any. Returns undefined for a header that means nothing to the KPI reader.
 */
export function recognise(text: string, group?: string): HeaderInfo | undefined {
  const own = splitUnit(text);
  const n = normName(own.name);
  if (n === '') return undefined;
  const g = group ? splitUnit(group) : undefined;
  const unit = own.unit ?? g?.unit ?? null;
  const direct = ROLE_OF.get(n);
  if (direct) {
    const info: HeaderInfo = { role: direct, unit, text };
    if (
      g &&
      (direct === 'target' || direct === 'actual' || direct === 'priorYear' || direct === 'priorPeriod')
    ) {
      const gm = findMetric(g.name) ?? findMetricInside(g.name);
      if (gm) info.metric = gm;
      else if (ROLE_OF.get(normName(g.name)) === undefined && !/\d/.test(g.name))
        info.metricLabel = g.name.trim();
    }
    return info;
  }
  // A metric named on its own: a measure column of a detail sheet (its actual).
  const metric = findMetric(own.name);
  if (metric) {
    const role = g ? (ROLE_OF.get(normName(g.name)) as ValueRole | undefined) : undefined;
    const valueRole =
      role === 'target' || role === 'actual' || role === 'priorYear' || role === 'priorPeriod'
        ? role
        : 'actual';
    return { role: valueRole, metric, unit, text };
  }
  // A compound header: a role word plus a metric name.
  const role = roleInside(own.name);
  const inside = findMetricInside(own.name);
  if (role && inside) return { role, metric: inside, unit, text };
  if (role && g) {
    const gm = findMetric(g.name) ?? findMetricInside(g.name);
    if (gm) return { role, metric: gm, unit, text };
  }
  if (role && n.length <= 12) return { role, unit, text };
  // A metric name inside a longer header (`本月销售额`, `Net Revenue`), but not `Sales Stage` or `Sales Rep Email`.
  const cover = metricInside(own.name);
  if (inside && cover && !ROLE_OF.has(n) && (cover.coverage >= 0.6 || scopeOf(own.name) !== undefined))
    return { role: 'actual', metric: inside, unit, text };
  return undefined;
}

/** The column a user named in `kpi.columns` (field → header text), as a role. */
export function roleOfField(field: string): Role | undefined {
  const f = field.trim();
  const map: Record<string, Role> = {
    metric: 'metric',
    target: 'target',
    actual: 'actual',
    amount: 'actual',
    priorYear: 'priorYear',
    priorPeriod: 'priorPeriod',
    unit: 'unit',
    period: 'period',
    month: 'period',
    date: 'period',
    region: 'region',
    product: 'product',
    rep: 'rep',
    customer: 'customer',
    channel: 'channel',
    team: 'team',
    stage: 'stage',
    probability: 'probability',
    order: 'order',
  };
  return map[f];
}

const TOTAL_WORDS = new Set(
  [
    '合计',
    '合計',
    '总计',
    '總計',
    '小计',
    '小計',
    '总和',
    '汇总',
    '匯總',
    '全部',
    '累计合计',
    'total',
    'totals',
    'grandtotal',
    'subtotal',
    'sum',
    'overall',
  ].map(normName),
);

/** True for a totals or subtotal label (`合计`, `小计：`, `Grand Total`, `华东 小计`, `Total 华东`). */
export function isTotalLabel(text: string): boolean {
  const n = normName(text);
  if (TOTAL_WORDS.has(n)) return true;
  const raw = text.trim().toLowerCase();
  return (
    /(小计|小計|合计|合計|总计|總計)$/.test(n) ||
    /^(小计|小計|合计|合計|总计|總計)/.test(n) ||
    /^(grand\s*)?(sub)?totals?\b/.test(raw) ||
    /\b(sub|grand\s*)?totals?[:：]?$/.test(raw)
  );
}
