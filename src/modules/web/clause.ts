// A clause of an act as a reader cites it: "Rules, Appendix 2, item 1" rather than the
// catalogue's id ("o25.i.app2.item1"). The ids follow clauses.yaml: `<act>.p<N>[.<M>]` a paragraph
// of the order, `<act>.i.…` of the Rules it approves, `<act>.list.item<N>` an item of the list
// it approves, `app<N>` an appendix, `item<N>`/`row<N>` its item or row.
import type { Lang } from './i18n.js';

const WORDS: Record<
  Lang,
  Record<'order' | 'rules' | 'list' | 'p' | 'sub' | 'app' | 'item' | 'row', string>
> = {
  ru: {
    order: 'приказ',
    rules: 'Правила',
    list: 'Перечень',
    p: 'пункт {n}',
    sub: 'подпункт {n}',
    app: 'приложение {n}',
    item: 'пункт {n}',
    row: 'строка {n}',
  },
  kk: {
    order: 'бұйрық',
    rules: 'Қағидалар',
    list: 'Тізбе',
    p: '{n}-тармақ',
    sub: '{n}-тармақша',
    app: '{n}-қосымша',
    item: '{n}-тармақ',
    row: '{n}-жол',
  },
  en: {
    order: 'the order',
    rules: 'the Rules',
    list: 'the List',
    p: 'paragraph {n}',
    sub: 'subparagraph {n}',
    app: 'appendix {n}',
    item: 'item {n}',
    row: 'row {n}',
  },
};

/** The clause's place in its act, in the language; the id itself where it follows no known shape. */
export function clauseText(id: string, lang: Lang): string {
  const w = WORDS[lang];
  const [, ...parts] = id.split('.');
  const out: string[] = [];
  let i = 0;
  if (parts[0] === 'i') {
    out.push(w.rules);
    i = 1;
  } else if (parts[0] === 'list') {
    out.push(w.list);
    i = 1;
  } else out.push(w.order);
  let afterParagraph = false;
  for (; i < parts.length; i++) {
    const part = parts[i]!;
    const m = /^(p|app|item|row)?(\d+)$/.exec(part);
    if (!m) return id;
    const kind = (m[1] ?? (afterParagraph ? 'sub' : null)) as keyof typeof w | null;
    if (!kind) return id;
    out.push(w[kind].replace('{n}', m[2]!));
    afterParagraph = kind === 'p';
  }
  return out.join(', ');
}
