/**
 * The stages of opportunity exports as read, for the funnel: per stage name (as written in the sheet) and close
 * date, the deals, their amounts and their weighted amounts. A row costs two map look-ups (its stage, then its
 * date within the stage) and a few additions to arrays of numbers; which dates count is decided at compute time,
 * when the period is known (`core/kpi/funnel.ts`).
 */
import type { When } from '../values.js';
import type { StageVerdict } from './stages.js';

export class StageTable {
  /** Stage names as written, in order of first appearance. */
  readonly names: string[] = [];
  readonly verdicts: StageVerdict[] = [];
  /** Per stage: probabilities (fractions) of its deals that have one, summed and counted. */
  readonly probSum: number[] = [];
  readonly probCount: number[] = [];
  /** Per cell (one stage and one close date): the stage, the date, deals, amounts and weighted amounts. */
  readonly cellStage: number[] = [];
  readonly cellWhen: (When | null)[] = [];
  readonly deals: number[] = [];
  readonly amount: number[] = [];
  /** Deals with an amount: a stage whose deals have none has no amount (—), not 0. */
  readonly amountDeals: number[] = [];
  readonly weighted: number[] = [];
  readonly weightedDeals: number[] = [];
  /** Some sheet has an amount column / a probability column. */
  hasAmount = false;
  hasProbability = false;
  private index = new Map<string, number>();
  private cells: Map<number | string | null, number>[] = [];

  /** The index of a stage (as written), added on first sight with its verdict. */
  stage(name: string, verdict: StageVerdict): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(name, i);
      this.names.push(name);
      this.verdicts.push(verdict);
      this.probSum.push(0);
      this.probCount.push(0);
      this.cells.push(new Map());
    }
    return i;
  }

  /** One deal of stage `s` closing (or expected to close) on `when`; null amount or probability: none given. */
  add(s: number, when: When | null, amount: number | null, probability: number | null): void {
    const key = when === null ? null : when.kind === 'day' ? when.day : when.month;
    const cells = this.cells[s]!;
    let c = cells.get(key);
    if (c === undefined) {
      c = this.deals.length;
      cells.set(key, c);
      this.cellStage.push(s);
      this.cellWhen.push(when);
      this.deals.push(0);
      this.amount.push(0);
      this.amountDeals.push(0);
      this.weighted.push(0);
      this.weightedDeals.push(0);
    }
    this.deals[c]!++;
    if (amount !== null) {
      this.amount[c]! += amount;
      this.amountDeals[c]!++;
      if (probability !== null) {
        this.weighted[c]! += amount * probability;
        this.weightedDeals[c]!++;
      }
    }
    if (probability !== null) {
      this.probSum[s]! += probability;
      this.probCount[s]!++;
    }
  }
}
