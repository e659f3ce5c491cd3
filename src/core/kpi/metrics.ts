/**
 * The metric dictionary: each known metric's kind (amount, count, ratio), direction (higher or lower is
 * better), how rows add up, and the names it goes by in zh-CN, zh-TW and English.
 */
import { byLang, type Messages } from '../../i18n/index.js';
import type { Direction, MetricKind } from './result.js';

/** How values of a metric combine over rows: summed, recomputed as numerator/denominator, or averaged. */
export type Aggregation = 'sum' | 'ratio' | 'mean';

export interface MetricDef {
  key: string;
  kind: MetricKind;
  direction: Direction;
  agg: Aggregation;
  /** For ratio metrics: the measures it is recomputed from (numerator / denominator). */
  numerator?: string;
  denominator?: string;
  /** numerator = denominator − this measure (gross margin from revenue and cost). */
  numeratorFromCost?: string;
  /** A base measure (receivable, cost) that feeds a ratio but is not reported on its own. */
  base?: boolean;
  unit?: string;
  names: string[];
  labels: { en: string; 'zh-CN': string; 'zh-TW': string };
}

/** A metric's name in the three languages, from the catalogue (`src/i18n`, namespace `kpi.metrics`). */
const label = (key: keyof Messages['kpi']['metrics']): MetricDef['labels'] =>
  byLang((c) => c.kpi.metrics[key]);

const def = (
  key: string,
  kind: MetricKind,
  direction: Direction,
  labels: MetricDef['labels'],
  names: string[],
  extra: Partial<MetricDef> = {},
): MetricDef => ({
  key,
  kind,
  direction,
  agg: kind === 'ratio' ? 'ratio' : 'sum',
  labels,
  names,
  ...extra,
});

