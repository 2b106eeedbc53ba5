import { analyze } from '../index';
import type { RequestType } from '../types';

describe('request type', () => {
  it.each<[string, RequestType, string]>([
    ['Bonjour, vous faites la livraison le samedi ?', 'question', '?'],
    ['Do you deliver on Saturdays?', 'question', 'do you'],
    ["Toujours pas reçu mon remboursement, c'est inadmissible", 'complaint', 'pas recu'],
    ['Still waiting for my refund, third time asking', 'complaint', 'still waiting'],
    ['Quel est le prix pour 20 personnes ?', 'lead', 'prix'],
    ['How much for a custom order of 30?', 'lead', 'how much'],
    ['Je vous envoie ma candidature spontanée pour un stage', 'job_application', 'ma candidature'],
    ['Are you hiring? I would love to join your team', 'job_application', 'join your team'],
    ['Je suis influenceuse mode, un partenariat vous tente ?', 'partnership', 'influenceuse'],
    ["We'd love a paid partnership with your brand", 'partnership', 'partnership'],
    ['On aimerait vous inviter sur notre podcast', 'invitation', 'inviter'],
    ['Would you do an interview for our magazine?', 'invitation', 'interview'],
    ['Comment me désabonner de la newsletter ?', 'subscription', 'desabonner'],
    ['Please cancel my subscription and delete my account', 'subscription', 'delete my account'],
    ['Bravo à toute l’équipe, service impeccable 👏', 'praise', 'bravo'],
    ['Congrats on the launch, well deserved!', 'praise', 'well deserved'],
    ['Gagnez 500€ par jour depuis chez vous, lien en bio', 'spam', 'lien en bio'],
    ['Follow me and I follow back!!', 'spam', 'i follow back'],
    ['Bande de connards', 'troll', 'connards'],
    ['shut up nobody asked', 'troll', 'shut up'],
  ])('%s → %s (%s)', (text, type, reason) => {
    expect(analyze(text).requestType).toMatchObject({ type, reason });
  });

  it.each(['Je tague @paul', 'Tagging @anna', 'Monday again...', 'ok'])('%s → other with no reason', (text) => {
    expect(analyze(text).requestType).toMatchObject({ type: 'other', reason: null });
  });

  it('is accent- and case-insensitive and word-boundary aware', () => {
    expect(analyze('JE VEUX ETRE REMBOURSE').requestType.type).toBe('complaint');
    // "prix" inside "surprix" / "price" inside "priceless" must not read as a lead
    expect(analyze('This moment was priceless').requestType.type).not.toBe('lead');
  });
});
