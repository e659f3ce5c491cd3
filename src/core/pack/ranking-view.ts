/**
 * 表扬先进、鞭策落后: the monthly meeting's ranking of regions (or teams, reps — the first breakdown) by
 * achievement, with the change of rank since the previous period, the most improved, the leader, and the groups
 * below target several periods running (from the monthly history in the data).
 */
import { catalogue } from '../../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import type { GroupKey, KpiResult, KpiRow } from '../kpi/result.js';
import { ranking } from '../report/analysis.js';
import { formatNumber, formatPercent } from './format.js';
import { fill, PACK_LABELS } from './labels.js';

export interface RankingRow {
  rank: string;
  name: string;
  score: string;
  change: string;
  monthsBelow: string;
  status: string;
  statusKey: string;
}

export interface RankingView {
  dimension: string;
  basis: string;
  rows: RankingRow[];
  /** Sentences: the status counts, the leader, the most improved, the groups below target for a while. */
  lines: string[];
}

/** The metric ranked: revenue when the data has it, else the first amount metric. */
function rankedMetric(kpi: KpiResult): string | undefined {
  const grouped = kpi.rows.filter((r) => Object.keys(r.group).length === 1);
  return (grouped.find((r) => r.metric === 'revenue') ?? grouped.find((r) => r.kind === 'amount'))?.metric;
}

function groupRows(kpi: KpiResult | null, metric: string, key: GroupKey): KpiRow[] {
  if (!kpi) return [];
  return kpi.rows.filter(
    (r) => r.metric === metric && Object.keys(r.group).length === 1 && r.group[key] !== undefined,
  );
}

/**
 * The ranking section, or null without a breakdown. `previous` is the previous period by the same dimension;
 * `history` the periods before it, newest first (for "below target N periods running").
 */
export function rankingView(
  current: KpiResult,
  previous: KpiResult | null,
  history: readonly KpiResult[],
  lang: Lang,
): RankingView | null {
  const L = PACK_LABELS[lang];
  const P = catalogue(lang).punctuation;
  const key = current.by[0];
  const metric = rankedMetric(current);
  if (key === undefined || metric === undefined) return null;
  const rows = groupRows(current, metric, key);
  if (rows.length < 2) return null;
  const byAchievement = rows.some((r) => r.achievement !== null);
  const score = (r: KpiRow | undefined) => (r ? (byAchievement ? r.achievement : r.actual) : null);
  const prevRows = groupRows(previous, metric, key);
  const find = (list: KpiRow[], name: string) => list.find((r) => r.group[key] === name);
  const ranked = ranking(
    rows.map((r) => ({
      name: r.group[key]!,
      score: score(r),
      previousScore: score(find(prevRows, r.group[key]!)),
    })),
  );
  // Below target this period and how many periods before it, running.
  const below = (r: KpiRow | undefined) => r?.achievement != null && r.achievement < 1;
  const streak = (name: string) => {
    if (!below(find(rows, name))) return 0;
    let n = 1;
    for (const p of [previous, ...history]) {
      if (!p || !below(find(groupRows(p, metric, key), name))) break;
      n++;
    }
    return n;
  };
  const out: RankingRow[] = ranked.map((g) => {
    const r = find(rows, g.name)!;
    const s = streak(g.name);
    return {
      rank: g.rank === null ? '—' : String(g.rank),
      name: g.name,
      score: byAchievement ? formatPercent(g.score, lang) : formatNumber(g.score, lang, 2),
      change:
        g.change === null ? '' : g.change > 0 ? `↑${g.change}` : g.change < 0 ? `↓${-g.change}` : L.rankSame,
      monthsBelow: s >= 2 ? String(s) : '',
      status: r.status ? (L.statusWords[r.status] ?? r.status) : '—',
      statusKey: r.status ?? 'none',
    };
  });

  const lines: string[] = [];
  const count = (s: string[]) => rows.filter((r) => r.status !== null && s.includes(r.status)).length;
  lines.push(
    fill(L.rankingCounts, {
      onTrack: count(['on-track', 'met']),
      atRisk: count(['at-risk']),
      offTrack: count(['off-track', 'not-met']),
    }),
  );
  const leader = ranked[0]!;
  if (leader.rank === 1)
    lines.push(
      fill(byAchievement ? L.rankingLeader : L.rankingLeaderActual, {
        name: leader.name,
        score: out[0]!.score,
      }),
    );
  const improved = ranked
    .filter((g) => (g.change ?? 0) > 0)
    .sort((a, b) => b.change! - a.change! || a.name.localeCompare(b.name))[0];
  if (improved)
    lines.push(
      fill(L.rankingImproved, {
        name: improved.name,
        places: improved.change!,
        from: improved.previousRank!,
        to: improved.rank!,
      }),
    );
  const lagging = out.filter((r) => Number(r.monthsBelow) >= 2);
  if (lagging.length > 0)
    lines.push(
      fill(L.rankingLagging, {
        names: lagging.map((r) => `${r.name}${P.lparen}${r.monthsBelow}${P.rparen}`).join(L.rankingSep),
      }),
    );
  return {
    dimension: L.by[key] ?? key,
    basis: byAchievement ? L.rankingByAchievement : L.rankingByActual,
    rows: out,
    lines,
  };
}
