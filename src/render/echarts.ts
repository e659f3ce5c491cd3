/**
 * The parts of ECharts the charts use (bars, lines, grid, title, legend, aria with decal patterns, mark lines,
 * the SVG renderer), registered once. The build makes this its own script, dist/echarts.cjs, which the CLI
 * loads with a code cache only when a document with charts is built (tsup.config.ts): about half the code of
 * ECharts' full build, so half to compile and to set up at start.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  GridComponent,
  TitleComponent,
  LegendComponent,
  AriaComponent,
  MarkLineComponent,
  SVGRenderer,
]);

export { init };
