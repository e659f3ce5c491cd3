/**
 * The reading order of a breakdown found as a tree (byRankTree) is the sorted one (byRank) whenever it is given:
 * parents first, siblings by rank, the blank group last; and it steps aside when the rows are no tree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byRank, byRankTree, prefixKeys } from '../../../src/core/kpi/compute/rows.js';
import type { Group, GroupKey, KpiRow } from '../../../src/core/kpi/result.js';

const by: GroupKey[] = ['region', 'product', 'rep'];
const BLANK = '(空白)';

function row(group: Group, rank: number | null): KpiRow {
  return { group, rank } as unknown as KpiRow;
}

const keysOf = (g: Group) => prefixKeys(g, by);
const names = (rows: KpiRow[]) => rows.map((r) => by.map((k) => r.group[k] ?? '').join('/'));

/** A tree of groups three levels deep (names from a small set, so that the blank group and ties occur). */
const tree = fc
  .array(
    fc.record({
      region: fc.constantFrom('华东', '华南', '西部', BLANK),
      product: fc.constantFrom('云平台', '数据服务', 'A', BLANK),
      rep: fc.constantFrom('销售1', '销售2', '张三', BLANK),
      ranks: fc.tuple(
        fc.option(fc.integer({ min: 1, max: 3 })),
        fc.option(fc.integer({ min: 1, max: 3 })),
        fc.option(fc.integer({ min: 1, max: 3 })),
      ),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((leaves) => {
    const rows = new Map<string, KpiRow>();
    for (const l of leaves) {
      const groups: Group[] = [
        { region: l.region },
        { region: l.region, product: l.product },
        { region: l.region, product: l.product, rep: l.rep },
      ];
      groups.forEach((g, d) => {
        const k = keysOf(g)[d]!;
        if (!rows.has(k)) rows.set(k, row(g, l.ranks[d] ?? null));
      });
    }
    return [...rows.values()];
  });

describe('the reading order of a breakdown', () => {
  it('as a tree is the sorted order, whatever order the rows come in', () => {
    fc.assert(
      fc.property(tree, fc.integer(), (rows, seed) => {
        // Shuffled: the tree does not depend on the order it is given.
        const shuffled = [...rows].sort(
          (a, b) =>
            ((keysOf(a.group).join() + seed).length % 3) - ((keysOf(b.group).join() + seed).length % 3),
        );
        const t = byRankTree(shuffled, by, BLANK, keysOf);
        expect(t).toBeDefined();
        expect(names(t!)).toEqual(names(byRank(rows, by, BLANK)));
      }),
      { numRuns: 500 },
    );
  });

  it('puts the blank group last and rows without a rank after the ranked ones', () => {
    const rows = [
      row({ region: BLANK }, 1),
      row({ region: '华南' }, null),
      row({ region: '华东' }, 2),
      row({ region: '西部' }, 1),
      row({ region: '华东', product: 'A' }, 1),
    ];
    expect(names(byRankTree(rows, by, BLANK, keysOf)!)).toEqual([
      '西部//',
      '华东//',
      '华东/A/',
      '华南//',
      `${BLANK}//`,
    ]);
  });

  it('steps aside for a row without its parent row, a group twice, or siblings it cannot tell apart', () => {
    const orphan = [row({ region: '华东' }, 1), row({ region: '华南', product: 'A' }, 1)];
    expect(byRankTree(orphan, by, BLANK, keysOf)).toBeUndefined();
    const twice = [row({ region: '华东' }, 1), row({ region: '华东' }, 2)];
    expect(byRankTree(twice, by, BLANK, keysOf)).toBeUndefined();
    // U+0000 is ignorable to the collator: 华东 and 华东\u0000 compare equal, with the same rank.
    const tied = [row({ region: '华东' }, 1), row({ region: '华东\u0000' }, 1)];
    expect(byRankTree(tied, by, BLANK, keysOf)).toBeUndefined();
    expect(byRankTree([row({ region: '华东' }, 1)], by, BLANK, keysOf)).toBeDefined();
  });
});