export const METRICS: MetricDef[] = [
  def('revenue', 'amount', 'higher', label('revenue'), [
    '销售额',
    '销售收入',
    '营业收入',
    '营收',
    '收入',
    '销售金额',
    '订单金额',
    '合同额',
    '合同金额',
    '成交金额',
    '金额',
    '业绩',
    '銷售額',
    '營收',
    '營業收入',
    '業績',
    '金額',
    'revenue',
    'sales',
    'amount',
    'salesamount',
    'bookings',
    'closedwon',
    '价税合计',
    '含税金额',
    '无税金额',
    '不含税金额',
    '未税金额',
    '本币价税合计',
    '本币无税金额',
    '本币金额',
    '本位币价税合计',
    '本位币无税金额',
    '本位币金额',
    '原币金额',
    '原币价税合计',
    '原币无税金额',
    '含税销售额',
    '不含税销售额',
    '开票金额',
    '发票金额',
    '开票收入',
    '净额',
    '净值',
    '商机金额',
    '赢单金额',
    '價稅合計',
    '含稅金額',
    '未稅金額',
    '無稅金額',
    '商機金額',
    '發票金額',
    'netvalue',
    'netamount',
    'netsales',
    'netrevenue',
    'dealamount',
    'opportunityamount',
    'amountincltax',
    'amountexcltax',
    'invoiceamount',
    'billingamount',
  ]),
  def('units', 'count', 'higher', label('units'), [
    '数量',
    '销量',
    '销售数量',
    '实发数量',
    '出库数量',
    '开票数量',
    '发货数量',
    '订货数量',
    '基本数量',
    '主数量',
    '數量',
    '銷量',
    '銷售數量',
    'qty',
    'quantity',
    'units',
    'unitssold',
    'billedquantity',
    'orderquantity',
    'invoicedquantity',
  ]),
  def('collection', 'amount', 'higher', label('collection'), [
    '回款额',
    '回款',
    '回款金额',
    '收款',
    '收款额',
    '实收金额',
    '已回款',
    '收款額',
    '回款額',
    'collections',
    'collection',
    'collected',
  ]),
  def(
    'receivable',
    'amount',
    'higher',
    label('receivable'),
    [
      '应回款',
      '应回款额',
      '应收款',
      '应收账款',
      '应收金额',
      '應收款',
      '應收帳款',
      '應收金額',
      'receivable',
      'receivables',
      'amountdue',
    ],
    { base: true },
  ),
  def(
    'cost',
    'amount',
    'lower',
    label('cost'),
    ['成本', '销售成本', '成本额', '營業成本', 'cost', 'cogs', 'costofsales'],
    { base: true },
  ),
  def('gross_profit', 'amount', 'higher', label('gross_profit'), [
    '毛利',
    '毛利额',
    '毛利潤',
    '營業毛利',
    'grossprofit',
  ]),
  def(
    'expense',
    'amount',
    'lower',
    label('expense'),
    ['费用', '销售费用', '费用额', '費用', '銷售費用', 'expense', 'expenses', 'salesexpense'],
    { base: true },
  ),
  def(
    'collection_rate',
    'ratio',
    'higher',
    label('collection_rate'),
    ['回款率', '销售回款率', '收款率', '回款達成率', 'collectionrate'],
    { numerator: 'collection', denominator: 'receivable' },
  ),
  def(
    'gross_margin',
    'ratio',
    'higher',
    label('gross_margin'),
    ['毛利率', '营业毛利率', '營業毛利率', 'grossmargin', 'grossmarginpct', 'margin'],
    { numerator: 'gross_profit', denominator: 'revenue', numeratorFromCost: 'cost' },
  ),
  def(
    'conversion',
    'ratio',
    'higher',
    label('conversion'),
    ['转化率', '商机转化率', '轉換率', 'conversion', 'conversionrate'],
    { numerator: 'won_deals', denominator: 'opportunities' },
  ),
  def('won_deals', 'count', 'higher', label('won_deals'), [
    '赢单数',
    '成交数',
    '成单数',
    '贏單數',
    'wondeals',
    'won',
  ]),
  def(
    'opportunities',
    'count',
    'higher',
    label('opportunities'),
    ['商机数', '商机', '商機數', 'opportunities', 'opps', 'pipelinedeals'],
    { base: true },
  ),
  def('lost_deals', 'count', 'lower', label('lost_deals'), ['输单数', '丢单数', '輸單數', 'lostdeals']),
  def('closed_deals', 'count', 'higher', label('closed_deals'), ['已结商机数', 'closeddeals'], {
    base: true,
  }),
  def('won_amount', 'amount', 'higher', label('won_amount'), ['wonamount'], { base: true }),
  def('closed_amount', 'amount', 'higher', label('closed_amount'), ['closedamount'], { base: true }),
  def('win_rate', 'ratio', 'higher', label('win_rate'), ['赢单率', '成交率', '贏單率', 'winrate'], {
    numerator: 'won_deals',
    denominator: 'closed_deals',
  }),
  def('win_rate_amount', 'ratio', 'higher', label('win_rate_amount'), ['winrateamount', 'winratebyamount'], {
    numerator: 'won_amount',
    denominator: 'closed_amount',
  }),
  def(
    'pipeline',
    'amount',
    'higher',
    label('pipeline'),
    // Not `Pipeline`: HubSpot's column of that name holds the pipeline's name, not an amount.
    ['在途商机金额', '在途商机', '在途商機金額', 'openpipeline', 'pipelineamount'],
  ),
  def('weighted_pipeline', 'amount', 'higher', label('weighted_pipeline'), [
    '加权商机金额',
    '加權商機金額',
    'weightedpipeline',
  ]),
  def(
    'pipeline_coverage',
    'ratio',
    'higher',
    label('pipeline_coverage'),
    ['商机覆盖倍数', '商机覆盖率', 'pipelinecoverage', 'coverage'],
    { unit: '×' },
  ),
  def('active_customers', 'count', 'higher', label('active_customers'), [
    '成交客户数',
    '活跃客户数',
    '成交客戶數',
    'activecustomers',
    'buyingcustomers',
  ]),
  def(
    'avg_order_value',
    'amount',
    'higher',
    label('avg_order_value'),
    ['客单价', '平均订单金额', '客單價', 'averageordervalue', 'aov', 'avgordervalue', 'averagedealsize'],
    { agg: 'ratio', numerator: 'revenue', denominator: 'orders' },
  ),
  def(
    'revenue_per_rep',
    'amount',
    'higher',
    label('revenue_per_rep'),
    ['人均产出', '人均销售额', '人均產值', 'revenueperrep', 'salesperrep'],
    { agg: 'ratio', numerator: 'revenue', denominator: 'active_reps' },
  ),
  def('active_reps', 'count', 'higher', label('active_reps'), ['出单人数', 'activereps'], { base: true }),
  def('repeat_customers', 'count', 'higher', label('repeat_customers'), ['复购客户数', 'repeatcustomers'], {
    base: true,
  }),
  def(
    'repeat_rate',
    'ratio',
    'higher',
    label('repeat_rate'),
    ['复购率', '回购率', '回購率', 'repeatrate', 'repeatpurchaserate'],
    { numerator: 'repeat_customers', denominator: 'active_customers' },
  ),
  def('new_customers', 'count', 'higher', label('new_customers'), [
    '新客户数',
    '新客户',
    '新增客户',
    '新增客户数',
    '新客數',
    '新客戶數',
    '新增客戶',
    'newcustomers',
    'newlogos',
    'newaccounts',
  ]),
  def('orders', 'count', 'higher', label('orders'), [
    '订单数',
    '订单量',
    '單數',
    '訂單數',
    'orders',
    'ordercount',
    'deals',
  ]),
  def(
    'expense_ratio',
    'ratio',
    'lower',
    label('expense_ratio'),
    ['费用率', '销售费用率', '費用率', 'expenseratio'],
    { numerator: 'expense', denominator: 'revenue' },
  ),
  def('cost_ratio', 'ratio', 'lower', label('cost_ratio'), ['成本率', '成本比率', 'costratio'], {
    numerator: 'cost',
    denominator: 'revenue',
  }),
  def('churn', 'ratio', 'lower', label('churn'), [
    '流失率',
    '客户流失率',
    '客戶流失率',
    'churn',
    'churnrate',
  ]),
  def(
    'sales_cycle',
    'amount',
    'lower',
    label('sales_cycle'),
    ['销售周期', '平均成交周期', '成交周期', '銷售週期', 'salescycle', 'dealcycle'],
    { agg: 'mean', unit: 'days' },
  ),
  def('overdue', 'ratio', 'lower', label('overdue'), [
    '逾期率',
    '应收逾期率',
    '逾期比率',
    'overdue',
    'overduerate',
  ]),
];

