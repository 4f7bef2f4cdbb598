/**
 * Draws a ChartData spec with chart.js 4. Only the parts used are registered (bar charts, their
 * scales, legend and tooltip), not chart.js/auto.
 *
 * Series are told apart without colour vision: the Okabe–Ito palette (distinguishable with the
 * common colour-vision deficiencies) plus a different fill pattern for each series, which the
 * legend shows too. No inline styles or eval: chart.js sets styles through the CSSOM, which the
 * strict CSP allows.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { StyledChartData } from '../lib/site/chart-presentation.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Okabe & Ito (2008), "Color Universal Design". */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  '#999999',
];

type Mark = (ctx: CanvasRenderingContext2D, size: number) => void;

const line = (ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number) => {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
};

/** Marks drawn in white over the series colour; the first series stays solid. */
const MARKS: readonly (Mark | null)[] = [
  null,
  (c, s) => {
    line(c, 0, s, s, 0);
    line(c, -s / 2, s / 2, s / 2, -s / 2);
    line(c, s / 2, s * 1.5, s * 1.5, s / 2);
  },
  (c, s) => {
    c.beginPath();
    c.arc(s / 2, s / 2, s / 6, 0, Math.PI * 2);
    c.fill();
  },
  (c, s) => line(c, 0, s / 2, s, s / 2),
  (c, s) => {
    line(c, 0, 0, s, s);
    line(c, 0, s, s, 0);
  },
  (c, s) => line(c, s / 2, 0, s / 2, s),
  (c, s) => {
    line(c, 0, 0, s, s);
    line(c, -s / 2, s / 2, s / 2, s * 1.5);
    line(c, s / 2, -s / 2, s * 1.5, s / 2);
  },
  (c, s) => c.fillRect(s / 4, s / 4, s / 2, s / 2),
  (c, s) => {
    line(c, 0, s / 2, s, s / 2);
    line(c, s / 2, 0, s / 2, s);
  },
];

/** Style `i` (chart-presentation.ts): the i-th colour with the i-th pattern, site-wide. */
function fill(i: number): string | CanvasPattern {
  const colour = PALETTE[i % PALETTE.length]!;
  const mark = MARKS[i % MARKS.length];
  if (!mark) return colour;
  const size = 10;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return colour;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, size, size);
  // Dark marks on light colours, white on dark ones.
  const light = ['#E69F00', '#F0E442', '#56B4E9', '#999999'].includes(colour);
  ctx.strokeStyle = light ? 'rgba(0,0,0,0.7)' : 'rgba(255,255,255,0.85)';
  ctx.fillStyle = ctx.strokeStyle;
  ctx.lineWidth = 2;
  mark(ctx, size);
  return ctx.createPattern(tile, 'repeat') ?? colour;
}

export function drawChart(canvas: HTMLCanvasElement, data: StyledChartData): Chart {
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const style = getComputedStyle(canvas);
  const text = style.color || '#1b1b1b';
  const font = { family: style.fontFamily, size: 13 };
  const valueAxis = data.horizontal ? 'x' : 'y';
  const categoryAxis = data.horizontal ? 'y' : 'x';
  const config: ChartConfiguration<'bar', (number | null)[], string> = {
    type: 'bar',
    data: {
      labels: [...data.labels],
      datasets: data.datasets.map((d) => ({
        label: d.label,
        data: [...d.data],
        ...(d.stack ? { stack: d.stack } : {}),
        backgroundColor: fill(d.style),
        borderColor: '#1b1b1b',
        borderWidth: 1,
      })),
    },
    options: {
      indexAxis: data.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: reduceMotion ? false : { duration: 300 },
      color: text,
      font,
      scales: {
        [categoryAxis]: {
          stacked: data.stacked,
          ticks: { color: text, font },
          grid: { display: false },
        },
        [valueAxis]: {
          stacked: data.stacked,
          beginAtZero: true,
          ticks: { color: text, font, precision: 0 },
          title: { display: true, text: data.unit, color: text, font },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { color: text, font, boxWidth: 16, boxHeight: 12 },
        },
        tooltip: { titleFont: font, bodyFont: font },
      },
    },
  };
  return new Chart(canvas, config);
}
