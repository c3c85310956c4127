// Order 25, para 7 (third paragraph) and para 9: a request for copies (screenshots) of
// information accounting documents, of documents and of primary accounting forms is left without
// consideration. Recognised from the structured field `copiesOf` and from the request's text in
// Kazakh, Russian and English, by the words the catalogue lists (catalog/request-rules.yaml,
// `copies-of-documents`): a copy word with a document word, or a marker word (a screenshot) alone.
import type { RequestGround } from '../catalog/index.js';

type Patterns = NonNullable<RequestGround['copyWords']>;

export interface CopiesFinding {
  /** what marked the request: the structured field, or the words found in the text */
  by: 'field' | 'text';
  words: string[];
}

const compiled = new Map<string, RegExp>();

/** A catalogue pattern matched at the start of a word, in any case. */
function wordPattern(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})`, 'iu');
    compiled.set(pattern, re);
  }
  return re;
}

/** The words of the catalogue's patterns (kk, ru, en) found in the text, each at a word's start. */
export function found(text: string, patterns: Patterns | undefined): string[] {
  const words: string[] = [];
  for (const list of [patterns?.kk, patterns?.ru, patterns?.en]) {
    for (const pattern of list ?? []) {
      const match = wordPattern(pattern).exec(text);
      if (match) words.push(wordAt(text, match.index));
    }
  }
  return words;
}

/** The whole word that starts at `index`, as the reader wrote it. */
function wordAt(text: string, index: number): string {
  const rest = text.slice(index);
  return /^[\p{L}\p{N}-]+(?: [\p{L}]+)?/u.exec(rest)?.[0].split(' ')[0] ?? rest.slice(0, 20);
}

export function findCopiesRequest(
  ground: RequestGround,
  request: { copiesOf?: readonly string[]; information?: string },
): CopiesFinding | null {
  const kinds = request.copiesOf?.filter((k) => ground.documentKinds?.includes(k)) ?? [];
  if (kinds.length > 0) return { by: 'field', words: kinds };
  const text = request.information ?? '';
  if (!text.trim()) return null;
  const markers = found(text, ground.markerWords);
  if (markers.length > 0) return { by: 'text', words: markers };
  const copies = found(text, ground.copyWords);
  if (copies.length === 0) return null;
  const documents = found(text, ground.documentWords);
  return documents.length > 0 ? { by: 'text', words: [...copies, ...documents] } : null;
}