const BY_KEY = new Map(METRICS.map((m) => [m.key, m]));
const BY_NAME = new Map<string, MetricDef>();
for (const m of METRICS) {
  for (const n of m.names) if (!BY_NAME.has(n)) BY_NAME.set(n, m);
  BY_NAME.set(m.key.replace(/_/g, ''), m);
}

/** Lower-cases and strips spaces, punctuation and underscores so `Gross Margin %` finds `grossmargin`. */
export function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s_\-·・.%％:：#]/g, '')
    .trim();
}

export function metricByKey(key: string): MetricDef | undefined {
  return BY_KEY.get(key);
}

/** The dictionary entry for a metric name (label or key), if any. */
export function findMetric(name: string): MetricDef | undefined {
  return BY_NAME.get(normName(name));
}

/** A metric name contained in a longer header (`销售额目标`, `Revenue Target`): the longest match wins. */
export function findMetricInside(name: string): MetricDef | undefined {
  return metricInside(name)?.m;
}

/** The names of at least two characters, longest first (in dictionary order among names of one length). */
let longestFirst: [string, MetricDef][] | undefined;

/**
 * metricInside's answers by header text. Finding the header row asks it for every text cell of the first rows,
 * twice per cell, and the same region, product and rep names come back row after row: each walk over the
 * dictionary is made once (cleared past 4,096 texts, so a long sheet cannot grow it).
 */
const insideCache = new Map<string, { m: MetricDef; coverage: number } | undefined>();

/** The longest metric name inside a header and the share of the header it covers. */
export function metricInside(name: string): { m: MetricDef; coverage: number } | undefined {
  if (insideCache.has(name)) return insideCache.get(name);
  if (insideCache.size >= 4096) insideCache.clear();
  const found = findInside(normName(name));
  insideCache.set(name, found);
  return found;
}

function findInside(n: string): { m: MetricDef; coverage: number } | undefined {
  longestFirst ??= [...BY_NAME].filter(([k]) => k.length >= 2).sort((a, b) => b[0].length - a[0].length);
  for (let i = 0; i < longestFirst.length; i++) {
    const [k, m] = longestFirst[i]!;
    if (k.length <= n.length && n.includes(k)) return { m, coverage: k.length / n.length };
  }
  return undefined;
}
