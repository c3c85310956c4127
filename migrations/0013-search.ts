// Frozen in time: search inside the indicators (docs/decisions/0014). Every public label of every
// form structure (section titles, row and graph labels, in each language it is given in) is a line
// of stat_search_labels, kept by a trigger on stat_structures in the same transaction as the
// structure itself. A line carries its full-text vector in the language's configuration (russian,
// english; `simple` for Kazakh, which PostgreSQL has no dictionary for: trigram similarity finds
// its word forms) and the Criminal Code article the row names ("ст.188", "188-бап", `article`).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    CREATE TABLE stat_search_labels (
      form text NOT NULL,
      valid_from_period text NOT NULL,
      section text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('section', 'row', 'graph')),
      code text NOT NULL,
      lang text NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
      label text NOT NULL,
      article text,
      -- public, or restricted by the structure, its section or the row/graph itself
      public boolean NOT NULL,
      tsv tsvector GENERATED ALWAYS AS (
        CASE lang
          WHEN 'ru' THEN to_tsvector('russian'::regconfig, label)
          WHEN 'en' THEN to_tsvector('english'::regconfig, label)
          ELSE to_tsvector('simple'::regconfig, label)
        END
      ) STORED,
      FOREIGN KEY (form, valid_from_period) REFERENCES stat_structures (form, valid_from_period) ON DELETE CASCADE
    );
    CREATE INDEX stat_search_labels_tsv ON stat_search_labels USING gin (tsv);
    CREATE INDEX stat_search_labels_trgm ON stat_search_labels USING gin (lower(label) gin_trgm_ops);
    CREATE INDEX stat_search_labels_article ON stat_search_labels (article) WHERE article IS NOT NULL;
    CREATE INDEX stat_search_labels_structure ON stat_search_labels (form, valid_from_period);

    -- The article a label names: "(ст.188)", "ст. 188-1", "188-бап", "art. 188".
    CREATE FUNCTION stat_article_of(label text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(
        substring(label from '(?:ст\\.|ст |статья |статьи |art\\. |article )\\s*(\\d+(?:-\\d+)?)'),
        substring(label from '(\\d+(?:-\\d+)?)-бап')
      )
    $$;

    CREATE FUNCTION stat_search_labels_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM stat_search_labels WHERE form = NEW.form AND valid_from_period = NEW.valid_from_period;
      INSERT INTO stat_search_labels (form, valid_from_period, section, kind, code, lang, label, article, public)
      SELECT NEW.form, NEW.valid_from_period, e.section, e.kind, e.code, l.key, l.value, 
             coalesce(e.article, stat_article_of(l.value)), e.public
      FROM (
        SELECT s->>'id' AS section, 'section' AS kind, s->>'id' AS code, s->'title' AS label, NULL::text AS article,
               coalesce(NEW.data->>'access', 'public') = 'public' AND coalesce(s->>'access', 'public') = 'public' AS public
        FROM jsonb_array_elements(NEW.data->'sections') s
        UNION ALL
        SELECT s->>'id', 'row', r->>'code', r->'label', r->>'article',
               coalesce(NEW.data->>'access', 'public') = 'public' AND coalesce(s->>'access', 'public') = 'public'
                 AND coalesce(r->>'access', 'public') = 'public'
        FROM jsonb_array_elements(NEW.data->'sections') s, jsonb_array_elements(s->'rows') r
        UNION ALL
        SELECT s->>'id', 'graph', g->>'n', g->'label', NULL,
               coalesce(NEW.data->>'access', 'public') = 'public' AND coalesce(s->>'access', 'public') = 'public'
                 AND coalesce(g->>'access', 'public') = 'public'
        FROM jsonb_array_elements(NEW.data->'sections') s, jsonb_array_elements(s->'graphs') g
      ) e, jsonb_each_text(e.label) l
      WHERE l.key IN ('kk', 'ru', 'en');
      RETURN NEW;
    END
    $$;
    CREATE TRIGGER stat_structures_search AFTER INSERT OR UPDATE OF data ON stat_structures
      FOR EACH ROW EXECUTE FUNCTION stat_search_labels_refresh();

    -- The structures already loaded.
    UPDATE stat_structures SET data = data;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER stat_structures_search ON stat_structures;
    DROP FUNCTION stat_search_labels_refresh();
    DROP TABLE stat_search_labels;
    DROP FUNCTION stat_article_of(text);
  `.execute(db);
}
