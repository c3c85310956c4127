// Search inside the indicators (docs/decisions/0014): the public labels of the latest structure of
// every form (sections, rows, graphs) matched by PostgreSQL full-text search in the label's
// language (Russian and English word forms: "убийство" finds "Убийство (ст.99)"), by trigram
// similarity where there is no dictionary (Kazakh), and by the Criminal Code article a row
// stands for ("ст. 188", "188-бап", "188"). The labels are kept by migration 0013's trigger.
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/index.js';

export interface LabelHit {
  form: string;
  section: string;
  kind: 'section' | 'row' | 'graph';
  code: string;
  /** the label in the language asked for, or in Russian where the structure gives no other */
  label: string;
  labelLang: 'kk' | 'ru' | 'en';
  article: string | null;
  /** found by the article the query names rather than by words */
  byArticle: boolean;
}

/**
 * The Criminal Code article a query names: "ст. 188", "ст.188-1", "статья 188", "188-бап",
 * "бап 188", "art. 188", or a bare number; null otherwise.
 */
export function articleOfQuery(q: string): string | null {
  const text = q.trim().toLowerCase();
  const m =
    /^(?:ст\.?|статья|статьи|статье|бап|бабы|art\.?|article)\s*(\d{1,3}(?:-\d{1,2})?)$/.exec(text) ??
    /^(\d{1,3}(?:-\d{1,2})?)\s*-?\s*(?:бап|бабы|бабында)$/.exec(text) ??
    /^(\d{1,3}(?:-\d{1,2})?)$/.exec(text);
  return m ? m[1]! : null;
}

interface Row {
  form: string;
  section: string;
  kind: LabelHit['kind'];
  code: string;
  lang: LabelHit['labelLang'];
  label: string;
  article: string | null;
  by_article: boolean;
  rank: number;
}

/** The labels matching a query, best first, one hit per (form, section, kind, code). */
export async function searchLabels(
  db: Queryable,
  query: string,
  lang: 'kk' | 'ru' | 'en',
  limit = 80,
): Promise<LabelHit[]> {
  const q = query.trim().slice(0, 200);
  if (q.length < 2 && !/^\d$/.test(q)) return [];
  const article = articleOfQuery(q);
  const { rows } = await sql<Row>`
    WITH latest AS (
      SELECT DISTINCT ON (form) form, valid_from_period FROM stat_structures ORDER BY form, first_day DESC
    ),
    matched AS (
      SELECT l.form, l.section, l.kind, l.code, l.lang, l.label, l.article,
             (${article}::text IS NOT NULL AND l.article = ${article}) AS by_article,
             ts_rank(l.tsv, CASE l.lang
               WHEN 'ru' THEN websearch_to_tsquery('russian'::regconfig, ${q})
               WHEN 'en' THEN websearch_to_tsquery('english'::regconfig, ${q})
               ELSE websearch_to_tsquery('simple'::regconfig, ${q}) END)
               + word_similarity(lower(${q}), lower(l.label)) AS rank
      FROM stat_search_labels l JOIN latest USING (form, valid_from_period)
      WHERE l.public AND (
        (${article}::text IS NOT NULL AND l.article = ${article} AND l.kind = 'row')
        OR l.tsv @@ CASE l.lang
               WHEN 'ru' THEN websearch_to_tsquery('russian'::regconfig, ${q})
               WHEN 'en' THEN websearch_to_tsquery('english'::regconfig, ${q})
               ELSE websearch_to_tsquery('simple'::regconfig, ${q}) END
        OR (l.lang = 'kk' AND lower(${q}) <% lower(l.label))
        OR lower(l.label) LIKE '%' || lower(${q}) || '%'
      )
    ),
    keys AS (
      SELECT form, section, kind, code, bool_or(by_article) AS by_article, max(rank) AS rank
      FROM matched GROUP BY form, section, kind, code
    )
    SELECT k.form, k.section, k.kind, k.code, k.by_article, k.rank, lab.lang, lab.label, lab.article
    FROM keys k
    JOIN latest USING (form)
    CROSS JOIN LATERAL (
      SELECT l.lang, l.label, l.article FROM stat_search_labels l
      WHERE l.form = k.form AND l.valid_from_period = latest.valid_from_period
        AND l.section = k.section AND l.kind = k.kind AND l.code = k.code
      ORDER BY (l.lang = ${lang}) DESC, (l.lang = 'ru') DESC LIMIT 1
    ) lab
    ORDER BY k.by_article DESC, round(k.rank::numeric, 3) DESC, k.form, (k.section !~ '^R') , length(k.section), k.section,
      k.kind, length(k.code), k.code
    LIMIT ${limit}
  `.execute(db);
  return rows.map((r) => ({
    form: r.form,
    section: r.section,
    kind: r.kind,
    code: r.code,
    label: r.label,
    labelLang: r.lang,
    article: r.article,
    byArticle: r.by_article,
  }));
}
