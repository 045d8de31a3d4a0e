import { describe, expect, it } from 'vitest';
import { sanitizeMailHtml } from './html.js';

describe('sanitizeMailHtml', () => {
  it('drops scripts, event handlers and javascript: links but keeps the text', () => {
    const out = sanitizeMailHtml(
      '<p onclick="steal()">Hej <b>där</b></p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">klicka</a><a href="https://start.stockholm/">länk</a>',
    );
    expect(out).toContain('Hej <b>där</b>');
    expect(out).not.toMatch(/script|onclick|onerror|javascript:|alert|<img/i);
    expect(out).toMatch(/<a(?![^>]*href)[^>]*>klicka<\/a>/);
    expect(out).toContain('href="https://start.stockholm/"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
  });

  it('drops styles, iframes, forms and data: URLs', () => {
    const out = sanitizeMailHtml(
      '<style>body{display:none}</style><iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name=p></form><a href="data:text/html;base64,PHNjcmlwdD4=">x</a><div style="position:fixed">y</div>',
    );
    expect(out).not.toMatch(/style|iframe|form|input|data:/i);
    expect(out).toContain('y');
  });

  it('returns an empty string for no body', () => {
    expect(sanitizeMailHtml('')).toBe('');
    expect(sanitizeMailHtml(null)).toBe('');
  });
});
