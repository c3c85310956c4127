// The full name a search of the persons register takes (docs/decisions/0011): surname, first name
// and, where there is one, patronymic, each written in full — no wildcard, no initial, no single
// word. The search compares the whole name, so a partial name finds nothing and is refused.
export type NameRefusal = 'not_a_name' | 'too_few_words' | 'initial_or_short_word' | 'too_long';

export type NameKey = { ok: true; key: string; words: number } | { ok: false; reason: NameRefusal };

/** Lower case, ё as е, one space between words: how full names are compared. */
export function fullNameKey(text: string): NameKey {
  const clean = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (clean.length > 200) return { ok: false, reason: 'too_long' };
  // Letters, a hyphen or an apostrophe within a word (Мұхаммед-Әли, O'Neil); nothing a pattern is
  // written with (* % _ ? .), no digits.
  if (!/^[\p{L}][\p{L}'’-]*( [\p{L}][\p{L}'’-]*)*$/u.test(clean)) return { ok: false, reason: 'not_a_name' };
  const words = clean.split(' ');
  if (words.length < 2) return { ok: false, reason: 'too_few_words' };
  if (words.some((w) => [...w.replace(/['’-]/g, '')].length < 2))
    return { ok: false, reason: 'initial_or_short_word' };
  return { ok: true, key: clean.toLowerCase().replace(/ё/g, 'е'), words: words.length };
}
