// Charts of the HTML report, rendered to SVG text on the server by Apache ECharts (no browser, no script in the
// page). ECharts names its CSS classes and defs after a counter of chart instances in the process (`zr3-cls-0`);
// each chart's prefix is replaced by a fixed name of its own, so the page is byte-identical however many charts
// the process drew before, and the classes of two charts never collide in one page.
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/** Fonts with Chinese glyphs on Windows, macOS and Linux, then the generic family. */
export const CHART_FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export function renderChart(name: string, option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    return chart.renderToSVGString().replace(/\bzr\d+-/g, `${name}-`);
  } finally {
    chart.dispose();
  }
}

/**
 * A label's width in the units ECharts lays out with: a CJK character counts as two Latin ones. Used to give long
 * axis labels room (grid margins, wrapping widths) before they are drawn.
 */
export const textUnits = (text: string): number => [...text].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
