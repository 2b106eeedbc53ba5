import { existsSync } from 'node:fs';
import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { chromium } from 'playwright-core';
import { escapeHtml } from './escape-html';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissingError extends ServiceUnavailableException {
  constructor() {
    super(`PDF export needs Chromium at ${CHROMIUM_PATH}: apt-get install chromium (the web page and the XLSX work without it)`);
  }
}

/**
 * Prints the report's HTML (the same page as …/html, with its CSS inlined) with headless
 * Chromium: A4, the brand's name in the header, "page n / N" in the footer. One browser per
 * document: reports are rare, and a crashed browser never outlives its request.
 */
@Injectable()
export class PdfRenderer {
  available(): boolean {
    return existsSync(CHROMIUM_PATH);
  }

  async render(html: string, opts: { brandName: string; title: string; pageLabel: string }): Promise<Buffer> {
    if (!this.available()) throw new ChromiumMissingError();
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
    try {
      const page = await browser.newPage();
      // No network: the page is self-contained (inline CSS, SVG charts, data: logo).
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      const small = 'font-size:8px;color:#616e7c;width:100%;padding:0 12mm;font-family:DejaVu Sans,Arial,sans-serif;';
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${small}">${escapeHtml(opts.brandName)} — ${escapeHtml(opts.title)}</div>`,
        footerTemplate: `<div style="${small}text-align:right;">${escapeHtml(opts.pageLabel)} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
        margin: { top: '16mm', bottom: '16mm', left: '12mm', right: '12mm' },
      });
      return Buffer.from(pdf);
    } finally {
      await browser.close();
    }
  }
}
