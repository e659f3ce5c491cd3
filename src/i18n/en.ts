/**
 * Every word salesmeet shows, in English: messages, labels, help strings and document words, namespaced by the
 * module they belong to. This file is the reference: zh-CN.ts and zh-TW.ts are typed from it, so a key missing or
 * added there is a compile error. `{name}` marks a placeholder filled by `interpolate`.
 */
export const en = {
  kpi: {
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
  },
  targets: {
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
    planFormats: {
      period: 'a period such as 2026, 2026-H2, 2026-Q3 or 2026-07',
      weight: 'a weight: a number ≥ 0 or a percentage like "35%"',
      weights: 'weights: even, history, a list of numbers, or a mapping from month to number',
      share: 'a margin: a percentage like "10%" or a fraction like 0.1 (0 to 100%)',
      shareHint: 'write the reserve as 10% (or 0.1)',
      floor: 'a floor: a number ≥ 0, or a mapping from month to number',
      total: 'a target above 0',
    },
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
  },
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
  },
  meeting: {
    advice: {
      overrun: 'agenda item {n} "{title}" ends at {end}, after the meeting ends at {meetingEnd}',
      overrunHint: 'shorten the items, or lengthen the meeting with `duration`',
      fixedTooEarly:
        'agenda item {n} "{title}" is fixed at {at}, but the items before it run until {reached}',
      sharesWithoutDuration:
        'agenda item {n} "{title}" is given as a share, but the meeting has no `duration` to share',
      noLength: 'agenda item {n} "{title}" has neither `minutes` nor `share`',
      sharesOverflow: 'the agenda shares add up to {total}%, more than 100%',
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
  },
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
    write: {
      refuse: 'refusing to overwrite {file}',
      refuseMany: 'refusing to overwrite {count} existing files: {files}',
      refuseHint: 'it is your file and it already exists; pass --force to replace it',
      edited: '{file} was changed by hand since salesmeet generated it; refusing to overwrite it',
      editedHint:
        'generated files are rebuilt from the meeting files; keep your edits elsewhere, or pass --force',
      outside: '{file} is outside the folder {root}; salesmeet writes only inside it',
      symlink: '{file} is a symbolic link; salesmeet does not write through links',
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
  render: {
    messages: {
      missing: 'template {name} not found for {lang} (looked in {dirs})',
      failed: 'template {file} failed: {detail}',
      unknownField: 'the template uses "{field}", which this view model does not have',
      failedHint:
        'a template may only use fields of the view model; run `salesmeet templates list` to see the defaults',
    },
  },
};

/** The shape every language fills: a missing or extra key in zh-CN.ts or zh-TW.ts is a compile error. */
export type Messages = typeof en;
