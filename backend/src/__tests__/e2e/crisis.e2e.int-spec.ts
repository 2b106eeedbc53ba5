/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CrisisDetailDto, InboxItemDto } from '@vigie/contracts';
import { e2eAvailable, screenshot, watchPageErrors } from '../../test-utils/e2e';
import { loginPage, settled, useE2eWorld, waitFor, XSS } from './e2e-world';

const run = e2eAvailable() ? describe : describe.skip;

/**
 * The crisis cell in Chromium, from the first alert to the post-crisis report: the CM opens a
 * crisis from the alert the evaluator raised, drafts a statement from scratch, the lead (an admin)
 * approves it, the CM posts it as a reply to a customer's comment (it lands on the platform once),
 * the stages move with their reasons, and the PDF report lists every step with its time.
 */
run('crisis cell in a real browser', () => {
  const w = useE2eWorld();

  it('opens a crisis from the alert, approves and posts a statement, closes it; the PDF lists every step', async () => {
    const { ctx, page } = await loginPage(w, w.cmUser);
    const errors = watchPageErrors(page);
    const base = `${w.s.baseUrl}/w/${w.workspaceId}`;

    await page.goto(`${base}/alerts?brandId=${w.brands.lumiere}`);
    await page.getByTestId('alert').first().waitFor();
    await page.getByTestId('alert-open-crisis').first().click();
    await page.waitForURL(new RegExp(`/w/${w.workspaceId}/crises/[0-9a-f-]{36}$`));
    const crisisId = page.url().split('/').pop()!;
    const room = page.getByTestId('crisis-room');
    await room.waitFor();
    expect(await room.getByTestId('crisis-stage').first().getAttribute('data-stage')).toBe('watch');
    await page.getByTestId('crisis-timeline').waitFor();
    await page.getByTestId('crisis-recommendations').waitFor();
    await screenshot(page, 'crisis-room-fr');

    // A statement, submitted to the lead, then approved (the CM of this world is an admin).
    const statement = 'Nous avons bien vu vos messages et revenons vers chacun de vous aujourd’hui.';
    await page.getByTestId('crisis-statement-text').fill(statement);
    await page.getByTestId('crisis-statement-submit').click();
    const row = page.getByTestId('crisis-statement').filter({ hasText: statement });
    await row.and(page.locator('[data-status="pending_approval"]')).waitFor();
    await row.getByTestId('crisis-statement-approve').click();
    await row.and(page.locator('[data-status="approved"]')).waitFor();

    // Posted as the brand's answer to a customer comment on the Facebook Page (real sandbox comment).
    const open = (await w.cm.get(`${w.api}/inbox?brandId=${w.brands.lumiere}&limit=100`)).body as { items: InboxItemDto[] };
    const item = open.items.find((i) => i.channelAccountId === w.channels['lumiere-facebook'] && !i.text.includes(XSS))!;
    const before = (await w.sb.writes('facebook')).filter((x) => x.action === 'reply').length;
    await row.getByTestId('crisis-statement-target').fill(item.id);
    await row.getByTestId('crisis-statement-post').click();
    await row.and(page.locator('[data-status="posted"]')).waitFor();
    const landed = (await w.sb.writes('facebook')).filter((x) => x.action === 'reply');
    expect(landed.length).toBe(before + 1);
    expect(landed.at(-1)!.text).toBe(statement);

    // watch → active → contained → closed, each with its reason.
    const move = async (stage: string, reason: string) => {
      await page.getByTestId('crisis-next-stage').selectOption(stage);
      await page.getByTestId('crisis-stage-reason').fill(reason);
      await page.getByTestId('crisis-stage-submit').click();
      await page.locator(`[data-testid="crisis-stage"][data-stage="${stage}"]`).first().waitFor();
    };
    await move('active', 'Les réclamations se multiplient');
    await move('contained', 'Volume revenu au niveau habituel');
    await move('closed', 'Débrief fait avec la direction');
    await settled(page);
    await screenshot(page, 'crisis-closed-fr');

    const detail = (await w.cm.get(`${w.api}/crises/${crisisId}`)).body as CrisisDetailDto;
    expect(detail.events.map((e) => e.kind)).toEqual([
      'opened',
      'statement_submitted',
      'statement_approved',
      'statement_posted',
      'stage_changed',
      'stage_changed',
      'stage_changed',
    ]);
    // The cell's actions are listed on the page, in order, each with its time.
    const shown = await page.getByTestId('crisis-events').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(shown).toEqual(detail.events.map((e) => e.kind));

    const pdf = await waitFor('the PDF report', async () => {
      const res = await w.cm.get(`${w.api}/crises/${crisisId}/report.pdf`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      return res.status === 200 && (res.body as Buffer);
    });
    const file = path.join(os.tmpdir(), `e2e-crisis-${crisisId}.pdf`);
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const reason of ['Les réclamations se multiplient', 'Volume revenu au niveau habituel', 'Débrief fait avec la direction']) expect(text).toContain(reason);
    for (const e of detail.events) {
      const hhmm = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(e.at));
      expect([e.kind, text.includes(hhmm)]).toEqual([e.kind, true]);
    }
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
