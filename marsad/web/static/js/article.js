// Article view: the clean text with entities, places, times and triggers highlighted.
import { esc, typeTag } from './labels.js';
import { flatCard, flattenEvent } from './cards.js';

const join = (...xs) => xs.filter((x) => x !== null && x !== undefined && x !== '').join(' · ');

/** Every annotation of a record as {start, end, cls, tip, event?}. */
function annotations(rec, focusId) {
  const out = [];
  for (const e of rec.entities || []) {
    out.push({ start: e.start, end: e.end, cls: 'ent', tip: join(`${e.type} ${e.label_en || ''}`, e.country, e.sector, e.actor_id, e.wikidata) });
  }
  for (const p of rec.places || []) {
    const ll = p.latitude != null ? `${p.latitude}, ${p.longitude}` : null;
    out.push({ start: p.start, end: p.end, cls: 'place', tip: join(`PLACE ${p.name_en || ''}`, p.country_code, p.geonameid && `GeoNames ${p.geonameid}`, ll, p.feature) });
  }
  for (const t of rec.times || []) {
    out.push({ start: t.start, end: t.end, cls: 'time', tip: join(`TIME ${t.value || '?'}`, t.granularity) });
  }
  for (const ev of rec.events || []) {
    const tip = join(`EVENT ${ev.event_type}`, ev.mode, ev.cameo_root && `CAMEO ${ev.cameo_root}`, ev.status, ev.date, `conf. ${ev.confidence}`);
    if (ev.trigger) out.push({ start: ev.trigger.start, end: ev.trigger.end, cls: 'trigger', tip, event: ev.event_id, main: true });
    for (const s of ev.mentions || []) {
      if (!ev.trigger || s.start !== ev.trigger.start) out.push({ start: s.start, end: s.end, cls: 'trigger', tip, event: ev.event_id });
    }
    if (ev.event_id === focusId && ev.sentence) out.push({ start: ev.sentence.start, end: ev.sentence.end, cls: 'sent-focus', tip: null });
  }
  return out.filter((a) => a.end > a.start);
}

/** HTML of ``text`` with annotations as flat segments (overlaps are split); a trigger's first segment gets id trig-EVENT. */
export function highlightText(text, anns) {
  const cuts = new Set([0, text.length]);
  for (const a of anns) { cuts.add(Math.max(0, a.start)); cuts.add(Math.min(text.length, a.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const seenTrigger = new Set();
  let html = '';
  for (let i = 0; i < points.length - 1; i += 1) {
    const [s, e] = [points[i], points[i + 1]];
    const cover = anns.filter((a) => a.start <= s && a.end >= e);
    const piece = esc(text.slice(s, e));
    if (!cover.length) { html += piece; continue; }
    const cls = [...new Set(cover.map((a) => a.cls))].join(' ');
    const tip = [...new Set(cover.map((a) => a.tip).filter(Boolean))].join('\n');
    const ev = cover.find((a) => a.main) || cover.find((a) => a.event);
    let id = '';
    if (ev && ev.main && !seenTrigger.has(ev.event)) { seenTrigger.add(ev.event); id = ` id="trig-${esc(ev.event)}"`; }
    html += `<span class="ann ${cls}"${id}${ev ? ` data-event="${esc(ev.event)}"` : ''}${tip ? ` data-tip="${esc(tip)}"` : ''}>${piece}</span>`;
  }
  return html;
}

/** Render an article record into the given elements; scroll to ``focusId``'s trigger. */
export function renderArticle(rec, { metaEl, textEl, eventsEl }, focusId) {
  const pub = rec.published ? `<span dir="ltr">${esc(rec.published)}</span>` : '';
  metaEl.innerHTML = `<h1>${esc(rec.title || '')}</h1>
    <div class="facts">${join(pub, rec.source && esc(rec.source), rec.url && `<a href="${esc(rec.url)}" rel="noopener" dir="ltr">${esc(rec.url)}</a>`)}
    <span class="en"> · doc ${esc(rec.doc_id)} · ${(rec.events || []).length} events, ${(rec.entities || []).length} entities, ${(rec.places || []).length} places, ${(rec.times || []).length} times</span></div>`;
  textEl.innerHTML = highlightText(rec.text || '', annotations(rec, focusId));
  eventsEl.innerHTML = (rec.events || []).length
    ? rec.events.map((ev) => flatCard(flattenEvent(ev, rec.doc_id))).join('')
    : '<div class="empty">لم يُرمَّز أي حدث <span class="en">No events coded</span></div>';
  eventsEl.querySelectorAll('.card').forEach((card) => {
    if (card.dataset.event === focusId) {
      card.classList.add('focus');
      const box = eventsEl.closest('aside') || eventsEl;
      box.scrollTop = card.offsetTop - box.offsetTop - 40;
    }
    card.querySelector('.evidence').addEventListener('click', (ev) => {
      ev.preventDefault(); focusTrigger(textEl, card.dataset.event);
      eventsEl.querySelectorAll('.card').forEach((c) => c.classList.toggle('focus', c === card));
    });
  });
  if (focusId) focusTrigger(textEl, focusId);
}

function focusTrigger(textEl, eventId) {
  const el = textEl.querySelector(`#trig-${CSS.escape(eventId)}`);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.classList.remove('flash'); void el.offsetWidth; el.classList.add('flash');
}

/** Show each annotation's codes in a tooltip on hover. */
export function bindTooltips(root, tooltip) {
  root.addEventListener('mouseover', (ev) => {
    const t = ev.target.closest('[data-tip]');
    if (!t) { tooltip.hidden = true; return; }
    tooltip.textContent = t.dataset.tip; tooltip.hidden = false;
  });
  root.addEventListener('mousemove', (ev) => {
    tooltip.style.left = `${ev.clientX + 12}px`; tooltip.style.top = `${ev.clientY + 14}px`;
  });
  root.addEventListener('mouseleave', () => { tooltip.hidden = true; });
}

export { typeTag };
