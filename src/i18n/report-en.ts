/**
 * The words of `salesmeet report` (the period review and next-period plan), in English: `report` in the
 * catalogue (en.ts includes it). zh-CN and zh-TW are typed from it. `{this}` / `{next}` are the period words
 * ("the first half", "the second half"); `{thisCap}` the same with a capital.
 */
export const reportEn = {
  /** The period words by kind of period. */
  periods: {
    H1: { this: 'the first half', thisCap: 'First-half', next: 'the second half', nextCap: 'Second-half' },
    H2: { this: 'the second half', thisCap: 'Second-half', next: 'next year', nextCap: 'Next-year' },
    year: { this: 'the year', thisCap: 'Annual', next: 'next year', nextCap: 'Next-year' },
    quarter: { this: 'the quarter', thisCap: 'Quarterly', next: 'next quarter', nextCap: 'Next-quarter' },
    month: { this: 'the month', thisCap: 'Monthly', next: 'next month', nextCap: 'Next-month' },
    week: { this: 'the week', thisCap: 'Weekly', next: 'next week', nextCap: 'Next-week' },
  },
  title: '{thisCap} sales review and plan for {next}',
  styles: {
    data: 'Data-driven, fine-grained operations',
    team: 'Team growth and culture',
    market: 'Market insight and innovation',
    process: 'Process optimisation and efficiency',
    'key-accounts': 'Strategic accounts',
  },
  /** The five parts of each style (the practitioners' skeleton, with each style's emphasis). */
  parts: {
    data: [
      'Sales results in {this} and what the data says',
      'Targets and strategy for {next}',
      'Team building and capability',
      'Risks and contingency plans',
      'Summary and outlook',
    ],
    team: [
      'Team results and contributions in {this}',
      'Team building and capability for {next}',
      'Targets for {next} and how the team will reach them',
      'Risks and incentives',
      'Summary and outlook',
    ],
    market: [
      'Market performance and customers in {this}',
      'Market strategy and innovation for {next}',
      'Team capability and resources',
      'Risks and contingency plans',
      'Summary and outlook',
    ],
    process: [
      'Sales process and efficiency in {this}',
      'Process improvements and targets for {next}',
      'Team efficiency and skills',
      'Risks and responses',
      'Summary and outlook',
    ],
    'key-accounts': [
      'Strategic accounts in {this}',
      'Growing and serving strategic accounts in {next}',
      'Cross-department support and resources',
      'Risks and contingency plans',
      'Summary and outlook',
    ],
  },
  partTitle: 'Part {no}. {title}',
  numerals: ['1', '2', '3', '4', '5'],
  sections: {
    overall: 'Revenue against target',
    trend: 'Monthly trend',
    drivers: 'Where the growth came from',
    priceVolume: 'Average order value and number of orders',
    mix: 'Revenue mix',
    metrics: 'Key sales metrics',
    ranking: 'Ranking and recognition',
    customers: 'Largest customers',
    perRep: 'Output per rep',
    funnel: 'Sales funnel',
    successFactors: 'Success factors',
    challenges: 'Challenges and their root causes',
    issues: 'Open issues raised before the meeting',
    targets: 'Targets for {next}',
    strategy: 'Strategy and action plan',
    decisions: 'Decisions of the meeting',
    actions: 'Actions agreed',
    team: 'Team building and capability',
    market: 'Market and competition',
    risks: 'Risks and responses',
    outlook: 'Summary and outlook',
  },
  /** The sections only people can write (report.yaml keys). */
  narrative: {
    successFactors: 'Success factors',
    challenges: 'Challenges and root causes',
    strategy: 'Strategy',
    team: 'Team building',
    outlook: 'Outlook',
  },
  sentences: {
    headlineBelow:
      'Revenue in {this} was {actual} {unit}, {achievement} of the {target} {unit} target, {gap} {unit} short.',
    headlineAbove:
      'Revenue in {this} was {actual} {unit}, {achievement} of the {target} {unit} target, {gap} {unit} above it.',
    headlineNoTarget: 'Revenue in {this} was {actual} {unit}.',
    headlineNote:
      'Achievement = actual ÷ target = {actual} ÷ {target} = {achievement}; gap = actual − target = {signedGap} {unit}.',
    growth:
      'Year on year it {yoyWords} (prior year {priorYear} {unit}); against the previous period it {momWords}.',
    growthYoyOnly: 'Year on year it {yoyWords} (prior year {priorYear} {unit}).',
    growthNote:
      'YoY = (actual − prior year) ÷ prior year = ({actual} − {priorYear}) ÷ {priorYear} = {yoy}; MoM = (actual − previous period) ÷ previous period = ({actual} − {priorPeriod}) ÷ {priorPeriod} = {mom}.',
    growthYoyNote:
      'YoY = (actual − prior year) ÷ prior year = ({actual} − {priorYear}) ÷ {priorYear} = {yoy}.',
    rose: 'grew {pct}',
    fell: 'fell {pct}',
    flat: 'was flat',
    progress:
      'With {progress} of the period elapsed, achievement is {gap} points {aheadBehind} time progress.',
    progressNote:
      'Gap to time progress = achievement − time progress = {achievement} − {progress} = {signedGap} pp.',
    ahead: 'ahead of',
    behind: 'behind',
    driversUp:
      'By {dim}, the growth came mostly from {top}, which contributed {share} of it ({pp} of the {growth} growth).',
    driversDown:
      'By {dim}, the decline came mostly from {top}, which accounts for {share} of it ({pp} of the {growth} change).',
    driversOthers: 'The others: {list}.',
    driversItem: '{name} {pp}',
    driversNote:
      'Contribution = change of the {dim} ÷ prior-year total; {name}: ({current} − {base}) ÷ {baseTotal} = {pp}; share of growth = {delta} ÷ {totalDelta} = {share}. The contributions add up to the total growth ({sum}): each is rounded to 0.1 by largest remainder, so one may differ by 0.1 from its own rounding. Totals are the sums of the {dim} rows: {base2} → {current2}.',
    priceVolume:
      'The average order value was {aov} {unit} ({aovChange} year on year) over {orders} orders ({ordersChange}); the change came mainly from {driver}: price {price} {unit}, volume {volume} {unit}, both together {interaction} {unit}.',
    driverPrice: 'the order value (price)',
    driverVolume: 'the number of orders (volume)',
    priceVolumeNote:
      'Revenue = orders × average order value. Volume effect = (Q₁ − Q₀) × P₀ = ({q1} − {q0}) × {p0} = {volume}; price effect = (P₁ − P₀) × Q₀ = ({p1} − {p0}) × {q0} = {price}; interaction = (Q₁ − Q₀) × (P₁ − P₀) = {interaction}; together {delta} = revenue change.',
    mix: '{top} is the largest {dim} at {share} of revenue ({shift} on the prior year).',
    mixNote:
      'Share = {dim} revenue ÷ total: {actual} ÷ {total} = {share}; prior year {priorActual} ÷ {priorTotal} = {priorShare}.',
    movers:
      '{up} rose most ({upDelta} {unit}, {upGrowth}); {down} fell most ({downDelta} {unit}, {downGrowth}).',
    moversUpOnly: '{up} rose most ({upDelta} {unit}, {upGrowth}); no {dim} fell.',
    moversNote:
      'Change = actual − prior year: {up} {upCurrent} − {upBase}; {down} {downCurrent} − {downBase}.',
    moversUpNote: 'Change = actual − prior year: {up} {upCurrent} − {upBase}.',
    status:
      'Of {count} {dims}, {onTrack} met the target, {atRisk} came close and {offTrack} fell short; {best} led at {bestAchievement} and {worst} trailed at {worstAchievement}.',
    statusNote:
      'Status: met ≥ {onTrack}, close ≥ {atRisk} of the target, else short. {best}: {bestActual} ÷ {bestTarget}; {worst}: {worstActual} ÷ {worstTarget}.',
    trend:
      '{met} of {months} months met their monthly target; the strongest was {best} ({bestAchievement}), the weakest {worst} ({worstAchievement}).',
    trendNote:
      'Monthly achievement = month actual ÷ month target; cumulative: {actual} ÷ {target} = {achievement}.',
    belowRun: '{name} has missed its monthly target {count} months running.',
    belowRunNote: 'Months below 100% counted back from {last}: {months}.',
    metric: '{label}: {actual} against a target of {target} ({achievement} achieved); {change} year on year.',
    metricNoTarget: '{label}: {actual}; {change} year on year.',
    metricNote: '{label}: achievement {formula}; YoY {yoyFormula}.',
    mostImproved: 'Most improved: {name}, up {places} in the ranking to number {rank}.',
    mostImprovedGrowth: 'Fastest growing: {name}, {growth} year on year.',
    rankingMore: 'The table shows the top {n} and the bottom {n}; the other {count} are in `{command}`.',
    marginByProduct:
      '{metric} by {dim}: highest in {top} ({topMargin}), lowest in {bottom} ({bottomMargin}).',
    marginByProductNote:
      '{metric} of each {dim} = (revenue − cost) ÷ revenue over its detail rows that carry both.',
    marginAllFell: '{metric} fell year on year in every {dim}.',
    marginAllRose: '{metric} rose year on year in every {dim}.',
    mostImprovedNote: 'Rank by {basis}: {previous} in the previous period, {rank} now.',
    mostImprovedGrowthNote: 'YoY = ({actual} − {priorYear}) ÷ {priorYear} = {growth}.',
    customers: 'The {n} largest customers bought {actual} {unit}, {share} of revenue.',
    customersNote: 'Share = {actual} ÷ {total} = {share}.',
    perRep: 'Revenue per rep was {value} {unit} ({change} year on year).',
    perRepNote: 'Revenue per rep = revenue ÷ reps with sales (or kpi.headcount): {formula}.',
    funnelPipeline:
      'The open pipeline holds {count} deals worth {amount} {unit} ({weighted} {unit} weighted by probability); the largest stage is {stage} with {share} of it.',
    funnelPipelineUnweighted:
      'The open pipeline holds {count} deals worth {amount} {unit}; the largest stage is {stage} with {share} of it.',
    funnelPipelineNote:
      'Open pipeline = open deals expected to close from {start} on; weighted = Σ amount × probability = {weighted}; share of {stage} = {stageAmount} ÷ {amount} = {share}.',
    funnelPipelineUnweightedNote:
      'Open pipeline = open deals expected to close from {start} on; share of {stage} = {stageAmount} ÷ {amount} = {share}.',
    funnelWinRate:
      '{won} of the {closed} deals closed in {this} were won: a win rate of {rate} by deals and {rateAmount} by amount.',
    funnelWinRateNote:
      'Win rate = won ÷ (won + lost) = {won} ÷ ({won} + {lost}) = {rate}; by amount {wonAmount} ÷ ({wonAmount} + {lostAmount}) = {rateAmount}.',
    funnelWinRateCount: '{won} of the {closed} deals closed in {this} were won: a win rate of {rate}.',
    funnelWinRateCountNote: 'Win rate = won ÷ (won + lost) = {won} ÷ ({won} + {lost}) = {rate}.',
    funnelCoverage:
      '{remaining} {unit} of the target are still to be won; the {pipeline} of {amount} {unit} covers that {ratio}.',
    funnelCoverageNote:
      'Coverage = {pipeline} ÷ (target − actual) = {amount} ÷ ({target} − {actual}) = {ratio}.',
    funnelCoverageMet:
      'Revenue has reached the target ({actual} ≥ {target} {unit}); the open pipeline stands at {amount} {unit}.',
  },
  columns: {
    rank: 'Rank',
    previousRank: 'Previous',
    rankChange: 'Change',
    target: 'Target',
    actual: 'Actual',
    achievement: 'Achievement',
    gap: 'Gap',
    priorYear: 'Prior year',
    yoy: 'YoY',
    delta: 'Change',
    contribution: 'Contribution',
    shareOfGrowth: 'Share of growth',
    share: 'Share',
    priorShare: 'Prior-year share',
    shift: 'Shift',
    month: 'Month',
    cumulative: 'Cumulative achievement',
    status: 'Status',
    monthsBelow: 'Months below target',
    metric: 'Metric',
    total: 'Total',
    effect: 'Effect',
    amount: 'Amount',
    topic: 'Topic',
    decision: 'Decision',
    action: 'Action',
    owner: 'Owner',
    due: 'Due',
    measure: 'Measure',
    problem: 'Issue',
    category: 'Category',
    risk: 'Risk',
    likelihood: 'Likelihood',
    impact: 'Impact',
    response: 'Response',
    raisedBy: 'Raised by',
    value: 'Value',
    priceEffect: 'Price (order value)',
    volumeEffect: 'Volume (orders)',
    interaction: 'Both together',
    orders: 'Orders',
    aov: 'Average order value',
  },
  /** The charts of part one: titles and the words inside them. */
  charts: {
    regions: 'Revenue achievement by {dim}',
    regionsTopBottom: 'Revenue achievement by {dim}: the top {n} and the bottom {n} of {count}',
    trend: 'Monthly revenue against target',
    bridge: 'Growth bridge by {dim}: from the prior year to this period',
    mix: 'Revenue mix by {dim}: prior year and this period',
    thisPeriod: 'This period',
    increase: 'Increase',
    decrease: 'Decrease',
    total: 'Total',
    others: 'Others',
  },
  rankBasis: { achievement: 'achievement', revenue: 'revenue' },
  up: '▲{n}',
  down: '▼{n}',
  same: '—',
  newEntry: 'new',
  placeholder: '[To be written: {section}]',
  placeholderHint: 'Write it in report.yaml ({key}); questions from the data:',
  placeholderNone: 'Write it in report.yaml ({key}).',
  noDecisions: 'No decisions recorded in minutes.yaml.',
  noActions: 'No actions recorded in minutes.yaml.',
  noIssues: 'No open issues in meeting.yaml.',
  noKpi: 'No KPI: meeting.yaml has no `kpi:` section, so this part has no figures.',
  noTargets: 'No targets file given: run `salesmeet targets` and pass its workbook with --targets.',
  levels: { high: 'High', medium: 'Medium', low: 'Low' },
  targets: {
    headline:
      'The {period} company target is {company} {unit}; {assigned} {unit} is assigned, a reserve of {reserve}.',
    headlineNote:
      'Assigned = company target × (1 + reserve) = {company} × (1 + {reserve}) = {assigned}; reserve {reserveAmount}.',
    growth: 'Against this period’s actual of {actual} {unit}, the target {change}.',
    growthNote:
      'Growth = next company target ÷ this period’s actual − 1 = {company} ÷ {actual} − 1 = {growth}.',
    pipeline:
      'The {pipeline} expected to close in {period} stands at {amount} {unit}: it covers the company target {ratio}.',
    pipelineNote:
      'Coverage = {pipeline} expected to close in {months} ÷ company target = {amount} ÷ {company} = {ratio}.',
    companyTarget: 'Company target',
    assigned: 'Assigned',
    criterion: 'SMART check',
    result: 'Result',
    detail: 'Detail',
    pass: '✓',
    fail: '✗',
    warn: '⚠',
    specific: 'Specific',
    specificYes: 'Revenue in {unit} for {period}',
    specificNo: 'No unit: state what the figures measure (salesmeet targets --unit)',
    measurable: 'Measurable',
    measurableYes: 'A figure for each of {months} months and {groups} groups',
    achievable: 'Achievable',
    achievableOk: '{growth} on this period, against {yoy} year on year',
    achievableHigh:
      '{growth} on this period, more than twice the {yoy} year-on-year growth: say what makes it reachable',
    achievableUnknown: 'Not comparable with this period (another unit or length)',
    relevant: 'Relevant',
    relevantYes: '{period} is the period after the one reviewed',
    relevantNo: 'The targets are for {period}, not for {next}, the period after the one reviewed',
    timeBound: 'Time-bound',
    timeBoundYes: 'Month by month, {from} to {to}',
    owned: 'Owned',
    ownedYes:
      'Each group has an owner (the workbook’s Owner column, or an attendee whose role or department names it)',
    ownedNo:
      'Nobody answers for {groups}: fill in the Owner column of the targets workbook, or name an attendee whose role or department says it',
    ownedNone: 'The targets are not split over regions or teams',
  },
  /** `report --targets targets.xlsx`: reading the workbook `salesmeet targets` writes (core/report/targets-workbook.ts). */
  targetsFile: {
    notWorkbook:
      'not a targets workbook: expected the sheets salesmeet targets writes ({expected}), found {found}',
    notWorkbookHint:
      'give the workbook `salesmeet targets … --out targets.xlsx` wrote (or its YAML); its sheets may be edited, not renamed',
    missingLabel: 'no cell labelled {labels}: {what} cannot be read',
    labelsHint:
      'keep the labels salesmeet targets wrote; rows and columns may be inserted or moved, not renamed',
    notNumber: 'expected a number, found the text "{text}"',
    notNumberHint:
      'type the figure as a plain number, without unit or words; a cell formatted as text keeps even digits as text: format it as a number',
    empty: 'expected a number, found an empty cell',
    error: 'expected a number, found the error {code}',
    uncomputed:
      'the formula ={formula} has no computed value: the file was saved by a program that does not calculate',
    uncomputedHint:
      'open the file in Excel, WPS or LibreOffice and save it again (they store each formula’s result), then run the report again',
    badPeriod: 'expected a period (2026-H2, 2026-Q3, 2026 or 2026-07), found "{text}"',
    totalDiffers:
      'the total {total} is not the sum of the {parts} ({sum}, {range}): the report uses the {parts}',
    orgVsMonths:
      'the {groups} add up to {org} ({range}), the months to {months} ([{sheet}]!{monthRange}): the month table and the totals use the months, the {level} table the {groups}; make them agree',
    notesDiffers:
      'the {item} here is {stated}, the months add up to {sum} ([{sheet}]!{range}): the report uses the months',
    copyDiffers: '{name} adds up to {found} here, {expected} in [{sheet}]!{cell}: the report uses [{sheet}]',
    copyDiffersKpi:
      '{name} adds up to {found} here, {expected} in [{sheet}]!{cell}: the report uses [{sheet}]; salesmeet kpi reads this sheet, correct it too',
    copyMissing: '{name} is listed here but not in [{sheet}]: the report uses [{sheet}]',
    what: {
      months: 'the header row with the months',
      target: 'the row of assigned targets',
      companyTarget: 'the row of company targets',
      period: 'the period',
      members: 'the header row of the {level} sheet',
    },
    groups: { region: 'regions', team: 'teams', rep: 'reps' },
    level: { region: 'region', team: 'team', rep: 'rep' },
    parts: { months: 'months' },
    items: { companyTarget: 'company target', assignedTotal: 'assigned total' },
  },
  noRisks:
    'No risks listed: add a `risks:` section to meeting.yaml (risk, likelihood, impact, owner, response).',
  notes: 'Notes',
  contents: 'Contents',
  legend: 'How the figures are computed',
  /** Where a chart stands in report.md and report.docx: the drawing is in report.html. */
  draft: 'Draft: still to be written ({count}): {sections}.',
  final: 'All narrative sections written.',
  generated:
    'Generated by salesmeet from {sources} on {date}. Every figure is computed from the data; the formulas are in the notes.',
  meta: '{meeting} · {period} ({start} ~ {end}) · as of {asOf}',
  styleLine: 'Style: {style}',
  page: 'Page {page} of {pages}',
  prompts: {
    successBest: '{name} reached {achievement} and brought {share} of the growth: what did it do right?',
    successGrowth: '{name} grew {growth} year on year: what drove it?',
    challengeBehind: '{name} reached {achievement}, {gap} points behind time progress: why?',
    challengeShort: '{name} reached {achievement} of its target ({gap} {unit} short): root cause?',
    challengeMetric: '{label} below target ({achievement} achieved): root cause?',
    challengeDecline: '{name} fell {growth} year on year: why?',
    strategyGap: 'How will the {gap} {unit} gap of {this} be made up in {next}, and by whom?',
    strategyIssue: 'Open issue: {problem}: what is the answer?',
    teamOutput: 'Revenue per rep was {value} {unit}: where does the team need to grow?',
    teamIssue: 'Team issue: {problem}',
    outlook: 'Sum up {this} in two paragraphs and restate the goal for {next}.',
  },
  yaml: {
    header:
      'The narrative of the period report: sections only people can write. `salesmeet report` never overwrites this file.',
    hint: 'Leave a section empty ("") to keep its placeholder in the draft; `salesmeet check --strict` names the empty ones.',
    prompts: 'Questions from the data:',
  },
  app: {
    noPeriodData: 'no revenue for {period} in the data, so part one of the report has no figures',
    narrativeExists: 'report.yaml already exists; it is never overwritten (use --force to start it again)',
    badStyle: 'unknown style "{value}": expected one of {styles}',
    noBrowser: 'no Chromium found for --pdf',
    noBrowserHint: 'install chromium or set SALESMEET_CHROMIUM to its path',
    pdfFailed: 'the PDF could not be printed: {detail}',
  },
  cli: {
    draft: 'draft: {count} narrative section(s) to write in report.yaml: {sections}',
    scaffolded: 'wrote {file}: fill in its sections, then run `salesmeet report` again',
    drawingCharts: 'Drawing the charts…',
    printingPdf: 'Printing the PDF…',
    computing: 'Computing the KPI for {count} period(s)…',
  },
  check: {
    emptySections: 'report.yaml: {count} section(s) still empty: {sections}',
    emptyHint: 'write them in report.yaml (or run `salesmeet report --new` to scaffold it with questions)',
    missing: 'report.yaml is missing: the report has no narrative yet',
  },
};

export type ReportMessages = typeof reportEn;
