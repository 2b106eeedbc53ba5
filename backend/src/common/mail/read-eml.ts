/**
 * Reads back the bodies of an .eml file the mailer wrote to the outbox (nodemailer's own MIME
 * output: multipart/mixed › multipart/alternative › text/plain + text/html, quoted-printable or
 * base64, UTF-8). Not a general MIME parser: enough for the messages Vigie writes itself.
 */
export interface EmlBodies {
  text: string | null;
  html: string | null;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const src = raw.replace(/\r\n/g, '\n');
  const end = src.indexOf('\n\n');
  const head = end === -1 ? src : src.slice(0, end);
  const body = end === -1 ? '' : src.slice(end + 2);
  const headers = new Map<string, string>();
  // Folded header lines start with white space and continue the previous one.
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function param(header: string, name: string): string | null {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2]) : null;
}

function decodeQuotedPrintable(body: string): Buffer {
  const soft = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === '=' ? soft.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const body = part.body.replace(/\n$/, '');
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body).toString('utf8');
  return body;
}

function walk(part: Part, out: EmlBodies): void {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const mime = type.split(';')[0].trim().toLowerCase();
  if (/^attachment/i.test(part.headers.get('content-disposition') ?? '')) return;
  if (mime.startsWith('multipart/')) {
    const boundary = param(type, 'boundary');
    if (!boundary) return;
    const delimiter = `--${boundary}`;
    const sections = part.body.split(new RegExp(`^${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*$`, 'm'));
    // The preamble before the first delimiter and the epilogue after the last one are not parts.
    for (const section of sections.slice(1, -1)) walk(splitPart(section.replace(/^\n/, '')), out);
    return;
  }
  if (mime === 'text/plain' && out.text === null) out.text = decodeBody(part);
  else if (mime === 'text/html' && out.html === null) out.html = decodeBody(part);
}

export function readEmlBodies(eml: string): EmlBodies {
  const out: EmlBodies = { text: null, html: null };
  walk(splitPart(eml), out);
  return out;
}
