import type { Command } from 'commander';
import { addCommon, type CommandDef, examples, tr } from '../types.js';

export const targetsCommand: CommandDef = {
  name: 'targets',
  define(program, lang, run): Command {
    const d = (en: string, zhCN: string, zhTW: string) => tr(lang, { en, 'zh-CN': zhCN, 'zh-TW': zhTW });
    const cmd = program
      .command('targets')
      .description(
        d(
          'decompose a period target over quarters and months and over regions / teams / reps, with a reserve; writes an xlsx that `salesmeet kpi` reads back as targets',
          '目标分解：把期间目标分解到季度、月份和区域/团队/销售代表，并预留缓冲；输出的 xlsx 可直接作为 `salesmeet kpi` 的目标表',
          '目標分解：把期間目標分解到季度、月份與區域/團隊/業務代表，並預留緩衝；輸出的 xlsx 可直接作為 `salesmeet kpi` 的目標表',
        ),
      )
      .option(
        '--plan <file>',
        d(
          'a YAML plan: total, period, levels (regions → teams → reps) and weights; flags override it',
          'YAML 分解计划：总目标、期间、层级（区域→团队→销售代表）与权重；命令行参数优先',
          'YAML 分解計畫：總目標、期間、層級（區域→團隊→業務代表）與權重；命令列參數優先',
        ),
      )
      .option(
        '--total <amount>',
        d('the company target for the period', '期间的公司总目标', '期間的公司總目標'),
      )
      .option(
        '--unit <unit>',
        d('unit of the amounts, e.g. 万元 or $K', '金额单位，例如 万元', '金額單位，例如 萬元'),
      )
      .option(
        '--period <period>',
        d(
          '2026, 2026-H2, 2026-Q3 or 2026-07',
          '期间：2026、2026-H2、2026-Q3 或 2026-07',
          '期間：2026、2026-H2、2026-Q3 或 2026-07',
        ),
      )
      .option(
        '--by <levels>',
        d(
          'levels to decompose over, top first: region,team,rep,month (default: the levels given)',
          '分解的层级（自上而下）：region,team,rep,month（默认：已给出的层级）',
          '分解的層級（由上而下）：region,team,rep,month（預設：已給出的層級）',
        ),
      )
      .option(
        '--regions <list>',
        d(
          'regions with weights "华东=35,华南=25,…", or names only for an even split',
          '区域及权重 "华东=35,华南=25,…"；只写名称则平均分配',
          '區域及權重 "北區=35,中區=25,…"；只寫名稱則平均分配',
        ),
      )
      .option(
        '--quarters <weights>',
        d(
          'quarter weights "20,25,25,30" (or even)',
          '季度权重 "20,25,25,30"（或 even）',
          '季度權重 "20,25,25,30"（或 even）',
        ),
      )
      .option(
        '--months <weights>',
        d(
          'month weights in order "30,30,40", or "7=30,8=30,…" (or even); within each quarter when --quarters is given',
          '月份权重（按顺序）"30,30,40"，或 "7=30,8=30,…"（或 even）；给出 --quarters 时为季度内权重',
          '月份權重（依序）"30,30,40"，或 "7=30,8=30,…"（或 even）；給出 --quarters 時為季度內權重',
        ),
      )
      .option(
        '--history <file>',
        d(
          'a detail export of the prior period(s): seasonality by month and prior-year shares by region/team/rep; repeatable',
          '上期明细导出：用于按月季节性和上年占比；可重复',
          '上期明細匯出：用於按月季節性與上年佔比；可重複',
        ),
        (v: string, prev: string[] = []) => [...prev, v],
      )
      .option('--floor <amount>', d('minimum target of every month', '每月目标下限', '每月目標下限'))
      .option(
        '--reserve <margin>',
        d(
          'assign this much more than the company target, e.g. 10%',
          '超额分配比例（预留缓冲），例如 10%',
          '超額分配比例（預留緩衝），例如 10%',
        ),
      )
      .option(
        '--precision <digits>',
        d(
          'decimals of the targets: 0, 1 or 2 (default: 2 for 万元, else 0)',
          '目标保留的小数位：0、1 或 2（默认：万元为 2，其余为 0）',
          '目標保留的小數位：0、1 或 2（預設：萬元為 2，其餘為 0）',
        ),
      )
      .option(
        '--format <format>',
        d(
          'table (default on screen), xlsx, yaml or json (default: from --out)',
          '输出格式：table（屏幕默认）、xlsx、yaml 或 json（默认按 --out 扩展名）',
          '輸出格式：table（螢幕預設）、xlsx、yaml 或 json（預設依 --out 副檔名）',
        ),
      )
      .option(
        '-o, --out <file>',
        d(
          'write the result to this file (.xlsx, .yaml or .json); refuses to overwrite without --force',
          '写入此文件（.xlsx、.yaml 或 .json）；已存在时需 --force 才覆盖',
          '寫入此檔案（.xlsx、.yaml 或 .json）；已存在時需 --force 才覆寫',
        ),
      );
    addCommon(cmd, lang, { json: true, dryRun: true, force: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet targets --total 12000 --unit 万元 --period 2026-H2 --regions "华东=35,华南=25,华北=22,西部=18" --reserve 10%',
          'salesmeet targets --total 1200 --period 2026 --quarters 20,25,25,30 --out targets-2026.xlsx',
          'salesmeet targets --plan plan.yaml --out targets-2026-H2.xlsx --lang zh-CN',
          'salesmeet targets --total 12000 --unit 万元 --period 2026-H2 --by region,month --history data/orders.xlsx',
          'salesmeet targets --plan plan.yaml --json',
        ],
        'targets.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
