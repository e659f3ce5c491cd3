/**
 * Every word salesmeet shows, in English: messages, labels, help strings and document words, namespaced by the
 * module they belong to. This file is the reference: zh-CN.ts and zh-TW.ts are typed from it, so `tsc` rejects a
 * key that either of them lacks or adds. `{name}` marks a placeholder filled by `interpolate`.
 */
import { reportEn } from './report-en.js';

/** The levels of a sales organisation (also the names of the target sheets by level). */
const targetLevels = { region: 'Region', team: 'Team', rep: 'Rep' };

export const en = {
  /** salesmeet report: the period review and next-period plan (report-en.ts). */
  report: reportEn,
  /** salesmeet kpi: what the reader warns about, the table's words, the metrics' names. */
  kpi: {
    /** Warnings and notes of the KPI reader (`km` in core/kpi/messages.ts). */
    messages: {
      notNumber: 'expected a number, found {found}',
      rateTargets:
        '{metric}: the targets of several groups or months are different rates, which cannot be added up; give one target for the total',
      continuedLines:
        "{count} line(s) without a bill number or date took them from the bill's first line above: {cells}",
      legendPipeline:
        'Opportunity exports: revenue = won deals by close date; win rate = won ÷ (won + lost) deals closed in the period (by amount likewise); open pipeline = open deals expected to close in the period; weighted = × probability; coverage = open pipeline ÷ (target − revenue).',
      legendOrders:
        'Orders = distinct order numbers (each dated row where the export has none; return lines excluded); average order value = revenue ÷ orders.',
      legendCustomers:
        'Active customers = distinct customers who bought in the period; new = first purchase in the data falls in the period; repeat-purchase rate = customers with two or more orders ÷ active customers.',
      legendPerRep:
        'Revenue per rep = revenue ÷ reps with sales in the period (for the total: ÷ kpi.headcount of meeting.yaml when it is given).',
      statedOut: 'states its period as {label} here, so it does not answer {period}: left out',
      statedPartial:
        'the export states it covers {label} here; {period} reaches beyond that, so its figures may be incomplete',
      assumedPeriod: 'no date column and no stated period: its figures are taken as {period}',
      fromData: 'latest complete month in the data',
      fromStated: 'period stated in {where}',
      fromToday: 'the month before {asOf} (the data has no dates)',
      noDateRows: '{count} row(s) with values but no date skipped: {cells}',
      badDateRows: '{count} date cell(s) that are not dates skipped (e.g. {found}): {cells}',
      openNoClose: '{count} open deal(s) without a close date left out of the pipeline: {cells}',
      closedNoClose: '{count} won or lost deal(s) without a close date skipped: {cells}',
      blankGroup: '(blank)',
      blankGroupRows:
        '{count} row(s) with a blank "{column}" (an empty cell, or a formula without a saved result) are shown as {blank}: {cells}',
      tooLarge: '{metric}: the sum is too large to compute (over 1.8e308)',
      tooLargeHint: 'check these cells: a number this large is a typing or export error',
      stages:
        'stages counted as won: {won}; as lost: {lost}; open pipeline: {open} ({openDeals} deal(s) in {openStages} stage(s)); --won and --lost name other stages',
      noWonStage:
        'no stage in column "{column}" is counted as won (found: {found}), so no revenue can be read from it',
      noWonStageHint:
        'name the won stages with --won "{example}" (the lost ones with --lost), or kpi.won in meeting.yaml',
      withTaxOnly: '{metric} from "{used}", which includes tax (the sheet has no amount without tax)',
      taxExcluded: '{metric} from "{used}" (without tax); "{others}" left out (with tax; {flag} to use it)',
      columnChosen: '{metric} from "{used}"; "{others}" left out ({flag} to use it instead)',
      columnChosenNoFlag: '{metric} from "{used}"; "{others}" left out (the same measure twice)',
      moreBad: 'column {column}: {count} more cell(s) that are not numbers',
      notDate: 'expected a date or month, found {found}',
      noDate: 'row has values but no date or month; skipped',
      weekOnMonths: 'the data has months only; a week cannot be cut from them',
      mismatch: '{metric}: {summary} here, but the detail rows add up to {detail}; the detail rows are used',
      noHolidays: 'no Chinese holiday data for {years}: working days there are counted Monday to Friday',
      noDimension: 'no column for "{by}" in the data; its breakdown is empty',
      ratioAveraged:
        '{metric}: a rate in detail rows cannot be rolled up without its numerator and denominator; give both columns',
      matrix: 'skipped: months as column headers (a matrix for people, not data)',
      noHeader: 'skipped: no recognisable header row in the first 40 rows',
      empty: 'skipped: empty sheet',
      flatTargets: 'skipped: targets without a period, because this file has a targets sheet by period',
      ratioGap: '{metric}: {count} row(s) with {has} but no {lacks} were left out of the ratio ({cells})',
      partialTarget:
        "{metric}: the total's target covers {covered} only; achievement is computed over those {dimension} ({missing} has no target)",
      partialTargets:
        "{metric}: the total's target covers {covered} only; achievement is computed over those {dimension} ({missing} have no target)",
      proratedDays: 'Targets prorated from {kind} targets by calendar days ({parts})',
      proratedWorkdays: 'Targets prorated from {kind} targets by working days ({parts})',
      listSep: ', ',
      dimRegion: 'regions',
      dimProduct: 'product lines',
      dimRep: 'reps',
      dimCustomer: 'customers',
      dimChannel: 'channels',
      dimTeam: 'teams',
      kindWeek: 'weekly',
      kindMonth: 'monthly',
      kindQuarter: 'quarterly',
      kindHalf: 'half-year',
      kindYear: 'annual',
    },
    /** Headings, status words, notes and the legend of a KPI table (`WORDS` in core/kpi/present.ts). */
    words: {
      group: {
        region: 'Region',
        product: 'Product line',
        rep: 'Rep',
        customer: 'Customer',
        channel: 'Channel',
        team: 'Team',
      },
      col: {
        metric: 'Metric',
        unit: 'Unit',
        target: 'Target',
        actual: 'Actual',
        achievement: 'Achievement',
        variance: 'Variance',
        priorYear: 'Prior year',
        yoy: 'YoY',
        priorPeriod: 'Prior period',
        mom: 'MoM',
        gap: 'vs time progress',
        forecast: 'Forecast',
        forecastAchievement: 'Fcst achv.',
        pace: 'Required/day',
        share: 'Share',
        rank: 'Rank',
        status: 'Status',
      },
      status: {
        'on-track': '✓ on track',
        'at-risk': '! at risk',
        'off-track': '✗ off track',
        met: '✓ met',
        'not-met': '✗ not met',
      },
      note: {
        'n/m': 'n/m',
        'turned-positive': 'turned positive',
        'loss-narrowed': 'loss narrowed',
        'loss-widened': 'loss widened',
      },
      pp: 'pp',
      total: 'Total',
      subtotal: 'Subtotal',
      title: 'KPI',
      asOf: 'as of',
      progress: 'time progress',
      ahead: 'ahead',
      behind: 'behind',
      ytd: 'year to date',
      workdays: 'working days',
      legend: [
        'Achievement = actual / target; lower-is-better metrics (expense ratio, cost ratio, churn, sales cycle, overdue): 2 − actual / target. A target of 0 or below gives no percentage: met / not met.',
        'Variance = actual − target. YoY / MoM = (actual − base) / base for amounts and counts; percentage points (pp) for ratios. A zero or negative base gives n/m, turned positive, loss narrowed or loss widened. — means no value (blank is not zero).',
        'Time progress = elapsed days / days in the period (as-of day included). Forecast = actual × days in period / elapsed days. Required/day = (target − actual) / remaining days.',
        'Ratios are recomputed from their numerator and denominator over the rows that carry both, never averaged. Status: on track ≥ {onTrack}, at risk ≥ {atRisk}, else off track (mid-period: achievement / time progress).',
      ],
    },
    /** The name of each known metric (`METRICS` in core/kpi/metrics.ts). */
    metrics: {
      revenue: 'Revenue',
      units: 'Units',
      collection: 'Collections',
      receivable: 'Receivable',
      cost: 'Cost',
      gross_profit: 'Gross profit',
      expense: 'Expenses',
      collection_rate: 'Collection rate',
      gross_margin: 'Gross margin',
      conversion: 'Conversion rate',
      won_deals: 'Won deals',
      opportunities: 'Opportunities',
      lost_deals: 'Lost deals',
      closed_deals: 'Closed deals',
      won_amount: 'Won amount',
      closed_amount: 'Closed amount',
      win_rate: 'Win rate',
      win_rate_amount: 'Win rate (by amount)',
      pipeline: 'Open pipeline',
      weighted_pipeline: 'Weighted pipeline',
      pipeline_coverage: 'Pipeline coverage',
      active_customers: 'Active customers',
      avg_order_value: 'Average order value',
      revenue_per_rep: 'Revenue per rep',
      active_reps: 'Reps with sales',
      repeat_customers: 'Repeat customers',
      repeat_rate: 'Repeat-purchase rate',
      new_customers: 'New customers',
      orders: 'Orders',
      expense_ratio: 'Expense ratio',
      cost_ratio: 'Cost ratio',
      churn: 'Churn rate',
      sales_cycle: 'Sales cycle',
      overdue: 'Overdue rate',
    },
  },
  /** salesmeet targets: messages, plan checks, the workbook's words. */
  targets: {
    /** Messages and headings of the target split (`tm` in core/targets/messages.ts). */
    messages: {
      needsHistory: '{what} needs a history file (a detail export of the prior year)',
      needsHistoryHint: 'give explicit weights, or use even splits, until a history file is given',
      needsMembersHint:
        'list the members in the plan file (regions, teams, reps), or the regions with --regions',
      noMembers: 'the history names no {level} under {parent}',
      noteMonthAverage:
        '{month}: no prior-year amount for {base} in the history; the month got the average weight',
      noteQuarterEven:
        'quarters: no prior-year amounts in the history; quarters split in proportion to their months',
      noteShareAverage: '{name}: no prior-year amount in the history; given the average share of its peers',
      noHistory:
        'no prior-year actual in the history: the target of {target} rests on no data; check it with the owner',
      below:
        'the target {target} is below the prior-year actual {priorYear} ({growth}); a target should stretch',
      beyondOwn:
        'the target {target} is {growth} over the prior year ({priorYear}), far beyond its own growth the year before ({reference})',
      beyondPeers:
        "the target {target} is {growth} over the prior year ({priorYear}), far beyond its peers' median ({reference})",
      beyondPeriod:
        'the target {target} is {growth} over the same month last year ({priorYear}), far beyond the period as a whole ({reference})',
    },
    /** What a plan field must look like (core/targets/plan.ts). */
    planFormats: {
      period: 'a period such as 2026, 2026-H2, 2026-Q3 or 2026-07',
      weight: 'a weight: a number ≥ 0 or a percentage like "35%"',
      weights: 'weights: even, history, a list of numbers, or a mapping from month to number',
      share: 'a margin: a percentage like "10%" or a fraction like 0.1 (0 to 100%)',
      shareHint: 'write the reserve as 10% (or 0.1)',
      floor: 'a floor: a number ≥ 0, or a mapping from month to number',
      total: 'a target above 0',
    },
    /** The rules a target plan is checked against (core/targets/plan.ts). */
    planRules: {
      count: 'expected {expected} weights, one per {what} of {period}, found {found}',
      quarter: 'quarter',
      month: 'month',
      unknownMonth: '"{key}" is not a month of {period} (its months: {months})',
      unknownQuarter: '"{key}" is not a quarter of {period} (its quarters: {quarters})',
      missingMonths: 'no weight for {missing}; give a weight to every month of {period}',
      allZero: 'every weight is 0; at least one must be above 0',
      mixed: 'some members have a weight and some do not; give a weight to every member or to none',
      mixedHint:
        'without weights, members are split by prior-year share when there is a history, else evenly',
      duplicate: '"{name}" appears twice here',
      oneTop: 'use one top level: regions, teams or reps, not {keys}',
      depth:
        '{name} has {found} under it but its siblings have {expected}; every member of a level needs the same levels below it',
      nothing: 'nothing',
      teamsUnderRep: 'a rep cannot have teams or reps under it',
      teamsUnderTeam: 'a team can have reps under it, not teams',
      byOrder: 'levels must go from the top down (region, team, rep), found {by}',
      byGap: '--by lists {level} but the plan has no {missing} level above it',
      floors: 'the monthly floors add up to {floors}, more than the target to assign ({assigned})',
      floorsHint: 'lower the floors or raise the total',
    },
    /** The words of the target workbook and its notes (`targetLabels` in core/targets/messages.ts). */
    labels: {
      level: targetLevels,
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
        matrix: (l: keyof typeof targetLevels) => `${targetLevels[l]} x Month`,
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
        reserveStatement: (pct: string, assigned: string, company: string) =>
          `The targets assigned add up to ${assigned}, ${pct} above the company target of ${company} (a reserve)`,
        time: 'Split over time',
        org: 'Split over the organisation',
        rounding: 'Rounding',
        roundingText: (p: number) =>
          `Rounded to ${p} decimal(s) by largest remainder: every level adds up exactly to its parent, with no rounding difference`,
        history: 'History',
        historyYes: 'prior-year detail used (seasonality, shares, SMART checks)',
        historyNo: 'not used (no prior-year comparison)',
        floors: 'Monthly floors',
        advice: 'SMART advice',
        noAdvice: 'none',
        generated:
          'Generated by salesmeet targets; the first sheet is read by salesmeet kpi as a targets sheet',
        method: {
          even: 'even split',
          weights: 'explicit weights',
          history: 'prior-year history (seasonality / shares)',
          derived: 'sum of the months’ weights',
          mixed: 'weights where given, else prior-year share or even',
        },
      },
    },
  },
  /** Schema problems in a YAML file, found at their line and column, and the names of value types (core/validate.ts). */
  validate: {
    typeMismatch: 'expected {expected}, found {found}',
    required: 'required field is missing; expected {expected}',
    oneOf: 'expected one of {options}, found {found}',
    unknownKey: 'unknown field "{key}"',
    didYouMean: 'did you mean "{suggestion}"?',
    knownFields: 'known fields here: {fields}',
    tooSmallString: 'expected text of at least {min} characters, found {found}',
    tooSmallNumber: 'expected a number ≥ {min}, found {found}',
    tooBigNumber: 'expected a number ≤ {max}, found {found}',
    tooSmallArray: 'expected at least {min} item(s), found {count}',
    tooBigArray: 'expected at most {max} item(s), found {count}',
    tooBigString: 'expected text of at most {max} characters, found {count}',
    format: 'expected {format}, found {found}',
    union: 'expected {expected}, found {found}',
    notInteger: 'expected a whole number, found {found}',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value)',
    quoteHint: 'put the value in quotes, e.g. "{example}"',
    numberAsText: 'expected a number, found text {found}',
    unquoteHint: 'write the number without quotes: {example}',
    lineBreak: 'expected {format}, found a value with a line break in it: {found}',
    lineBreakHint: 'write it on one line, without \\r or \\n',
    controlChar: 'contains a control character ({char}) at character {position}',
    controlCharKey: 'the field name contains a control character ({char}) at character {position}',
    bidiChar:
      'contains a bidirectional control ({char}) at character {position}, which makes text display differently from what it is',
    unsafeHint: 'remove it (in YAML it may be written as an escape such as "\\e", "\\0" or "\\u202E")',
    lineBreakInLine: 'contains a line break at character {position}; this field holds one line',
    lineBreakInLineHint: 'write it on one line (multi-line text belongs in points, decisions or notes)',
  },
  /** The meeting folder: advice of `check`, agendas of the presets. */
  meeting: {
    /** Advice on a meeting and its minutes (core/meeting/advice.ts). */
    advice: {
      overrun: 'agenda item {n} "{title}" ends at {end}, after the meeting ends at {meetingEnd}',
      overrunHint: 'shorten the items, or lengthen the meeting with `duration`',
      fixedTooEarly:
        'agenda item {n} "{title}" is fixed at {at}, but the items before it run until {reached}',
      sharesWithoutDuration:
        'agenda item {n} "{title}" is given as a share, but the meeting has no `duration` to share',
      noLength: 'agenda item {n} "{title}" has neither `minutes` nor `share`',
      sharesOverflow: 'the agenda shares add up to {total}%, more than 100%',
      startSkipped:
        '{start} on {date} does not exist in {zone}: the clocks go forward that night and skip it',
      startSkippedHint:
        'start at "{suggestion}" instead (the same moment on the clock after the change), or pick another time',
      startAmbiguous:
        '{start} on {date} happens twice in {zone} (the clocks go back); the first is used ({offset}), not the second ({otherOffset})',
      unknownPerson: '"{name}" is not in the attendee list',
      unknownPersonHint: 'add them under `attendees`, or correct the spelling',
      fewTopics: '{count} key topic(s); good practice is 3–5 topics, each with an expected outcome',
      manyTopics:
        '{count} key topics; good practice is 3–5 — a meeting that tries to cover more decides less',
      noOutcome: 'topic "{title}" has no expected outcome (what should the meeting decide?)',
      noBuffer: 'the agenda fills the whole meeting; keep 10–15% of the time as buffer',
      bigBuffer: '{share}% of the meeting ({minutes} min) is unplanned buffer; 10–15% is enough',
      longRoutine: 'a {type} meeting of {minutes} minutes; routine meetings should stay within 60 minutes',
      noHost: 'no host (主持人): someone has to run the meeting and approve the minutes',
      noRecorder: 'no minute-taker (记录人): minutes are due within 24 hours',
      noPreRead: 'no pre-read date: send the pack 1–3 days before the meeting (`preRead: {due: …}`)',
      lateRead: 'the pre-read is due {due}, less than one day before the meeting on {date}',
      actionNoOwner: 'action {n} "{what}" has no owner',
      actionNoDue: 'action {n} "{what}" has no due date',
      actionNoMeasure: 'action {n} "{what}" has no measure (考核标准): how will we know it is done?',
      actionOwnerUnknown: 'action {n} owner "{name}" is not in the attendee list',
      escalate: '{id} "{what}" has been carried over {count} times: escalate it',
    },
    /** The label and agenda items of each meeting type (core/meeting/presets.ts). */
    presets: {
      daily: {
        label: 'Daily stand-up',
        yesterdayResults: "Yesterday's results",
        todayTargetsAndKeyAccounts: "Today's targets and key accounts",
        blockersAndHelpNeeded: 'Blockers and help needed',
      },
      weekly: {
        label: 'Weekly sales meeting',
        lastWeekResults: "Last week's results",
        lastWeekResultsOutcome: 'Results vs target and the gap agreed',
        problemsAndDiscussion: 'Problems and discussion',
        problemsAndDiscussionOutcome: 'A measure and an owner for each problem',
        nextWeekPlanAndSummary: "Next week's plan and summary",
        nextWeekPlanAndSummaryOutcome: "Next week's targets and actions agreed",
      },
      monthly: {
        label: 'Monthly sales review',
        followUpOfLastMeetingActions: "Follow-up of last meeting's actions",
        monthReviewTargetVsActual: 'Month review: target vs actual',
        monthReviewTargetVsActualOutcome: 'Achievement, YoY, MoM and the reasons for the gap',
        marketAndCompetitors: 'Market and competitors',
        problemsAndMeasures: 'Problems and measures',
        problemsAndMeasuresOutcome: 'Each problem has a measure, owner and deadline',
        nextMonthTargetSplitAndWorkPlan: "Next month's target split and work plan",
        nextMonthTargetSplitAndWorkPlanOutcome: 'Targets split by region and rep',
        training: 'Training',
      },
      quarterly: {
        label: 'Quarterly business review',
        resultsReview: 'Results review',
        marketAnalysis: 'Market analysis',
        strategy: 'Strategy',
        nextQuarterTargetDecomposition: "Next quarter's target decomposition",
        nextQuarterTargetDecompositionOutcome: 'Targets split by region, product line and rep',
        actionPlan: 'Action plan',
        actionPlanOutcome: 'Actions with owner, deadline and measure',
      },
      halfYear: {
        label: 'Half-year sales review',
        openingAndObjectives: 'Opening and objectives',
        h1ResultsReview: 'H1 results review',
        h1ResultsReviewOutcome: 'Achievement and gaps by region and product line',
        bestPracticeAndFailureReview: 'Best practice and failure review',
        h2StrategyAndTargetSplit: 'H2 strategy and target split',
        h2StrategyAndTargetSplitOutcome: 'H2 targets split by region',
        lunch: 'Lunch',
        groupDiscussionAndActionPlan: 'Group discussion and action plan',
        groupDiscussionAndActionPlanOutcome: 'Action plans with owner, deadline and measure',
        break: 'Break',
        summaryAndCommitments: 'Summary and commitments',
      },
      annual: {
        label: 'Annual sales meeting',
        openingAndObjectives: 'Opening and objectives',
        annualResultsReview: 'Annual results review',
        bestPracticeAndFailureReview: 'Best practice and failure review',
        nextYearStrategyAndTargetSplit: "Next year's strategy and target split",
        lunch: 'Lunch',
        groupDiscussionAndActionPlan: 'Group discussion and action plan',
        break: 'Break',
        awards: 'Awards',
        summaryAndCommitments: 'Summary and commitments',
      },
      custom: {
        label: 'Sales meeting',
        openingAndObjectives: 'Opening and objectives',
        discussion: 'Discussion',
        actionsAndWrapUp: 'Actions and wrap-up',
      },
    },
  },
  /** Formats of dates, times, time zones, periods and URLs (core/formats.ts). */
  formats: {
    date: 'a date YYYY-MM-DD',
    dateHint: 'write the date as 2026-06-30',
    time: 'a time HH:MM (24-hour)',
    timeHint: 'write the time in quotes as "09:30"; an unquoted 0930 or 0800 is read as a number',
    share: 'a share of the total: a fraction like 0.2 or a percentage like "20%"',
    url: 'a link starting with https:// or http://',
    timezone: 'an IANA time zone such as Asia/Shanghai',
    period: 'a period such as 2026, 2026-H1, 2026-Q2, 2026-06 or 2026-W25',
  },
  /** Reading and writing files: CSV, write plans, YAML. */
  io: {
    csv: {
      missing: 'file not found',
      missingHint: 'check the path',
      empty: 'expected a CSV text file, found an empty file',
      emptyHint: 'export the data again; the download or copy may have failed',
      binary: 'expected a CSV text file, found binary data',
      binaryHint: 'export the data as .csv or .xlsx again; a CSV file holds plain text',
      unclosedQuote: 'a quoted field starting on this line is never closed: its closing quote (") is missing',
      unclosedQuoteHint: 'close the quote, or write a quote inside a quoted field twice ("")',
      tooLong: 'this line is longer than {limit}; no CSV export has lines this long',
      tooLongHint: 'check that the file is a CSV export',
      runaway: 'a quoted field starting on this line runs over {limit} without its closing quote (")',
      undecodable: 'this line is not valid {encoding} text (the encoding assumed for this file)',
      undecodableHint:
        'save the file as UTF-8 (in Excel: Save As → "CSV UTF-8"), or name its encoding with --encoding (utf-8, gb18030, big5, utf-16le…)',
      syntax: 'this line cannot be read as CSV: {reason}',
      badEncoding: 'unknown encoding "{value}": use {accepted}',
      read: '{file}: read as CSV text ({encoding}, delimiter {delimiter})',
    },
    excel: {
      partLimitHint:
        'if the file is genuine, raise the limit for this run, e.g. {env}={suggest} (megabytes); see docs/kpi.md, "Safety and scale"',
      badLimit: '{name} must be a positive number of megabytes, found "{value}"',
    },
    lock: {
      busy: '{file} is being changed by another salesmeet (process {pid} on {host}, since {since}); gave up after {seconds} s',
      busyHint:
        'run the command again in a moment; if no salesmeet is running, the lock {lock} was left by a crash: delete it',
      changed: '{file} was changed by someone else while salesmeet was updating it; nothing was written',
      changedHint: 'run the command again: it will start from the saved file',
    },
    write: {
      refuse: 'refusing to overwrite {file}',
      refuseMany: 'refusing to overwrite {count} existing files: {files}',
      refuseHint: 'it is your file and it already exists; pass --force to replace it',
      edited: '{file} was changed by hand since salesmeet generated it; refusing to overwrite it',
      editedHint:
        'generated files are rebuilt from the meeting files; keep your edits elsewhere, or pass --force',
      outside: '{file} is outside the folder {root}; salesmeet writes only inside it',
      symlink: '{file} is a symbolic link; salesmeet does not write through links',
      notRegular:
        '{file} is not a regular file (a device, pipe or socket); salesmeet replaces only regular files, even with --force',
      notRegularHint: 'name a file path instead',
      appeared: '{file} was created by another process while salesmeet was writing; refusing to overwrite it',
    },
    yaml: {
      notFound: 'file not found',
      notFoundHint: 'check the path, or run `salesmeet init` to create a meeting folder',
      isDir: 'expected a file, found a directory',
      tooLarge: 'the file is {size} bytes; a YAML file of salesmeet is at most {max} bytes',
      binary: 'expected a UTF-8 text file, found binary data (a NUL byte at byte {offset})',
      badUtf8: 'expected UTF-8 text, found bytes that are not valid UTF-8',
      badUtf8Hint: 'save the file as UTF-8 (most editors: "Save with encoding" → UTF-8)',
      empty: 'the file is empty; expected a YAML mapping',
      yaml11: 'the file declares %YAML {version}; salesmeet reads YAML 1.2 only',
      yaml11Hint: 'remove the %YAML line: under YAML 1.1 a time like 09:30 would be read as the number 570',
      tooDeep: 'nesting is {depth} levels deep; at most {max} are allowed',
      tooDeepHint: 'a meeting file needs only a few levels; this looks like a generated or hostile file',
      syntax: 'YAML syntax error: {detail}',
      aliasBomb: 'too many alias references (*name); at most {max} are allowed',
      tab: 'a tab character is used for indentation; YAML allows only spaces',
      tabHint: 'replace the tabs at the start of the line with spaces',
      multiDoc: 'the file holds several YAML documents (---); expected one',
      unknownTag: 'unsupported tag {tag}; salesmeet reads plain YAML values only',
      notMapping: 'expected a mapping of fields (key: value) at the top level, found {found}',
    },
  },
  /** Templates that are missing or fail (render/engine.ts). */
  render: {
    messages: {
      missing: 'template {name} not found for {lang} (looked in {dirs})',
      failed: 'template {file} failed: {detail}',
      unknownField: 'the template uses "{field}", which this view model does not have',
      failedHint:
        'a template may only use fields of the view model; run `salesmeet templates list` to see the defaults',
    },
  },
  /** The words of the agenda and the pre-read pack (`PACK_LABELS` in core/pack/labels.ts); they travel in the view model. */
  pack: {
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
  },
  /** The words of minutes and action lists (`MINUTES_LABELS` in core/minutes/labels.ts); they travel in the view model. */
  minutes: {
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
    measureTarget: '{what} {op} {target}',
    measureBy: '{what} {op} {target} by {date}',
  },
  /** Punctuation between words: the templates' `{{colon}}`, `{{lparen}}` … helpers (render/engine.ts) and the minutes view. */
  punctuation: { colon: ': ', lparen: ' (', rparen: ')', comma: ', ', semicolon: '; ' },
  /** A written date: `formatDate` in core/pack/format.ts. */
  dates: {
    /** A clock time on a later day than the meeting's: past midnight. */
    nextDay: '{time} (+1)',
    laterDay: '{time} (+{days})',
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    date: '{weekday}, {day} {month} {year}',
  },
  /** How words are put together where word order differs between languages. */
  layout: {
    /** The heading of a minutes document. */
    minutesHeading: '{minutes}: {title}',
    /** A column header with its unit (target workbook). */
    withUnit: '{word} ({unit})',
  },
  /** Help text (src/cli/program.ts, commands/types.ts addCommon and examples, commands/<name>/define.ts): help.<command>.description, .arguments.<name>, .options.<flag>, a subcommand's under help.<command>.<sub>. */
  help: {
    program: {
      description:
        'Prepare sales meetings and keep their record: agenda, KPI tables, pre-read pack, minutes with sign-off, actions.',
      options: {
        lang: 'language: zh-CN, zh-TW or en',
        verbose: 'show details and stack traces',
        noColor: 'no colours',
        yes: 'no prompts: use flags and defaults',
        noInput: 'never prompt (same as --yes)',
      },
    },
    common: {
      json: 'print the result as JSON on stdout',
      dryRun: 'show what would be written, write nothing',
      force: 'overwrite existing user files',
      examples: 'Examples:',
      reference: 'Reference: docs/{doc} in the salesmeet package',
    },
    actions: {
      arguments: {
        dirs: 'meeting folders, or root folders searched for meeting folders (default: .)',
      },
      description:
        'the action list across meetings: overdue and open first, by owner, completion rates; xlsx tracker',
      options: {
        owner: 'only this owner',
        status: 'only open, in-progress, done, dropped or overdue items',
        overdue: 'only overdue items',
        note: 'with `update`: what happened',
        by: 'with `update`: who reports it',
        asOf: 'judge overdue as of this day (default: today)',
        kpi: 'check KPI-linked measures against these exports (repeatable)',
        kpiPeriod: 'the KPI period for --kpi (default: the latest complete month in the data)',
        format: 'text (default), md, html or xlsx',
        out: 'write to this file (required for xlsx)',
      },
      usage:
        '[options] [dirs...]\n       salesmeet actions update <id> [dir] [--status S] [--note TEXT] [--by NAME] [--dry-run]',
    },
    agenda: {
      arguments: {
        dir: 'meeting folder',
      },
      description:
        'render the time-boxed agenda (out/agenda.md, out/agenda.html) and the calendar invite (out/invite.ics)',
    },
    check: {
      arguments: {
        dir: 'meeting folder',
      },
      description:
        'validate meeting.yaml and minutes.yaml: errors with file:line:column, plus advice from good practice',
      options: {
        strict: 'treat advice as errors (exit 3)',
      },
    },
    init: {
      arguments: {
        dir: 'meeting folder to create',
      },
      description:
        'scaffold a meeting folder: meeting.yaml with the preset agenda, data/ and a minutes.yaml skeleton',
      options: {
        type: 'daily, weekly, monthly, quarterly, half-year, annual or custom',
        title: 'meeting title (default: type and date)',
        date: 'meeting date',
        start: "start time (default: the preset's)",
        duration: "booked length in minutes (default: the preset's)",
        timezone: 'IANA time zone (default: the system zone)',
        location: 'meeting room or address',
        online: 'online meeting link',
        tool: 'online tool (Tencent Meeting, Feishu, Teams…)',
        host: 'host (主持人)',
        recorder: 'minute-taker (记录人)',
        attendee: 'an attendee; repeat for each',
        objective: 'a meeting objective; repeat for each',
        topic: 'a key topic with its expected outcome; repeat (3–5)',
        from: 'previous meeting folder: carry its open actions over',
      },
    },
    keys: {
      description: 'Ed25519 keys for signatures that cannot be forged by editing minutes.yaml',
      generate: {
        arguments: {
          dir: 'meeting folder to register the public key in (optional)',
        },
        description:
          'make a key pair: private key (0600) in ~/.config/salesmeet/keys or $SALESMEET_KEYS_DIR, public key beside it and in the meeting folder',
        options: {
          as: 'whose key',
        },
      },
    },
    kpi: {
      arguments: {
        files: '.xlsx exports or folders of them',
      },
      description:
        'target vs actual from Excel exports: achievement, variance, YoY, MoM, time progress, forecast, by region / product / rep',
      options: {
        meeting: "use the meeting folder's kpi: section",
        period:
          '2026-06, 2026-Q2, 2026-H1, 2026 or 2026-W25 (default: meeting.yaml, else the latest complete month in the data)',
        ytd: 'cumulative year to date',
        asOf: 'date for time progress (default: today)',
        workdays: 'time progress in Chinese working days (holidays and 调休 make-up days)',
        by: 'break down by region, product, rep, customer, channel, team (comma-separated; 区域, 产品, 销售代表, 客户, 渠道, 部门 too)',
        columns:
          'name the columns yourself: actual=价税合计,team=销售部门 (fields: actual, target, priorYear, period, region, product, rep, customer, channel, team, stage)',
        encoding:
          'CSV files: their encoding, when detection guesses wrong (utf-8, gb18030, gbk, big5, utf-16le, utf-16be)',
        won: 'opportunity exports: the stages counted as won (default: Closed Won, closedwon, Won, 赢单, 成交…)',
        lost: 'opportunity exports: the stages counted as lost (default: Closed Lost, closedlost, Lost, 输单, 丢单…)',
        metric: 'only this metric (key or label); repeat for more',
        format: 'table, md, csv, xlsx or json (default: table, or from --out)',
        noFast: 'read the workbooks with exceljs only, not the fast reader (same as SALESMEET_FAST_XLSX=0)',
        out: 'write to this file instead of stdout',
      },
    },
    minutes: {
      description:
        'render the minutes (out/minutes.md, .html, .docx) and the action list; `--new` prepares minutes.yaml',
      arguments: {
        dir: 'meeting folder',
      },
      options: {
        new: "prepare minutes.yaml from the meeting's agenda and attendees",
        noDocx: 'skip the Word file',
      },
      sign: {
        description: 'record that NAME approves exactly the current content of minutes.yaml (签字确认)',
        options: {
          as: 'who signs',
          trust:
            'a trust file outside the folder pinning team keys (name: ed25519:…); default: $SALESMEET_TRUST',
          key: 'sign with this Ed25519 private key (from `salesmeet keys generate`)',
        },
      },
      verify: {
        description: 'check every signature; exit 0 only when the minutes are fully signed off and unchanged',
        options: {
          trust:
            'a trust file outside the folder pinning team keys (name: ed25519:…); default: $SALESMEET_TRUST',
        },
      },
      status: {
        description: 'print the sign-off state: draft, awaiting sign-off or signed off',
        options: {
          trust:
            'a trust file outside the folder pinning team keys (name: ed25519:…); default: $SALESMEET_TRUST',
        },
      },
    },
    report: {
      arguments: { dir: 'meeting folder' },
      description:
        'write the period review and next-period plan: out/report.docx, out/report.md and out/report.html, every figure computed from the KPI data; --pdf adds out/report.pdf',
      options: {
        style: 'emphasis of the report: data (default), team, market, process or key-accounts',
        period:
          'period to review (2026-H1, 2026-Q2, 2026, 2026-06) instead of the kpi.period of meeting.yaml',
        new: 'scaffold report.yaml (the narrative) beside meeting.yaml, with questions from the data',
        pdf: 'also print out/report.pdf with Chromium (/usr/bin/chromium or SALESMEET_CHROMIUM)',
      },
    },
    pack: {
      arguments: {
        dir: 'meeting folder',
      },
      description:
        'render the pre-read pack: out/pack.html (self-contained, prints on A4) and out/pack.md; --pdf adds out/pack.pdf',
      options: {
        pdf: 'also print out/pack.pdf with Chromium (/usr/bin/chromium or SALESMEET_CHROMIUM)',
        kpi: 'KPI result to show: the output of `salesmeet kpi --json`',
      },
    },
    targets: {
      description:
        'decompose a period target over quarters and months and over regions / teams / reps, with a reserve; writes an xlsx that `salesmeet kpi` reads back as targets',
      options: {
        plan: 'a YAML plan: total, period, levels (regions → teams → reps) and weights; flags override it',
        total: 'the company target for the period',
        unit: 'unit of the amounts, e.g. 万元 or $K',
        period: '2026, 2026-H2, 2026-Q3 or 2026-07',
        by: 'levels to decompose over, top first: region,team,rep,month (default: the levels given)',
        regions: 'regions with weights "华东=35,华南=25,…", or names only for an even split',
        quarters: 'quarter weights "20,25,25,30" (or even)',
        months:
          'month weights in order "30,30,40", or "7=30,8=30,…" (or even); within each quarter when --quarters is given',
        history:
          'a detail export of the prior period(s): seasonality by month and prior-year shares by region/team/rep; repeatable',
        floor: 'minimum target of every month',
        reserve: 'assign this much more than the company target, e.g. 10%',
        precision: 'decimals of the targets: 0, 1 or 2 (default: 2 for 万元, else 0)',
        format: 'table (default on screen), xlsx, yaml or json (default: from --out)',
        out: 'write the result to this file (.xlsx, .yaml or .json); refuses to overwrite without --force',
      },
    },
    templates: {
      description: 'list the templates and where they come from; eject one to restyle it',
      list: {
        description: 'list the templates for a language: built-in or from the meeting’s template folder',
        options: {
          meeting: 'meeting folder (default: .)',
          to: 'a template folder to look in too',
        },
      },
      eject: {
        arguments: {
          name: 'template: agenda, pack, agenda.html, pack.md, partials/pack-style…',
        },
        description:
          "copy a built-in template into the team's template folder (`templates:` in meeting.yaml, or --to) so that it overrides the built-in one",
        options: {
          meeting: 'meeting folder (default: .)',
          to: 'template folder to copy into',
        },
      },
    },
  },
  /** The use cases (src/app/<module>.ts): app.<module>, read with messagesOf((c) => c.app.kpi) or catalogue(lang).app.init. */
  app: {
    actions: {
      seriesUnreadable: 'left out of the action list: the meeting folder {folder} cannot be read ({detail})',
      progressHeader: 'Progress on the action items after the meeting (not part of the signed minutes).',
      notFound: 'folder not found',
      noMeetings: 'no meeting folder (a folder with meeting.yaml) in {dir}',
      noMeetingsHint: 'pass meeting folders, or a root folder that holds them',
      unknownId: 'no action "{id}" in this meeting (it has: {ids})',
      noIds: 'no action "{id}" in this meeting: it has no action items yet',
      didYouMean: 'did you mean "{suggestion}"?',
      nothing: 'nothing to record: give --status, --note or both',
      unstable: 'internal check failed: the updated actions.yaml does not validate; nothing was written',
    },
    agenda: {
      empty: 'the meeting has no agenda items and no `duration`, so it has no time to put in a calendar',
      emptyHint:
        'add items under `agenda` (each with `minutes` or `share`), or give the meeting a `duration`',
    },
    keys: {
      inside:
        'the keys folder {keys} is inside the meeting folder {dir}; a private key must never travel with the minutes',
      insideHint:
        'set SALESMEET_KEYS_DIR to a folder outside the meeting folder (default ~/.config/salesmeet/keys)',
      emptyName: '--as: expected a name, found an empty value',
    },
    kpi: {
      noInput: 'no KPI files given',
      noInputHint:
        'pass .xlsx or .csv files or folders, or --meeting <dir> with a kpi: section in meeting.yaml',
      noFiles: 'no .xlsx or .csv files in this folder',
      noFilesXls:
        'no .xlsx or .csv files in this folder (found {count} .xls files: old Excel format, save them as .xlsx)',
      noFilesXls1:
        'no .xlsx or .csv files in this folder (found 1 .xls file: old Excel format, save it as .xlsx)',
      noFilesOther: 'no .xlsx or .csv files in this folder (found only {names})',
      noFilesHint:
        'pass a file by name to read it whatever its name; .xls exports are often HTML or text inside',
      xlsNotRead: 'not read: {names} (.xls files in a folder are skipped; pass one by name to read it)',
      xlsText:
        'the file is named .xls but holds text, not a workbook: read as CSV text (delimiter {delimiter})',
      noSheet:
        'no sheet with recognisable KPI headers (looked for 指标/Metric, 目标/Target, 实际/Actual, 月份/Month, 区域/Region… in the first 40 rows)',
      noSheetHint:
        'the header row needs a metric or dimension column and a target or actual column; name yours with --columns actual=…,period=… (or kpi.columns in meeting.yaml)',
      badPeriod: 'expected a period such as 2026, 2026-H1, 2026-Q2, 2026-06 or 2026-W25, found "{value}"',
      badDate: 'expected a date YYYY-MM-DD for --as-of, found "{value}"',
      badBy:
        'cannot break down by "{value}": use region, product, rep, customer, channel or team (or 区域, 产品, 销售代表, 客户, 渠道, 部门)',
      badColumns:
        '--columns: expected field=header pairs such as actual=价税合计,team=销售部门, found "{value}"',
      badField: '--columns: unknown field "{field}": use {fields}',
      periodMismatch: 'no KPI values for {period}: the data covers {covers}',
      periodMismatchHint: 'ask for a period the data covers, e.g. --period {suggest}',
      noKpi: 'meeting.yaml has no kpi: section with sources',
      noKpiHint: 'add kpi: { sources: [ { file: data/kpi.xlsx } ] } to meeting.yaml',
    },
    meetingFolder: {
      invalid: '{file} is not valid: {count} problem(s)',
      noFolder: 'meeting folder not found',
      noFolderHint: 'create one with `salesmeet init {dir}`',
      notFolder: 'expected a meeting folder, found a file',
      notFolderHint: 'pass the folder that holds meeting.yaml',
      noMeeting: 'no meeting.yaml in this folder',
    },
    minutesSignoff: {
      noMinutes: 'no minutes.yaml in this meeting folder',
      noMinutesHint: 'prepare one with `salesmeet minutes --new {dir}`',
      badKey: '{file} is not an Ed25519 private key (PEM)',
      badKeyHint: 'make one with `salesmeet keys generate --as {name}`',
      wrongKey:
        'this key is not the one registered for {name} in {file} (registered {registered}, given {given})',
      wrongKeyHint:
        'sign with the key whose public half is in {file}; a new key for {name} is a change the team must review (see docs/minutes-actions.md, "Keys")',
      badTrust: '{file} is not a trust file: expected a mapping of names to key fingerprints (ed25519:…)',
      badTrustHint: 'e.g.  王芳: ed25519:3f2a9c1b0d4e5f60',
      keyRequired: '{name} has a registered public key ({file}); a signature without the key could be forged',
      keyRequiredHint: 'pass --key with the private key, e.g. --key {path}',
      badPublicKey: '{file} is not an Ed25519 public key (PEM)',
      unstable: 'internal check failed: rewriting minutes.yaml would change its content; nothing was written',
      notSigner:
        '{name} is neither the host nor a present attendee of this meeting; the signature is recorded but not required',
    },
    pack: {
      noPrevious: 'the previous meeting "{path}" cannot be read',
      noPreviousHint: '`previous` is the path of the previous meeting folder, relative to this one',
      noBrowser: 'no Chromium found for --pdf: pack.html and pack.md were written, pack.pdf was not',
      noBrowserHint:
        'install one with `apt-get install chromium fonts-noto-cjk` (Debian/Ubuntu), or point SALESMEET_CHROMIUM to a Chrome or Chromium executable; or print pack.html from any browser',
      pdfFailed: 'printing the PDF failed: {detail}',
      pdfFailedHint:
        'pack.html was written; run with --verbose for details, or print pack.html from a browser',
      kpiRead: 'cannot read the KPI file: {detail}',
      kpiShape: 'not a KPI result: {detail}',
      kpiShapeHint: 'pass the output of `salesmeet kpi --json` (schema "salesmeet.kpi/1")',
    },
    targets: {
      invalidPlan: '{file} is not a valid target plan: {count} problem(s)',
      invalidFlags: 'the options do not make a valid target plan: {count} problem(s)',
      missingTotal: 'missing --total: the target to decompose',
      missingPeriod: 'missing --period: the period to decompose the target over',
      missingHint: 'e.g. salesmeet targets --total 12000 --unit 万元 --period 2026-H2, or --plan plan.yaml',
      xlsxNeedsOut: '--format xlsx writes a file: give --out FILE',
      xlsxNeedsOutHint: 'e.g. --out targets-2026-H2.xlsx',
      unknownExt: '--out {file}: cannot tell the format from the extension "{ext}"',
      unknownExtHint: 'use .xlsx, .yaml or .json, or give --format',
      noHistoryReader: 'history files cannot be read in this build',
      yamlHeader:
        'Target decomposition by salesmeet targets; read it back with salesmeet kpi via the .xlsx output.',
    },
    templates: {
      unknown: 'no template named "{name}"',
      unknownHint: '{suggest}the templates are: {names}',
      suggest: 'did you mean "{name}"? ',
      noTarget: 'no template folder to eject into',
      noTargetHint:
        'add `templates: templates` to meeting.yaml (a folder relative to the meeting), or pass --to <dir>',
    },
    minutes: {
      newHeader:
        ' Minutes: the minute-taker fills this in during the meeting (times are the planned ones: correct them;\n attendance: present / late / observer / excused / absent). Then `salesmeet minutes` renders them and\n `salesmeet minutes sign --as NAME` records each sign-off.',
    },
    actionsReport: {
      outFormat: '--out needs --format md, html or xlsx (or --json)',
    },
    init: {
      roles: {
        host: 'Host',
        recorder: 'Minute-taker',
      },
      reviewActions: "Review of last meeting's actions",
      meetingHeader:
        'The meeting plan. Run `salesmeet check` to validate it and `salesmeet agenda` to render the agenda.',
      minutesHeader:
        ' Minutes: the minute-taker fills this in during the meeting; then `salesmeet minutes` renders and signs them off.',
    },
  },
  /** The command line (src/cli): cli.<command> for commands/<command>/*.ts, cli.<module> for the shared modules (print, report, context, flags, handle-error). */
  cli: {
    print: {
      wrote: 'Wrote:',
      next: 'Next:',
      wouldWrite: 'Would write (dry run, nothing written):',
    },
    report: {
      words: {
        error: 'error',
        hint: 'hint',
        advice: 'advice',
      },
    },
    handleError: {
      fsWords: {
        EACCES: 'permission denied',
        EPERM: 'operation not permitted',
        ENOSPC: 'no space left on the device',
        EROFS: 'the file system is read-only',
        ENOTDIR: 'a part of the path is a file, not a folder',
        EISDIR: 'expected a file, found a folder',
        EMFILE: 'too many open files',
        EBUSY: 'the file is in use',
        ENOENT: 'the folder does not exist or does not accept new files',
        ENAMETOOLONG: 'the name is too long for the file system',
        EXDEV: 'the file cannot be replaced across file systems',
        read: 'cannot read',
        write: 'cannot write',
        hint: 'check the path and its permissions, then run the command again; nothing else was changed',
      },
      t: {
        unexpected: 'unexpected error',
        report: 'this is a bug in salesmeet; run again with --verbose and report the output',
        usageHint: 'run `salesmeet {cmd}--help` for usage and examples',
        cancelled: 'cancelled',
      },
    },
    actions: {
      noMatchingActions: 'No matching actions.',
      noteAndBy: '--note and --by record an update: salesmeet actions update <id> [dir] --note TEXT',
      summary:
        'As of {asOf} · {folders} meeting(s) · {total} item(s): {done} done, {open} open, {overdue} overdue · completion {completion}',
      recorded: 'Recorded in {file}: {id} {date} → {status}',
      wouldRecord: 'Would record in {file}: {id} {date} → {status}',
      wroteFile: 'Wrote {file}',
      kpiChecks: {
        actual: 'actual',
        title: 'KPI-linked measures',
        met: '✓ met',
        'not-met': '✗ not met',
        pending: '… pending',
        'no-data': '? no data',
      },
      perMeetingLine:
        '  {key}  {total} item(s), {done} done, {overdue} overdue, completion {completion}, {carriedIn} carried in',
      ownerStats: '  (completion {completion}, {overdue} overdue)',
      updateUsage: 'usage: salesmeet actions update <id> [dir] --status STATUS --note TEXT',
      xlsxNeedsOut: '--format xlsx needs --out FILE (a workbook is not printed to the terminal)',
    },
    targets: {
      wrote: 'Wrote {shown}',
      summary:
        'Targets {period}: company target {companyTarget}{unit}, reserve {pct} ({reserveAmount}), assigned {assignedTotal}{unit}',
      wouldWrite: 'Would write {shown} (dry run, nothing written)',
      next: 'Next: salesmeet kpi <actuals.xlsx> {shown}',
    },
    templates: {
      builtIn: 'built-in',
      overridesBuiltIn: ' (overrides built-in)',
      ejectNext:
        'Edit the copy; `salesmeet agenda` and `salesmeet pack` use it instead of the built-in one for meetings whose `templates:` points to this folder.',
    },
    init: {
      edit: 'edit',
      meetingType: 'Meeting type',
      title: 'Title',
      host: 'Host',
      minuteTaker: 'Minute-taker',
      expectedOutcome: '  Expected outcome',
      missingType: 'the meeting type',
      missingDate: 'the meeting date',
      verbs: {
        create: 'create',
        overwrite: 'overwrite',
        exists: 'exists',
        unchanged: 'unchanged',
      },
      carriedOver: 'Carried over {carried} open action(s) from the previous meeting.',
      escalate: '{id} "{what}" has been carried over {carried} times: escalate it',
      date: 'Date (YYYY-MM-DD)',
      start: 'Start time (HH:MM)',
      location: 'Location, or an https:// link for an online meeting (optional)',
      attendee: 'Attendee "name,role,department" (empty to finish)',
      objective: 'Meeting objective (empty to finish)',
      topic: 'Key topic {i} of 3–5 (empty to finish)',
      confirmWrite: 'Write the meeting folder?',
      cancelled: 'cancelled: nothing written',
    },
    minutes: {
      refreshed: 'Refreshed the rendered minutes:',
      refreshEdited:
        '{file} was edited by hand and still shows the sign-off status before this signature; it was left as it is (move it away and run `salesmeet minutes {dir}` to render it again)',
      signedWithExpected: '; signed with {signed}, expected {expected}',
      fillIn: 'fill in',
      signed: '{name} signed the minutes ({hash}…){key}.',
      withKey: ' with key {key}',
      waitingFor: ' (waiting for {names})',
      changedSince: '; changed since: {fields}',
      notSignedOff: '{file}: not signed off',
      notRequired:
        '{name} is neither the host nor a present required attendee: the signature is recorded but not required',
      registeredKey: 'Registered the public key in keys/ of the meeting folder.',
      signedWithUnknown: '; signed with {signed}, which keys/ no longer holds',
      meetingChanged: '; meeting.yaml no longer matches the signed minutes',
      noSignedVersion: '; the signed version is not on record, so the changed fields cannot be named',
      signedOff: 'Signed off: every required signature is present and matches the content.',
    },
    keys: {
      publicKey: 'public key',
      dryRun: ' (dry run, nothing written)',
      keyPair: 'Key pair for {name}: {fingerprint}{dry}',
      privateKey: 'private key (keep it secret, 0600)',
      registered: 'registered in the meeting folder',
    },
    check: {
      ok: '{files}: OK{advice}',
      okAdvice: ' ({count} advice)',
      failed: '{files}: {e} error(s), {a} advice',
    },
    pack: {
      note: 'note: ',
      printingPdf: 'Printing the PDF…',
      drawingCharts: 'Drawing the charts…',
      overdueActions: '{overdueCount} action(s) from the last meeting are overdue',
    },
    context: {
      warning: 'warning: ',
    },
    flags: {
      missing:
        'missing {flag}: {what} is required when salesmeet cannot ask (--yes, --no-input, CI or no terminal)',
      bad: '{flag}: {detail}',
      conflict: '{a} and {b} cannot be used together',
    },
    kpi: {
      wrote: 'wrote {file}',
      reading: 'reading',
      rows: '{files} file(s), {rows} data rows read',
      noRows: 'no KPI values for {period}',
      note: 'note: ',
      badFormat: '--format: expected table, md, csv, xlsx or json, found "{value}"',
      xlsxOut: 'the xlsx report needs --out FILE',
      both: 'give either files or --meeting, not both',
    },
  },
  /** Excel (src/io/excel): the reader's messages (excel.read for read.ts, excel.fast for fast/reader.ts) and the KPI report's legend sheet. */
  excel: {
    read: {
      empty: 'expected an Excel workbook (.xlsx), found an empty file',
      notZip: 'expected an Excel workbook (.xlsx), found a file that is not one (not a zip archive)',
      notZipHint:
        'export the data from Excel or the CRM as .xlsx; a .csv or .xls renamed to .xlsx cannot be read',
      truncated: 'the workbook is incomplete: its zip archive is cut short',
      damaged: 'the workbook is damaged: {part} cannot be decompressed',
      truncatedHint: 'the download or copy was interrupted; export or copy the file again',
      ole: 'expected an Excel workbook (.xlsx), found a password-protected workbook or an old .xls file',
      oleHint: 'open it in Excel, remove the password, and save it as .xlsx (Excel Workbook)',
      oldXls: 'expected an Excel workbook (.xlsx), found an old Excel 97-2003 .xls file',
      oldXlsHint: 'open it in Excel or WPS and save it as .xlsx (Excel Workbook) or .csv',
      protected: 'expected an Excel workbook (.xlsx), found a password-protected workbook',
      protectedHint: 'remove the password in Excel and save the workbook again',
      html: 'expected an Excel workbook (.xlsx) or a CSV file, found an HTML page saved under a spreadsheet file name',
      xml2003: 'expected an Excel workbook (.xlsx), found an Excel 2003 XML spreadsheet',
      saveAsHint: 'open it in Excel and save it as .xlsx (Excel Workbook)',
      text: 'expected an Excel workbook (.xlsx), found text that looks like CSV',
      textHint: 'rename it to .csv (or .tsv for tab-separated text): salesmeet reads CSV files too',
      notWorkbook: 'expected an Excel workbook (.xlsx), found a zip archive without xl/workbook.xml',
      encrypted: 'the workbook has encrypted parts and cannot be read',
      bomb: 'refusing to read {part}: it would expand to {size} (limit {limit})',
      // A template literal: "from" before a closing quote reads as an import to test/architecture.test.ts.
      bombHint: `no CRM or BI export is this large; check where the file came from`,
      ratio: 'refusing to read {part}: it expands {ratio}× from {packed} to {size}, the shape of a zip bomb',
      unreadable: 'the workbook could not be read: {reason}',
      garbled: 'its parts are damaged or in an order the reader cannot follow',
      unreadableHint: 'open it in Excel and save it again as .xlsx',
      missing: 'file not found',
      missingHint: 'check the path; folders are searched for .xlsx and .csv files',
    },
    fast: {
      declined: 'fast reader not used for {file} ({reason}); reading it with exceljs',
      order: 'a worksheet comes before {part} in the zip',
      method: '{part} uses zip compression method {method}',
      oddName: 'an unusual worksheet part name {part}',
      unknownSheet: '{part} is not listed in xl/workbook.xml',
      badPart: '{part} could not be parsed: {reason}',
      inflate: 'its compressed data could not be inflated',
      zip: 'the zip directory could not be read',
      unreadable: 'the workbook could not be read: {reason}',
      unreadableHint:
        'open it in Excel and save it again as .xlsx; to read it with exceljs instead, run with SALESMEET_FAST_XLSX=0 or --no-fast',
      tooLarge: '{part} expands beyond the size its zip entry declares ({size} bytes)',
      corrupt: 'the compressed data of {part} is damaged',
    },
    legendSheet: 'Legend',
  },
};

/** The shape every language fills: a missing or extra key in zh-CN.ts or zh-TW.ts is a compile error. */
export type Messages = typeof en;
