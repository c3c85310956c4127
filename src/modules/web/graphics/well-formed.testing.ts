// Test support: a small XML well-formedness check (Node has no DOMParser). It checks that tags
// nest and close, attributes are quoted and unique, and text holds no raw `<` or stray `&`.

const NAME = '[A-Za-z_][\\w.:-]*';
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const TAG = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=`, 'g');

/** The problems found, empty when the text is a well-formed XML element. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  const checkText = (text: string): void => {
    if (text.replace(ENTITY, '').includes('&')) problems.push(`stray & in ${JSON.stringify(text)}`);
    if (open.length === 0 && text.trim() !== '') problems.push(`text outside the root: ${text}`);
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    checkText(xml.slice(i, lt === -1 ? xml.length : lt));
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const match = TAG.exec(xml);
    if (match === null) {
      problems.push(`malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`);
      break;
    }
    const [whole, closing, name, attributes, selfClosing] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const names = [...attributes.matchAll(ATTRIBUTE)].map((m) => m[1]);
    if (new Set(names).size !== names.length) problems.push(`repeated attribute in <${name}>`);
    const values = [...attributes.matchAll(/=\s*"([^"]*)"|=\s*'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? '');
    for (const v of values) if (v.replace(ENTITY, '').includes('&')) problems.push(`stray & in <${name}>`);
    if (closing === '/') {
      const top = open.pop();
      if (top !== name) problems.push(`</${name}> closes <${top ?? 'nothing'}>`);
    } else if (selfClosing !== '/') {
      if (open.length === 0) roots++;
      open.push(name);
    } else if (open.length === 0) roots++;
    i = lt + whole.length;
  }
  if (open.length > 0) problems.push(`unclosed: ${open.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
