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

describe('request type confidence and explanation', () => {
  it('gives matched cues with offsets into the input and the top features', () => {
    const text = "Toujours pas reçu mon remboursement, c'est inadmissible";
    const r = analyze(text).requestType;
    expect(r.confidence).toBeGreaterThan(0.5);
    const cue = r.explanation?.cues.find((c) => c.text === 'pas recu');
    expect(cue).toMatchObject({ type: 'complaint' });
    expect(text.slice(cue!.start, cue!.end)).toBe('pas reçu');
    expect(r.explanation?.features.length).toBeGreaterThan(0);
    expect(r.explanation?.features[0]!.weight).toBeGreaterThan(0);
  });

  it.each<[string, RequestType]>([
    ['jai commander il y a 3 semaines et tjrs pas recu', 'complaint'],
    ['Bravo, troisième colis abîmé ce mois-ci 👏', 'complaint'],
    ['bjr vs recrutez pr cet ete ?', 'job_application'],
    ['c combien le pack ?', 'lead'],
  ])('reads SMS spelling and sarcasm: %s → %s', (text, type) => {
    expect(analyze(text).requestType.type).toBe(type);
  });

  it('says other, with no reason, when nothing is confident', () => {
    const r = analyze('@julie 👀');
    expect(r.requestType).toMatchObject({ type: 'other', reason: null });
  });
});
