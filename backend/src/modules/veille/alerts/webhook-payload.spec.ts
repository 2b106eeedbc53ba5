import { createHmac } from 'node:crypto';
import { signBody } from '../../../common/http/webhooks';
import { webhookBody, type AlertMessage } from './webhook-payload';

const msg: AlertMessage = {
  alertId: 'a1',
  type: 'volume_spike',
  title: 'Volume spike: Vigie',
  facts: [{ name: 'Mentions (60 min)', value: '42' }, { name: 'Threshold', value: '15' }],
  url: 'http://localhost:3000/veille/alerts',
  raisedAt: '2025-01-01T10:00:00.000Z',
  brandId: 'b1',
  queryId: null,
  count: 42,
};

describe('webhook payloads', () => {
  it('Slack: text + header/section/context blocks', () => {
    const b = webhookBody('slack', msg, 1735725600);
    expect(b.text).toBe('Volume spike: Vigie\nMentions (60 min): 42\nThreshold: 15\nhttp://localhost:3000/veille/alerts');
    expect(b.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Volume spike: Vigie' } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Mentions (60 min)*\n42' }, { type: 'mrkdwn', text: '*Threshold*\n15' }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '<http://localhost:3000/veille/alerts|Open in Vigie>' }] },
    ]);
    expect((b.vigie as { sentAt: number }).sentAt).toBe(1735725600);
  });

  it('Teams: MessageCard with facts and an OpenUri action', () => {
    const b = webhookBody('teams', msg, 1);
    expect(b['@type']).toBe('MessageCard');
    expect(b.text).toBe('Mentions (60 min): 42<br>Threshold: 15');
    expect(b.sections).toEqual([{ facts: msg.facts }]);
    expect(b.potentialAction).toEqual([{ '@type': 'OpenUri', name: 'Open in Vigie', targets: [{ os: 'default', uri: msg.url }] }]);
  });

  it('signs the exact body with HMAC-SHA256', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(signBody('s', '{"a":1}')).toBe(`sha256=${createHmac('sha256', 's').update('{"a":1}').digest('hex')}`);
  });
});
