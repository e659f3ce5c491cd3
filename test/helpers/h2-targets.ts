/**
 * The second-half plan the tests write with `salesmeet targets` (the demo's too): 12,000 万元 for 2026-H2, the
 * regions 35/25/22/18, a 10% reserve. By hand: 13,200 assigned; 华东 13,200 × 35% = 4,620, 华北 × 22% = 2,904;
 * each month 12,000 ÷ 6 = 2,000 (2,200 assigned).
 */
export const H2_TARGETS: readonly string[] = [
  'targets',
  '--total',
  '12000',
  '--unit',
  '万元',
  '--period',
  '2026-H2',
  '--regions',
  '华东=35,华南=25,华北=22,西部=18',
  '--reserve',
  '10%',
];
