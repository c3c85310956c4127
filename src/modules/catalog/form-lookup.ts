import type { IsoDate } from './common.schema.js';
import type { Catalog } from './catalog.kinds.js';
import type { Form } from './form.schema.js';
import { inUseOn } from './validity.js';

// A form is named by its code as the act writes it (`1-М`), its ASCII slug (`1-m`, any case) or a
// Russian alias (`1-ОЛ`). Look-alike Cyrillic and Latin letters are never folded into each other:
// `1-H` (Latin H) is not `1-Н` (Cyrillic En). A Latin spelling finds a form only through its slug.

const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * The code as compared: Unicode NFC, every dash (‐ ‑ ‒ – — − and the like) as `-`, no `№` sign,
 * no spaces around a dash (the act prints `1 –ЭТ`), inner spaces collapsed, trimmed.
 */
export function normaliseFormCode(text: string): string {
  return text
    .normalize('NFC')
    .replace(DASHES, '-')
    .replace(/^\s*№\s*/u, '')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Case folding that stays within a script: ASCII letters and Cyrillic letters are upper-cased,
 * every other character is left as it is, so that no fold maps one script's letter onto another's
 * (`ı`, `ſ` or the Kelvin sign are not folded into Latin I, S, K).
 */
export function foldFormCodeCase(text: string): string {
  let folded = '';
  for (const character of text) {
    if (/[a-z]/.test(character) || CYRILLIC.test(character)) {
      const upper = character.toUpperCase();
      folded += upper.length === 1 && (/[A-Z]/.test(upper) || CYRILLIC.test(upper)) ? upper : character;
    } else {
      folded += character;
    }
  }
  return folded;
}

/** The key a code, slug or alias is compared by. */
export function formLookupKey(text: string): string {
  return foldFormCodeCase(normaliseFormCode(text));
}

export type FormMatchKind = 'code' | 'slug' | 'printed-code' | 'alias';

export interface FormMatch {
  readonly form: Form;
  readonly matchedBy: FormMatchKind;
}

/** The names a form is found by, in the order they are tried. */
export function formLookupNames(form: Form): { kind: FormMatchKind; name: string }[] {
  const names: { kind: FormMatchKind; name: string }[] = [];
  if (form.code !== null) names.push({ kind: 'code', name: form.code });
  names.push({ kind: 'slug', name: form.slug });
  if (form.codePrinted !== null) names.push({ kind: 'printed-code', name: form.codePrinted });
  for (const alias of form.aliasesRu) names.push({ kind: 'alias', name: alias.alias });
  return names;
}

function matchAmong(forms: readonly Form[], query: string): FormMatch | undefined {
  const key = formLookupKey(query);
  if (key === '') return undefined;
  for (const kind of ['code', 'slug', 'printed-code', 'alias'] as const) {
    for (const form of forms) {
      if (formLookupNames(form).some((name) => name.kind === kind && formLookupKey(name.name) === key)) {
        return { form, matchedBy: kind };
      }
    }
  }
  return undefined;
}

/** The form used on `on` that `query` names, and how it was matched. */
export function matchForm(catalog: Catalog, query: string, on: IsoDate): FormMatch | undefined {
  return matchAmong(inUseOn(catalog, catalog.forms, on), query);
}

/** The form used on `on` that `query` names (code, slug or Russian alias). */
export function findForm(catalog: Catalog, query: string, on: IsoDate): Form | undefined {
  return matchForm(catalog, query, on)?.form;
}

/** Every version, at any date, of the form `query` names: to tell "unknown" from "not in force then". */
export function findFormVersions(catalog: Catalog, query: string): Form[] {
  const match = matchAmong(catalog.forms, query);
  if (!match) return [];
  return catalog.forms.filter((form) => form.id === match.form.id);
}
