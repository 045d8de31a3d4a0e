import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  detectLanguage,
  fold,
  htmlToText,
  parseSubject,
  splitMail,
} from './text.js';

describe('htmlToText', () => {
  it('drops scripts, styles and comments and keeps the words', () => {
    const text = htmlToText(
      '<html><head><title>x</title><style>p{}</style></head><body><script>alert("hej")</script><!-- c --><p>Hej!</p><p>Vi vill&nbsp;delta &amp; lära.</p></body></html>',
    );
    expect(text).toBe('Hej!\n\nVi vill delta & lära.');
    expect(text).not.toContain('alert');
  });

  it('turns list items and line breaks into lines', () => {
    expect(
      htmlToText('<ul><li>Förskolan Solrosen</li><li>Stjärnhusskolan</li></ul>Mvh<br>Maria'),
    ).toBe('- Förskolan Solrosen\n- Stjärnhusskolan\nMvh\nMaria');
  });

  it('marks blockquoted earlier mails with ">" so they can be stripped', () => {
    const text = htmlToText(
      '<p>Tack!</p><blockquote><p>Vi har tagit emot er intresseanmälan</p></blockquote>',
    );
    expect(text).toBe('Tack!\n\n> Vi har tagit emot er intresseanmälan');
  });

  it('survives unclosed tags and an empty body', () => {
    expect(htmlToText('<p>Hej <b>där')).toBe('Hej där');
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<script>never closed')).toBe('');
  });

  it('decodes numeric and named entities, and rejects invalid code points', () => {
    expect(decodeEntities('&aring;&#228;&#xF6; &euro; &unknown;')).toBe('åäö € &unknown;');
    expect(decodeEntities('&#xD800;')).toBe('\ufffd');
  });
});

describe('fold', () => {
  it('folds case, å/ä/ö and punctuation', () => {
    expect(fold('Förskolan  Årstaskogen!')).toBe('forskolan arstaskogen');
    expect(fold('Hässelby-Vällingby')).toBe('hasselby vallingby');
    expect(fold('Omsorgshuset Linnéa')).toBe('omsorgshuset linnea');
  });
});

describe('parseSubject', () => {
  it('strips Swedish and English reply and forward prefixes in any mix', () => {
    expect(parseSubject('SV: VB: Re: Intresseanmälan')).toEqual({
      clean: 'Intresseanmälan',
      isReply: true,
      isForward: true,
    });
    expect(parseSubject('Fwd: bidrag')).toEqual({
      clean: 'bidrag',
      isReply: false,
      isForward: true,
    });
    expect(parseSubject('FW: [EXTERN] Protokoll')).toEqual({
      clean: 'Protokoll',
      isReply: false,
      isForward: true,
    });
    expect(parseSubject('Svar: Fråga').isReply).toBe(true);
  });
});

describe('splitMail', () => {
  it('separates own text, signature and the quoted earlier mail of a reply', () => {
    const body =
      'Hej! Vi har tyvärr inte möjlighet att delta.\n\nMed vänliga hälsningar\nJenny Holmgren\nFörskolan Äppelgården\n\n' +
      'Från: Kvalitetsutmärkelsen <kvalitetsutmarkelsen@stockholm.example>\nSkickat: den 2 mars 2027 10:14\nTill: Jenny\nÄmne: Vi har tagit emot er intresseanmälan\n\nTack för er intresseanmälan!';
    const parts = splitMail(body, false);
    expect(parts.own).toBe('Hej! Vi har tyvärr inte möjlighet att delta.');
    expect(parts.signature).toContain('Förskolan Äppelgården');
    expect(parts.quoted).toContain('Tack för er intresseanmälan!');
    expect(parts.forwarded).toBe('');
    expect(parts.originalSender?.address).toBe('kvalitetsutmarkelsen@stockholm.example');
  });

  it('knows the everyday Swedish and English sign-offs, but not "Vänligen" opening a request', () => {
    for (const signoff of [
      'Med vänlig hälsning',
      'Många hälsningar',
      'Vänligen',
      'Allt gott!',
      'Trevlig helg!',
      'Ha en fin dag',
      '/Karin Lund',
      'Warm regards,',
      'Skickat från min iPhone',
    ]) {
      const parts = splitMail(
        `Hej!\nVi vill vara med i år.\n\n${signoff}\nKarin\nEkbackens skola`,
        false,
      );
      expect(parts.own, signoff).toBe('Hej!\nVi vill vara med i år.');
      expect(parts.signature, signoff).toContain('Ekbackens skola');
    }
    expect(splitMail('Hej!\nVänligen skicka mallen till mig.\nKarin', false).own).toContain(
      'skicka mallen',
    );
  });

  it('keeps a forwarded mail as the forwarded part with its original sender', () => {
    const body =
      'Vidarebefordrar.\n\n-----Original Message-----\nFrom: Sara Jönsson <sara.jonsson@stockholm.example>\nSent: Monday\nSubject: Anmälan\n\nFriskolan Kunskapsbron vill delta.';
    const parts = splitMail(body, true);
    expect(parts.own).toBe('Vidarebefordrar.');
    expect(parts.forwarded).toContain('Friskolan Kunskapsbron vill delta.');
    expect(parts.originalSender).toEqual({
      address: 'sara.jonsson@stockholm.example',
      name: 'Sara Jönsson',
    });
  });

  it('strips ">"-quoted lines and "On … wrote:" headers', () => {
    const parts = splitMail(
      'Thanks, one more question: is PDF fine?\n\nOn Mon, 3 Mar 2027 Anna wrote:\n> We have received your registration',
      false,
    );
    expect(parts.own).toBe('Thanks, one more question: is PDF fine?');
    expect(parts.quoted).toContain('We have received your registration');
  });

  it('does not take "Från: vår förskola" in prose for a quote header', () => {
    const parts = splitMail(
      'Hej!\nFrån: oss på Förskolan Ekorren kommer en anmälan.\nVi vill delta.',
      false,
    );
    expect(parts.own).toContain('Vi vill delta.');
  });

  it('handles an empty body', () => {
    expect(splitMail('', false)).toMatchObject({
      own: '',
      signature: '',
      quoted: '',
      forwarded: '',
    });
  });
});

describe('detectLanguage', () => {
  it('tells Swedish from English, Swedish on a tie', () => {
    expect(
      detectLanguage('Hej! Vi vill delta i kvalitetsutmärkelsen och skickar vår anmälan.'),
    ).toBe('sv');
    expect(
      detectLanguage('Dear coordinators, we would like to take part in the award. Best regards'),
    ).toBe('en');
    expect(detectLanguage('')).toBe('sv');
  });
});

describe('a Gmail reply in Swedish', () => {
  it('"Den ons 3 feb. 2027 kl 10:15 skrev Namn <adress>:" opens the quote', () => {
    const parts = splitMail(
      'Vi är med!\n\nLena\n\nDen ons 3 feb. 2027 kl 10:15 skrev Kvalitetsutmärkelsen <kvalitet@stockholm.example>:\n> Anmäl er senast 22 mars.',
      false,
    );
    expect(parts.own).not.toContain('skrev');
    expect(parts.quoted).toContain('Anmäl er senast 22 mars.');
  });
});
