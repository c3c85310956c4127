// Shared parts of the server-rendered SVG graphics: the accessible root element, deterministic
// ids, number formatting, text fitting and axis ticks. Everything that reaches the markup goes
// through `html`, so data labels are always escaped.

import { html, type HtmlValue, type SafeHtml } from '../html.js';

/** Text colour that follows the page (`color` of the surrounding element). */
export const INK = 'currentColor';
/** Dark text used on light fills; white is used on dark fills. */
export const DARK_TEXT = '#1a1a1a';
export const LIGHT_TEXT = '#ffffff';

/** Rounds a coordinate to one decimal so the markup stays compact. */
export const px = (value: number): number => Math.round(value * 10) / 10;

/** FNV-1a, 32 bits, base 36: a short stable hash (same input, same ids, same bytes, same ETag). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * The id prefix of one graphic: the caller's `id` (reduced to safe characters) or a hash of the
 * graphic's options, so two different graphics on one page never share ids.
 */
export function graphicId(kind: string, options: { id?: string | undefined }): string {
  if (options.id !== undefined && options.id !== '') {
    const safe = options.id.replace(/[^A-Za-z0-9_-]/g, '_');
    return /^[A-Za-z_]/.test(safe) ? safe : `g${safe}`;
  }
  return `${kind}-${hash(JSON.stringify(options))}`;
}

/**
 * The root `<svg role="img">` with its `<title>` and `<desc>`; sized by viewBox only. A graphic
 * holding links is a `group` instead: the children of an `img` are hidden from assistive technology.
 */
export function svgRoot(opts: {
  id: string;
  kind: string;
  title: string;
  description: string;
  width: number;
  height: number;
  body: HtmlValue;
  role?: 'img' | 'group';
}): SafeHtml {
  const { id } = opts;
  return html`<svg xmlns="http://www.w3.org/2000/svg" role="${opts.role ?? 'img'}" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${px(opts.width)} ${px(opts.height)}" width="100%" font-family="inherit" class="graphic graphic-${opts.kind}"><title id="${id}-title">${opts.title}</title><desc id="${id}-desc">${opts.description}</desc>${opts.body}</svg>`;
}

/** A formatter of values for the locale (Kazakh and Russian group with a non-breaking space). */
export function numberFormatter(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (value) => format.format(value);
}

/** Rough width of a text in the inherited font: wide enough for Cyrillic capitals and digits. */
export const textWidth = (text: string, fontSize: number): number => Array.from(text).length * fontSize * 0.6;

/** The text cut to fit `width` with an ellipsis; the full text belongs in a `<title>`. */
export function fitText(text: string, width: number, fontSize: number): string {
  const chars = Array.from(text);
  const max = Math.max(1, Math.floor(width / (fontSize * 0.6)));
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * The text broken into lines of at most `width` (between words, and after a hyphen inside a word:
 * "Северо-" / "Казахстанская"), at most `maxLines` of them; only what still does not fit is cut.
 */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number): string[] {
  const max = Math.max(1, Math.floor(width / (fontSize * 0.6)));
  const pieces = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => (Array.from(word).length > max ? word.split(/(?<=-)/) : [word]));
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines.at(-1);
    const joined = last === undefined ? piece : last.endsWith('-') ? `${last}${piece}` : `${last} ${piece}`;
    if (last !== undefined && Array.from(joined).length <= max) lines[lines.length - 1] = joined;
    else lines.push(piece);
  }
  if (lines.length <= maxLines) return lines.map((l) => fitText(l, width, fontSize));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitText(`${kept[maxLines - 1]!} ${lines.slice(maxLines).join(' ')}`, width, fontSize);
  return kept.map((l) => fitText(l, width, fontSize));
}

/** The largest font size from `fontSize` down to `minSize` at which the text wraps whole. */
export function fittingFontSize(
  text: string,
  width: number,
  fontSize: number,
  minSize: number,
  maxLines: number,
): number {
  for (let size = fontSize; size > minSize; size -= 0.5)
    if (!wrapText(text, width, size, maxLines).some((l) => l.endsWith('…'))) return size;
  return minSize;
}

const STEP_MANTISSAS = [1, 2, 2.5, 5] as const;
const clean = (value: number): number => Number(value.toPrecision(12));

/**
 * Nice ticks that cover [min, max]: steps of 1, 2, 2.5 or 5 times a power of ten, 4 or 5 ticks
 * when possible, the tightest extent first.
 */
export function niceTicks(min: number, max: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) return [0, 1];
  if (min === max) {
    if (min === 0) return [0, 0.25, 0.5, 0.75, 1];
    const pad = Math.abs(min) / 2;
    return niceTicks(min - pad, max + pad);
  }
  const magnitude = Math.floor(Math.log10(max - min));
  let best: { ticks: number[]; score: number } | undefined;
  for (let exponent = magnitude - 2; exponent <= magnitude + 1; exponent++) {
    for (const mantissa of STEP_MANTISSAS) {
      const step = mantissa * 10 ** exponent;
      const lo = Math.floor(clean(min / step)) * step;
      const hi = Math.ceil(clean(max / step)) * step;
      const count = Math.round((hi - lo) / step) + 1;
      if (count < 2 || count > 6) continue;
      // 4–5 ticks preferred, then the tightest extent.
      const score = (count === 4 || count === 5 ? 0 : 10) + (hi - lo) / (max - min);
      if (best === undefined || score < best.score) {
        best = { ticks: Array.from({ length: count }, (_, i) => clean(lo + i * step)), score };
      }
    }
  }
  return best?.ticks ?? [min, max];
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2.1). */
function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2.1 contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Dark or white text, whichever contrasts more with the fill. */
export const textOn = (fill: string): string =>
  contrastRatio(fill, DARK_TEXT) >= contrastRatio(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
