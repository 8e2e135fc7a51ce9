// Actor network: nodes are actors, edges coded interactions weighted by count.
import { getJSON, params } from './api.js';
import { esc } from './labels.js';

const SECTOR_COLORS = { GOV: '#2b6cb0', MIL: '#9b2c2c', REB: '#dd6b20', OPP: '#d69e2e', CVL: '#718096',
  IGO: '#2c7a7b', NGO: '#38a169', MED: '#805ad5', COP: '#4a5568', EDU: '#b7791f' };

export class ActorNetwork {
  /** @param {HTMLElement} el  @param {(key: string) => void} onPick called with an actor key */
  constructor(el, onPick) { this.el = el; this.onPick = onPick; }

  async show(filter) {
    const el = this.el; el.innerHTML = '<div class="empty">…</div>';
    let data;
    try { data = await getJSON('/api/actors', params(filter, { top: 60 })); } catch (err) {
      el.innerHTML = `<div class="empty">${esc(err.message)}</div>`; return;
    }
    el.innerHTML = '';
    const nodes = new Map(data.actors.map((a) => [a.key, { ...a, id: a.key }]));
    for (const p of data.pairs) {
      for (const k of [p.source, p.target]) if (!nodes.has(k)) nodes.set(k, { id: k, key: k, label: k, total: p.n });
    }
    const links = data.pairs.filter((p) => p.source !== p.target).map((p) => ({ ...p }));
    if (!nodes.size) { el.innerHTML = '<div class="empty">No actors</div>'; return; }
    const width = el.clientWidth || 900; const height = el.clientHeight || 600;
    const svg = d3.select(el).append('svg').attr('viewBox', `0 0 ${width} ${height}`);
    const g = svg.append('g');
    svg.call(d3.zoom().scaleExtent([0.3, 5]).on('zoom', (ev) => g.attr('transform', ev.transform)));
    const maxN = d3.max(links, (l) => l.n) || 1;
    const link = g.append('g').selectAll('line').data(links).join('line')
      .attr('stroke', (l) => (l.cooperation >= l.conflict ? '#238b45' : '#cb181d'))
      .attr('stroke-opacity', 0.7).attr('stroke-width', (l) => 1 + 6 * Math.sqrt(l.n / maxN));
    link.append('title').text((l) => `${l.source} → ${l.target}: ${l.n} (cooperation ${l.cooperation}, conflict ${l.conflict})`);
    const maxT = d3.max([...nodes.values()], (d) => d.total) || 1;
    const radius = (d) => 5 + 16 * Math.sqrt((d.total || 1) / maxT);
    const node = g.append('g').selectAll('g').data([...nodes.values()]).join('g').attr('class', 'node');
    node.append('circle').attr('r', radius).attr('fill', (d) => SECTOR_COLORS[d.sector] || '#a0aec0')
      .on('click', (ev, d) => this.onPick(d.key));
    const label = node.append('text').attr('x', (d) => radius(d) + 3).attr('direction', 'ltr');
    label.append('tspan').attr('dy', -2).style('font-weight', 'bold').text((d) => d.text || d.key);
    label.append('tspan').attr('x', (d) => radius(d) + 3).attr('dy', 13).attr('fill', '#6b7482')
      .text((d) => [d.label, d.country].filter(Boolean).join(', '));
    node.append('title').text((d) => [d.text, d.label, d.country, d.sector, `${d.total} events`].filter(Boolean).join(' · '));
    const sim = d3.forceSimulation([...nodes.values()])
      .force('link', d3.forceLink(links).id((d) => d.id).distance(150).strength(0.15))
      .force('charge', d3.forceManyBody().strength(-500))
      .force('center', d3.forceCenter(width / 2, height / 2))
      .force('collide', d3.forceCollide().radius((d) => radius(d) + 4))
      .force('x', d3.forceX(width / 2).strength(0.05))
      .force('y', d3.forceY(height / 2).strength(0.08))
      .on('tick', () => {
        for (const d of nodes.values()) { // keep every node inside the frame
          d.x = Math.max(30, Math.min(width - 160, d.x)); d.y = Math.max(20, Math.min(height - 24, d.y));
        }
        link.attr('x1', (l) => l.source.x).attr('y1', (l) => l.source.y).attr('x2', (l) => l.target.x).attr('y2', (l) => l.target.y);
        node.attr('transform', (d) => `translate(${d.x},${d.y})`);
      });
    node.call(d3.drag()
      .on('start', (ev, d) => { if (!ev.active) sim.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
      .on('drag', (ev, d) => { d.fx = ev.x; d.fy = ev.y; })
      .on('end', (ev, d) => { if (!ev.active) sim.alphaTarget(0); d.fx = null; d.fy = null; }));
  }
}
