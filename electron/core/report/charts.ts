import { h, type Markup } from './markup';

/** Inline SVG charts built with the escaping builder: presentation attributes and classes only (no style attributes, which the CSP forbids). */

export interface Bar {
  label: string;
  value: number;
  /** CSS class for the bar (e.g. sev-high); colours live in the report's one stylesheet. */
  className?: string;
}

export function columnChart(title: string, bars: Bar[], width = 420, height = 200): Markup {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const pad = { top: 20, bottom: 36, left: 8, right: 8 };
  const slot = (width - pad.left - pad.right) / Math.max(1, bars.length);
  const plot = height - pad.top - pad.bottom;
  return h(
    'svg',
    { class: 'chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title },
    h('title', null, title),
    bars.map((b, i) => {
      const bh = Math.round((b.value / max) * plot);
      const x = pad.left + i * slot + slot * 0.15;
      const y = pad.top + plot - bh;
      return h(
        'g',
        null,
        h('rect', { x: x.toFixed(1), y, width: (slot * 0.7).toFixed(1), height: bh, class: b.className ?? 'bar' }),
        h('text', { x: (x + slot * 0.35).toFixed(1), y: y - 4, 'text-anchor': 'middle', class: 'chart-value' }, b.value),
        h('text', { x: (x + slot * 0.35).toFixed(1), y: height - pad.bottom + 16, 'text-anchor': 'middle', class: 'chart-label' }, b.label),
      );
    }),
  );
}

export function barChart(title: string, bars: Bar[], width = 640): Markup {
  const rowH = 22;
  const labelW = 200;
  const height = Math.max(1, bars.length) * rowH + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = width - labelW - 50;
  return h(
    'svg',
    { class: 'chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title },
    h('title', null, title),
    bars.map((b, i) => {
      const y = 4 + i * rowH;
      const w = Math.max(1, Math.round((b.value / max) * span));
      return h(
        'g',
        null,
        h('text', { x: labelW - 6, y: y + 14, 'text-anchor': 'end', class: 'chart-label' }, b.label),
        h('rect', { x: labelW, y: y + 3, width: w, height: rowH - 8, class: b.className ?? 'bar' }),
        h('text', { x: labelW + w + 4, y: y + 14, class: 'chart-value' }, b.value),
      );
    }),
  );
}
