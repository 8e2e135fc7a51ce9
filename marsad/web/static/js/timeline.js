// Events per day stacked by CAMEO quad; brushing a range filters the other views.
import { QUADS } from './labels.js';

const ORDER = ['material_conflict', 'verbal_conflict', 'verbal_cooperation', 'material_cooperation'];

export class Timeline {
  /** @param {HTMLElement} el  @param {(from: string|null, to: string|null) => void} onBrush */
  constructor(el, legendEl, onBrush) {
    this.el = el; this.onBrush = onBrush;
    legendEl.innerHTML = ORDER.map((q) => `<span><i class="sw" style="background:${QUADS[q].color}"></i>${QUADS[q].ar} <span class="en">${QUADS[q].en}</span></span>`).join('');
  }

  /** Draw ``per_day`` rows ({date, quad, n}); ``range`` is the selected [from, to] or null. */
  show(perDay, range) {
    const el = this.el; el.innerHTML = '';
    const width = el.clientWidth || 500; const height = 200;
    const m = { top: 8, right: 26, bottom: 22, left: 36 };
    const parse = d3.utcParse('%Y-%m-%d'); const fmt = d3.utcFormat('%Y-%m-%d');
    const days = new Map();
    for (const r of perDay) {
      const row = days.get(r.date) || { date: parse(r.date) };
      row[r.quad || 'unknown'] = (row[r.quad || 'unknown'] || 0) + r.n; days.set(r.date, row);
    }
    const rows = [...days.values()].sort((a, b) => a.date - b.date);
    const svg = d3.select(el).append('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('direction', 'ltr');
    if (!rows.length) {
      svg.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').text('No dated events');
      return;
    }
    // At least two weeks wide, so a single day reads as a bar, not an axis of hours.
    let first = rows[0].date; let last = d3.utcDay.offset(rows[rows.length - 1].date, 1);
    const spare = 14 - d3.utcDay.count(first, last);
    if (spare > 0) { first = d3.utcDay.offset(first, -Math.floor(spare / 2)); last = d3.utcDay.offset(last, Math.ceil(spare / 2)); }
    const x = d3.scaleUtc().domain([first, last]).range([m.left, width - m.right]);
    const stack = d3.stack().keys(ORDER).value((d, k) => d[k] || 0)(rows);
    const y = d3.scaleLinear().domain([0, d3.max(stack, (s) => d3.max(s, (d) => d[1])) || 1]).nice()
      .range([height - m.bottom, m.top]);
    const bw = Math.max(1, (x(d3.utcDay.offset(first, 1)) - x(first)) - 1);
    svg.append('g').selectAll('g').data(stack).join('g').attr('fill', (s) => QUADS[s.key].color)
      .selectAll('rect').data((s) => s).join('rect')
      .attr('x', (d) => x(d.data.date)).attr('width', bw)
      .attr('y', (d) => y(d[1])).attr('height', (d) => Math.max(0, y(d[0]) - y(d[1])));
    svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - m.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))).tickSizeOuter(0)
        .tickFormat((d) => (d3.utcMonth(d) < d ? d3.utcFormat('%d %b')(d) : d3.utcFormat('%b %Y')(d))));
    svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`)
      .call(d3.axisLeft(y).ticks(4, '~s'));
    const brush = d3.brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
      .on('end', (ev) => {
        if (!ev.sourceEvent) return; // programmatic move
        if (!ev.selection) { this.onBrush(null, null); return; }
        const [a, b] = ev.selection.map(x.invert);
        this.onBrush(fmt(d3.utcDay.floor(a)), fmt(d3.utcDay.offset(d3.utcDay.ceil(b), -1)));
      });
    const gb = svg.append('g').attr('class', 'brush').call(brush);
    if (range && (range[0] || range[1])) {
      const a = range[0] ? parse(range[0]) : first; const b = range[1] ? d3.utcDay.offset(parse(range[1]), 1) : last;
      gb.call(brush.move, [Math.max(x(a), m.left), Math.min(x(b), width - m.right)]);
    }
  }
}
