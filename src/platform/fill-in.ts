// A message's `{name}` placeholders filled from the values given; a placeholder without a value
// stays as written, so a missing value shows in the page instead of vanishing.
export const fillIn = (template: string, vars?: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? `{${k}}`));
