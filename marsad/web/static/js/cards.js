// Event cards: one coded event, its parties, place, date, counts and evidence link.
import { count, esc, party, typeColor, typeTag, STATUSES } from './labels.js';

/** HTML of a card for a flat event row (from /api/events). */
export function flatCard(e) {
  const facts = [
    e.event_date && `<span dir="ltr">${esc(e.event_date)}</span>${e.date_inferred ? ' <span class="en">(publication date)</span>' : ''}`,
    (e.place_text || e.place_name_en) && `في ${party(e.place_text, e.place_name_en, e.country_code)}`,
    e.fatalities != null && `قتلى <span class="en">killed</span> ${count(e.fatalities, e.fatalities_qualifier)}`,
    e.injuries != null && `جرحى <span class="en">injured</span> ${count(e.injuries, e.injuries_qualifier)}`,
    e.arrests != null && `معتقلون <span class="en">arrested</span> ${count(e.arrests, e.arrests_qualifier)}`,
    e.status && e.status !== 'reported' && `${esc(STATUSES[e.status] || '')} <span class="en">${esc(e.status)}</span>`,
  ].filter(Boolean).join(' · ');
  const href = `#/article/${encodeURIComponent(e.doc_id)}?event=${encodeURIComponent(e.event_id)}`;
  return `<div class="card" data-event="${esc(e.event_id)}" style="border-inline-start-color:${typeColor(e.event_type)}">
    <div class="head">${typeTag(e.event_type)}<span class="en">${esc(e.mode || '')} · CAMEO ${esc(e.cameo_root || '?')} · conf. ${(+e.confidence || 0).toFixed(2)}</span></div>
    <div class="who">${party(e.actor_text, e.actor_label_en, e.actor_country)} ← ${party(e.recipient_text, e.recipient_label_en, e.recipient_country)}</div>
    <div class="facts">${facts}</div>
    <div class="sent">${esc(e.sentence_text || '')}</div>
    <div class="links"><a href="${href}" class="evidence">الدليل في المقال <span class="en">evidence in article</span></a>
      ${e.title ? `<span class="en">${esc(e.title)}</span>` : ''}</div>
  </div>`;
}

/** Flatten a contract event object (article record) into the row shape flatCard reads. */
export function flattenEvent(ev, docId) {
  const who = (p, ent) => ({
    [`${p}_text`]: ent && ent.text, [`${p}_label_en`]: ent && ent.label_en, [`${p}_country`]: ent && ent.country,
  });
  const loc = ev.location || {};
  const n = (o) => (o ? [o.value, o.qualifier] : [null, null]);
  const [f, fq] = n(ev.fatalities); const [i, iq] = n(ev.injuries); const [a, aq] = n(ev.arrests);
  return {
    event_id: ev.event_id, doc_id: docId, event_type: ev.event_type, mode: ev.mode, cameo_root: ev.cameo_root,
    confidence: ev.confidence, status: ev.status, event_date: ev.date, date_inferred: ev.date_inferred,
    ...who('actor', ev.actor), ...who('recipient', ev.recipient),
    place_text: loc.text, place_name_en: loc.name_en, country_code: loc.country_code,
    fatalities: f, fatalities_qualifier: fq, injuries: i, injuries_qualifier: iq, arrests: a, arrests_qualifier: aq,
    sentence_text: ev.sentence && ev.sentence.text,
  };
}
