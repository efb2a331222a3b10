/**
 * Link targets allowed in rendered Markdown: http(s), mailto and same-site relative URLs.
 * Anything with another scheme (`javascript:`, `data:`, `vbscript:`, `file:` …) is refused, also
 * when disguised with case, whitespace, control characters or entities the browser would decode.
 */
const allowedSchemes = new Set(['http', 'https', 'mailto']);

/** The href to use, or null when the link must render as plain text. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (href === '' || href.length > 2048) return null;
  // Browsers drop tabs/newlines inside URLs and decode entities in attributes: check what they see.
  // eslint-disable-next-line no-control-regex
  const seen = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').replace(/&#?[a-z0-9]+;?/gi, '&');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(seen);
  if (scheme) return allowedSchemes.has(scheme[1]!.toLowerCase()) ? href : null;
  // No scheme: relative. A colon before any '/', '?' or '#' would be read as a scheme somewhere.
  if (/^[^/?#]*:/.test(seen)) return null;
  // Protocol-relative `//host` leaves the site; treat it as https to keep the opener rules below.
  if (seen.startsWith('//')) return `https:${href}`;
  return href;
}

/** True for links that leave the dashboard (opened in a new tab with rel=noopener). */
export function isExternalHref(href: string): boolean {
  return /^(https?:)?\/\//i.test(href) || /^mailto:/i.test(href);
}
