// Charts of the HTML report, rendered to SVG text on the server by Apache ECharts (no browser, no script in the
// page). ECharts names its CSS classes and defs after counters that run over the whole process (`zr3-cls-42`);
// each chart's names are replaced by a fixed prefix of its own and numbered from 0, so the page is byte-identical
// however many charts the process drew before, and the classes of two charts never collide in one page.
import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';

// Loaded by the first chart drawn, not by every command: ECharts alone is about 43 MB of the command line's memory.
let charting: typeof import('echarts') | undefined;
const echarts = () => (charting ??= createRequire(import.meta.url)('echarts') as typeof import('echarts'));

/**
 * Fonts with Chinese glyphs on Windows, macOS and Linux, then the generic family. Single quotes: ECharts writes the
 * family into a double-quoted style attribute without escaping it.
 */
export const CHART_FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

export function renderChart(name: string, option: EChartsOption, width: number, height: number): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    // Class and def names (`zr3-cls-42`, `zr3-clip-7`) count over the whole process: renamed and renumbered in
    // order of first use within this chart.
    const renamed = new Map<string, string>();
    const perKind = new Map<string, number>();
    return chart.renderToSVGString().replace(/\bzr\d+-([a-z]+)-(\d+)\b/g, (whole, kind: string) => {
      let name_ = renamed.get(whole);
      if (name_ === undefined) {
        const n = perKind.get(kind) ?? 0;
        perKind.set(kind, n + 1);
        renamed.set(whole, (name_ = `${name}-${kind}-${n}`));
      }
      return name_;
    });
  } finally {
    chart.dispose();
  }
}

/**
 * A label's width in the units ECharts lays out with: a CJK character counts as two Latin ones. Used to give long
 * axis labels room (grid margins, wrapping widths) before they are drawn.
 */
export const textUnits = (text: string): number => [...text].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
