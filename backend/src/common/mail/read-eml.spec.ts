import nodemailer from 'nodemailer';
import { readEmlBodies } from './read-eml';

async function eml(msg: { text: string; html?: string; pdf?: boolean }): Promise<string> {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = (await t.sendMail({
    from: 'vigie@example.test',
    to: 'a@example.test',
    subject: 'Rapport – été',
    text: msg.text,
    html: msg.html,
    attachments: msg.pdf ? [{ filename: 'r.pdf', content: Buffer.from('%PDF-1.4 html text/html'), contentType: 'application/pdf' }] : [],
  })) as { message: Buffer };
  return info.message.toString('utf8');
}

describe('readEmlBodies', () => {
  it('reads the text and HTML bodies back from what the mailer writes (quoted-printable, long lines, accents)', async () => {
    const html = `<p>Café « été » <img src=x onerror=alert(1)> ${'y'.repeat(200)}</p>`;
    const text = `Bonjour, voici le rapport d’octobre ${'x'.repeat(150)}`;
    expect(readEmlBodies(await eml({ text, html, pdf: true }))).toEqual({ text, html });
  });

  it('reads a text-only message and ignores attachments', async () => {
    expect(readEmlBodies(await eml({ text: 'Juste du texte', pdf: true }))).toEqual({ text: 'Juste du texte', html: null });
  });

  it('decodes base64 bodies (non-Latin text)', async () => {
    const text = '日本語のレポート '.repeat(20);
    expect(readEmlBodies(await eml({ text })).text).toBe(text);
  });
});
