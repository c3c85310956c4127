// The answer before the table: the chosen indicator for the republic (or the sum of the regions
// it is made of, said as such), its change on the same period of the previous year where the
// figures compare, and the highest and the lowest region.
import type { RegionCoverage, Table, TableColumn } from '../../statistics/index.js';
import { coverageText } from '../../statistics/index.js';
import { html, type SafeHtml } from '../html.js';
import type { Translator } from '../i18n.js';

export interface SummaryInput {
  whole: TableColumn | null;
  parts: { id: string; column: TableColumn | null }[];
  value: (c: Table['columns'][number]) => number | null;
  nameOf: (id: string) => string;
  unit: string;
  gi: number;
  row: string;
  partial: boolean;
  cov: RegionCoverage | null;
  t: Translator;
}

export function summaryOf(s: SummaryInput): SafeHtml {
  const { t } = s;
  const wholeValue = s.whole ? s.value(s.whole) : null;
  const ranked = s.parts
    .map((p) => ({ id: p.id, v: p.column ? s.value(p.column) : null }))
    .filter((p): p is { id: string; v: number } => p.v !== null)
    .sort((a, b) => b.v - a.v);
  const highest = ranked[0];
  const lowest = ranked.length > 1 ? ranked.at(-1) : undefined;
  const c = s.whole?.comparison;
  // No change where the figures do not compare (the region's territory changed in between).
  const compares = c && !c.noData && c.comparable;
  const change = compares ? (c.change[s.row]?.[s.gi] ?? null) : null;
  const percent = compares ? (c.changePercent[s.row]?.[s.gi] ?? null) : null;
  const unit = s.unit ? html` <span class="unit">${s.unit}</span>` : null;
  const sign = (n: number) => (n > 0 ? '+' : '');
  const wholeLabel =
    s.partial && s.cov
      ? t.t('summaryPartial', { coverage: coverageText(s.cov, t.lang) })
      : t.t('summaryRepublic');
  return html`<section class="summary" aria-labelledby="summary-heading">
    <h2 id="summary-heading">${t.t('summary')}</h2>
    <dl>
      ${s.whole ? html`<div class="figure${s.partial ? ' partial' : ''}"><dt>${wholeLabel}</dt><dd><strong>${wholeValue === null ? t.t('noData') : t.number(wholeValue)}</strong>${wholeValue === null ? null : unit}</dd></div>` : null}
      ${change !== null && !s.partial ? html`<div><dt>${t.t('summaryChange')}</dt><dd>${sign(change)}${t.number(change)}${percent !== null ? html` (${sign(percent)}${t.number(percent)} %)` : null}</dd></div>` : null}
      ${highest ? html`<div><dt>${t.t('summaryHighest')}</dt><dd>${s.nameOf(highest.id)}: ${t.number(highest.v)}</dd></div>` : null}
      ${lowest ? html`<div><dt>${t.t('summaryLowest')}</dt><dd>${s.nameOf(lowest.id)}: ${t.number(lowest.v)}</dd></div>` : null}
    </dl>
  </section>`;
}
