import { BarChart, HeatmapChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  HeatmapChart,
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type EChartsOption = echarts.EChartsCoreOption;

/** One ECharts chart in a div; `onClick` gets the clicked item's data. */
export function EChart(props: {
  option: EChartsOption;
  height: number;
  onClick?: (data: unknown) => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { onClick } = props;
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current);
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(props.option, true);
    chart.current?.resize();
  }, [props.option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const handler = (p: { data?: unknown }) => onClick(p.data);
    c.on("click", handler);
    return () => {
      c.off("click", handler);
    };
  }, [onClick]);
  return <div ref={ref} style={{ width: "100%", height: props.height }} data-testid={props.testId} />;
}
