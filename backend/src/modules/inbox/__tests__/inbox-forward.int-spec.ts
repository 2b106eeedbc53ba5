import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { buildWorld, TEXTS, type World } from './inbox-world';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** Headers and the decoded plain-text body of a raw message (quoted-printable or 7/8 bit). */
function parse(raw: string): { headers: string; body: string } {
  const split = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const headers = raw.slice(0, split);
  let body = raw.slice(split).replace(/^\s+/, '');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => `%${h}`);
    body = decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
  }
  return { headers, body: body.replace(/\r\n/g, '\n') };
}

async function setup(env: Record<string, string>, tag: string) {
  const t = await createTestApp({ env: { VIGIE_SYNC_TICK_MS: '0', ...env } });
  const a = await createUser(t.db, `admin-${tag}@fwd.test`);
  const c = await createUser(t.db, `cm-${tag}@fwd.test`);
  const v = await createUser(t.db, `viewer-${tag}@fwd.test`);
  const wsId = await createWorkspace(t.db, `Forward ${tag}`, [[a, 'admin'], [c, 'cm'], [v, 'viewer']]);
  const ws = `/api/workspaces/${wsId}`;
  const admin = await login(t, a);
  const w = await buildWorld(t, admin, wsId, tag);
  const services = (await admin.get(`${ws}/services`)).body as Array<{ id: string; kind: string }>;
  const sav = services.find((s) => s.kind === 'sav')!;
  const rh = services.find((s) => s.kind === 'rh')!;
  await admin.patch(`${ws}/services/${sav.id}`, { email: 'sav@lumiere.test' });
  return { t, ws, w, sav, rh, admin, cm: await login(t, c), viewer: await login(t, v) };
}

describe('forwarding an inbox item by email', () => {
  describe('with SMTP_URL (a real local SMTP server)', () => {
    const received: Received[] = [];
    let smtp: SMTPServer;
    let t: TestApp;
    let ws: string;
    let w: World;
    let cm: LoggedIn;
    let viewer: LoggedIn;
    let admin: LoggedIn;
    let sav: { id: string };
    let rh: { id: string };

    beforeAll(async () => {
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onRcptTo(address, _session, callback) {
          if (address.address.startsWith('bounce@')) callback(new Error('550 No such user here'));
          else callback();
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw: Buffer.concat(chunks).toString('utf8'),
            });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      const port = (smtp.server.address() as AddressInfo).port;
      ({ t, ws, w, cm, viewer, admin, sav, rh } = await setup({ SMTP_URL: `smtp://127.0.0.1:${port}` }, 'smtp'));
    });
    afterAll(async () => {
      await t.close();
      await new Promise<void>((resolve) => smtp.close(resolve));
    });

    it("sends the message, its author, type and permalink to the service's address, and assigns the item", async () => {
      const res = await cm.post(`${ws}/inbox/${w.items.xssScript}/forward`, {
        serviceId: sav.id,
        message: 'Pouvez-vous vérifier cette commande ?',
      });
      expect(res.status).toBe(200);
      expect(res.body.forwarded).toMatchObject({ to: 'sav@lumiere.test', via: 'smtp', outboxFile: null });
      expect(res.body.item).toMatchObject({ status: 'assigned', service: { id: sav.id, name: 'SAV' } });
      expect(received).toHaveLength(1);
      const mail = received[0]!;
      expect(mail.to).toEqual(['sav@lumiere.test']);
      const { headers, body } = parse(mail.raw);
      expect(headers).toMatch(/^To: sav@lumiere\.test$/m);
      expect(headers).toMatch(/^Content-Type: text\/plain/m);
      expect(body).toContain('Pouvez-vous vérifier cette commande ?');
      // the comment exactly as written, as plain text
      expect(body).toContain(TEXTS.xssScript);
      expect(body).toContain('Lien : https://social.example/p-fb');
      expect(body).toContain('Type : complaint');
      // authors stay pseudonymised in mail too
      expect(body).not.toContain('Person xssScript');
      expect(body).toMatch(/Auteur : \S+/);
    });

    it('refuses a service without an email address (400), and a viewer (403); nothing is sent', async () => {
      const noEmail = await cm.post(`${ws}/inbox/${w.items.job}/forward`, { serviceId: rh.id });
      expect(noEmail.status).toBe(400);
      expect(noEmail.body.message).toMatch(/no email address/);
      expect((await viewer.post(`${ws}/inbox/${w.items.job}/forward`, { serviceId: sav.id })).status).toBe(403);
      expect(received).toHaveLength(1);
      const job = (await cm.get(`${ws}/inbox/${w.items.job}`)).body as { status: string; service: unknown };
      expect(job).toMatchObject({ status: 'open', service: null });
    });

    it('reports a refused delivery as 502 and leaves the item as it was', async () => {
      await admin.patch(`${ws}/services/${rh.id}`, { email: 'bounce@lumiere.test' });
      const res = await cm.post(`${ws}/inbox/${w.items.job}/forward`, { serviceId: rh.id });
      expect(res.status).toBe(502);
      expect(res.body.message).toMatch(/could not be sent.*No such user/);
      const job = (await cm.get(`${ws}/inbox/${w.items.job}`)).body as { status: string; service: unknown };
      expect(job).toMatchObject({ status: 'open', service: null });
      expect(received).toHaveLength(1);
    });
  });

  describe('without SMTP', () => {
    let t: TestApp;
    let ws: string;
    let w: World;
    let cm: LoggedIn;
    let sav: { id: string };

    beforeAll(async () => {
      ({ t, ws, w, cm, sav } = await setup({}, 'outbox'));
    });
    afterAll(() => t.close());

    it('writes the message as an .eml file in <dataDir>/outbox and says where', async () => {
      const res = await cm.post(`${ws}/inbox/${w.items.complaint}/forward`, { serviceId: sav.id });
      expect(res.status).toBe(200);
      const file = res.body.forwarded.outboxFile as string;
      expect(res.body.forwarded.via).toBe('outbox');
      expect(path.dirname(file)).toBe(path.join(t.config.dataDir, 'outbox'));
      expect(file).toMatch(/\.eml$/);
      const { headers, body } = parse(readFileSync(file, 'utf8'));
      expect(headers).toMatch(/^To: sav@lumiere\.test$/m);
      expect(body).toContain(TEXTS.complaint);
      expect(body).toContain('https://social.example/p-fb');
    });
  });
});
