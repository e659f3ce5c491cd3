import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let dir: string;
let cleanup: () => void;

/**
 * 60 customers, one order line each in June 2026: 客户01 bought 10, 客户60 bought 600. Three metrics have a row
 * per customer (revenue, orders, average order value): each shows 20, so 3 × 40 = 120 rows are left out.
 */
const CUSTOMERS = 60;
const lines = ['日期,客户,销售额'];
for (let i = 1; i <= CUSTOMERS; i++) lines.push(`2026-06-03,客户${String(i).padStart(2, '0')},${i * 10}`);

beforeAll(() => {
  ({ dir, cleanup } = tempDir('salesmeet-kpi-wide-'));
  writeFileSync(join(dir, 'orders.csv'), `${lines.join('\n')}\n`);
});
afterAll(() => cleanup());

const KPI = ['kpi', 'orders.csv', '--period', '2026-06', '--as-of', '2026-07-01', '--by', 'customer'];

describe('a very wide breakdown in the terminal', () => {
  it.each([
    ['en', '… and 120 more rows — use --format csv|xlsx|json for all'],
    ['zh-CN', '… 另有 120 行未列出——用 --format csv|xlsx|json 查看全部'],
    ['zh-TW', '… 另有 120 列未列出——用 --format csv|xlsx|json 查看全部'],
  ])(
    '%s: the top 20 in rank order, then one line that counts the rest, then the total',
    async (lang, more) => {
      const r = await runIn([...KPI, '--lang', lang], { cwd: dir });
      expect(r.code).toBe(0);
      const out = r.stdout.split('\n');
      const at = out.indexOf(more);
      expect(at).toBeGreaterThan(0);
      // The 20 rows above it (average order value) are the 20 largest customers, largest first.
      const shown = out.slice(at - 20, at).map((l) => l.split(/\s+/)[0]);
      expect(shown).toEqual(
        Array.from({ length: 20 }, (_, i) => `客户${String(CUSTOMERS - i).padStart(2, '0')}`),
      );
      // Above them, the orders block ends with its own 20th row (all customers tie on one order).
      expect(out[at - 21]).toMatch(/^客户20 /);
      // The total follows, over all 60 customers: 10 + 20 + … + 600 = 18,300.
      expect(out[at + 1]).toMatch(/^─/);
      expect(out[at + 2]).toContain('18,300');
      expect(r.stdout).not.toContain('客户40');
    },
  );

  it('csv, json and a table written to a file keep every row', async () => {
    const csv = await runIn([...KPI, '--format', 'csv'], { cwd: dir });
    expect(csv.code).toBe(0);
    for (let i = 1; i <= CUSTOMERS; i++) expect(csv.stdout).toContain(`客户${String(i).padStart(2, '0')}`);
    expect(csv.stdout).not.toContain('more rows');
    const json = await runIn([...KPI, '--json'], { cwd: dir });
    expect(JSON.parse(json.stdout).rows).toHaveLength(3 * CUSTOMERS);
    const file = await runIn([...KPI, '--out', 'kpi.txt'], { cwd: dir });
    expect(file.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(dir, 'kpi.txt'), 'utf8');
    expect(text).toContain('客户01');
    expect(text).not.toContain('more rows');
  });

  it('a breakdown of 50 rows or fewer is not cut', async () => {
    writeFileSync(join(dir, 'fifty.csv'), `${lines.slice(0, 51).join('\n')}\n`);
    const r = await runIn(['kpi', 'fifty.csv', ...KPI.slice(2)], { cwd: dir });
    expect(r.stdout).toContain('客户01');
    expect(r.stdout).not.toContain('more rows');
  });
});
