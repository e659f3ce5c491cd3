/**
 * The colours of the traffic light, one set for every output: the fill of a status cell in the xlsx report, the
 * bars of the pack's achievement chart and its status cells. Light fills (Excel's "good / neutral / bad" cell
 * styles) with a dark ink of the same hue for text and outlines; in black-and-white print the status word's
 * marker (● ▲ ▼) and the chart's patterns tell them apart.
 */
import type { Status } from './result.js';

export interface StatusColour {
  /** Background of a cell, fill of a bar: #rrggbb. */
  fill: string;
  /** Text and outline on that fill: #rrggbb. */
  ink: string;
}

const GOOD: StatusColour = { fill: '#C6EFCE', ink: '#006100' };
const WARN: StatusColour = { fill: '#FFEB9C', ink: '#9C5700' };
const BAD: StatusColour = { fill: '#FFC7CE', ink: '#9C0006' };

export const STATUS_COLOURS: Record<Exclude<Status, null>, StatusColour> = {
  'on-track': GOOD,
  met: GOOD,
  'at-risk': WARN,
  'off-track': BAD,
  'not-met': BAD,
};
