// Arabic and English labels and colours for PLOVER types, CAMEO quads and statuses.
// Quad of each type follows marsad/events/ontology.py (CAMEO root -> quad).

export const QUADS = {
  verbal_cooperation: { ar: 'تعاون لفظي', en: 'Verbal cooperation', color: '#74c476' },
  material_cooperation: { ar: 'تعاون مادي', en: 'Material cooperation', color: '#238b45' },
  verbal_conflict: { ar: 'نزاع لفظي', en: 'Verbal conflict', color: '#fd8d3c' },
  material_conflict: { ar: 'نزاع مادي', en: 'Material conflict', color: '#cb181d' },
};

export const TYPES = {
  REQUEST: { ar: 'طلب', quad: 'verbal_cooperation', color: '#a1d99b' },
  AGREE: { ar: 'اتفاق', quad: 'verbal_cooperation', color: '#74c476' },
  CONSULT: { ar: 'تشاور', quad: 'verbal_cooperation', color: '#41ab5d' },
  SUPPORT: { ar: 'دعم', quad: 'verbal_cooperation', color: '#86b86b' },
  COOPERATE: { ar: 'تعاون', quad: 'material_cooperation', color: '#238b45' },
  AID: { ar: 'مساعدة', quad: 'material_cooperation', color: '#006d2c' },
  CONCEDE: { ar: 'تنازل', quad: 'material_cooperation', color: '#1b9e77' },
  RETREAT: { ar: 'انسحاب', quad: 'material_cooperation', color: '#0b7a75' },
  ACCUSE: { ar: 'اتهام', quad: 'verbal_conflict', color: '#fdae6b' },
  REJECT: { ar: 'رفض', quad: 'verbal_conflict', color: '#fd8d3c' },
  THREATEN: { ar: 'تهديد', quad: 'verbal_conflict', color: '#e6550d' },
  PROTEST: { ar: 'احتجاج', quad: 'verbal_conflict', color: '#d4a017' },
  MOBILIZE: { ar: 'حشد', quad: 'material_conflict', color: '#8c2d04' },
  SANCTION: { ar: 'عقوبات', quad: 'material_conflict', color: '#ae017e' },
  COERCE: { ar: 'إكراه', quad: 'material_conflict', color: '#7a0177' },
  ASSAULT: { ar: 'هجوم', quad: 'material_conflict', color: '#cb181d' },
};

export const STATUSES = {
  reported: 'وقع', planned: 'مُخطَّط', hypothetical: 'افتراضي', negated: 'منفي',
};

export const typeColor = (t) => (TYPES[t] || {}).color || '#888';

/** Escape text for innerHTML. */
export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A coloured "هجوم · ASSAULT" tag. */
export function typeTag(t) {
  const ar = (TYPES[t] || {}).ar || '';
  return `<span class="type-tag" style="background:${typeColor(t)}">${esc(ar)} <span class="en">${esc(t)}</span></span>`;
}

/** Arabic text of a party with its English label and country beside it. */
export function party(text, label, country) {
  if (!text && !label) return '<span class="en">—</span>';
  const en = [label, country].filter(Boolean).join(', ');
  return `${esc(text || '')}${en ? ` <span class="en">${esc(en)}</span>` : ''}`;
}

/** "≥14" style count (HTML, isolated left-to-right) from a value and its qualifier. */
export function count(value, qualifier) {
  if (value === null || value === undefined) return '';
  const sign = { min: '≥', max: '≤', approx: '~' }[qualifier] || '';
  return `<bdi dir="ltr">${sign}${value}</bdi>`;
}
