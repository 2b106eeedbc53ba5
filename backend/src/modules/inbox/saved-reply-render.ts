/** Values a saved reply's variables take for one item. */
export interface TemplateValues {
  author: string;
  brand: string;
  agent: string;
}

/**
 * Fills `{{author}}`, `{{brand}}`, `{{agent}}` (spaces allowed inside the braces) as plain text:
 * values are inserted verbatim, never interpreted; unknown variables are left as written.
 */
export function renderSavedReply(body: string, values: TemplateValues): string {
  return body.replace(/\{\{\s*(author|brand|agent)\s*\}\}/g, (_, name: keyof TemplateValues) => values[name]);
}
