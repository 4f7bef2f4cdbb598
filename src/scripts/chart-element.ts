/**
 * <nb-chart data-chart="{…}"><canvas role="img" aria-label="…"></canvas></nb-chart>
 *
 * Draws its chart when it comes near the viewport. chart.js is loaded then, by a dynamic import,
 * so a page downloads it only if a chart is about to be seen. The table under the chart holds the
 * same numbers and stays the truth when this never runs.
 */
import type { StyledChartData } from '../lib/site/chart-presentation.ts';

class NbChart extends HTMLElement {
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    if (this.#observer || this.dataset.state === 'drawn') return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#observer?.disconnect();
        void this.#draw();
      },
      { rootMargin: '300px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  async #draw(): Promise<void> {
    const canvas = this.querySelector('canvas');
    const json = this.dataset.chart;
    if (!canvas || !json) return;
    this.dataset.state = 'loading';
    const { drawChart } = await import('./chart-draw.ts');
    drawChart(canvas, JSON.parse(json) as StyledChartData);
    this.dataset.state = 'drawn';
  }
}

if (!customElements.get('nb-chart')) customElements.define('nb-chart', NbChart);
