/**
 * Untrusted text (what people said, meeting titles, display names, model output) on its way into a card.
 * Teams renders a Markdown subset in TextBlocks and FactSets and turns URLs into links, so the text is made
 * plain: one line, no invisible or direction-changing characters, Markdown links reduced to their text,
 * URLs and e-mail addresses broken so they cannot be followed, no Markdown emphasis or code, no `{{…}}`
 * function (Teams formats `{{DATE(…)}}` in a TextBlock), and a hard length cap with an ellipsis.
 */

/** Controls and line separators become spaces; format characters (bidi overrides, zero-width…) go, except ZWJ in emoji. */
const CONTROLS = /[\p{Cc}\u2028\u2029]/gu;
const FORMAT = /(?!\u200d)\p{Cf}/gu;
/** `[text](url)` and `![alt](url)`, with one level of parentheses inside the destination. */
const MARKDOWN_LINK = /!?\[([^[\]]*)\]\([^()]*(?:\([^()]*\)[^()]*)*\)/g;
/** A scheme URL's scheme and host: `https://evil.example/x` → scheme `https`, host `evil.example`. */
const SCHEME_URL = /\b([a-z][a-z0-9+.-]{0,15}):\/\/([^\s/?#]*)/gi;
const WWW_HOST = /\bwww\.([^\s/?#]*)/gi;
/** `name@domain.tld`, which Teams turns into a mailto link. */
const EMAIL = /([\p{L}\p{N}._%+-])@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/gu;
/** `_` at the edge of a word opens or closes emphasis; inside one (`snake_case`) it does not. */
const EDGE_UNDERSCORES = /(^|[^\p{L}\p{N}_])_+|_+(?![\p{L}\p{N}])/gu;

/** `safeText(text, max)`: plain, link-free, at most `max` characters (code points) including the ellipsis. */
export function safeText(text: string, max: number): string {
  // Bound the regex work on hostile input: nothing past a few times the cap can be shown anyway.
  const bound = max * 4 + 64;
  const cut = text.length > bound;
  const head = cut ? text.slice(0, bound).replace(/[\ud800-\udbff]$/, "") : text;
  const plain = neutraliseFormatting(breakUrls(breakEmails(stripLinks(head.replace(CONTROLS, " ").replace(FORMAT, "")))))
    .replace(/\]\(/g, "] (") // no `](` is left from which a Markdown link could form
    .replace(/\s+/g, " ")
    .trim();
  return truncate(plain, max, cut);
}

/** Cuts `text` to at most `max` code points, ending in `…` (at a word boundary when one is near). */
export function truncate(text: string, max: number, forceEllipsis = false): string {
  const chars = Array.from(text);
  if (chars.length <= max && !forceEllipsis) return text;
  let kept = chars.slice(0, Math.max(0, Math.min(chars.length, max - 1))).join("");
  const space = kept.lastIndexOf(" ");
  if (chars.length > max - 1 && space > 0 && kept.length - space <= 20) kept = kept.slice(0, space);
  return `${kept.replace(/[\s,;:([{"“‘-]+$/u, "")}…`;
}

function stripLinks(text: string): string {
  let out = text;
  // Nested links (`[[a](x)](y)`) unwrap one level per pass.
  for (let pass = 0; pass < 8; pass++) {
    const next = out.replace(MARKDOWN_LINK, "$1");
    if (next === out) break;
    out = next;
  }
  return out;
}

function breakUrls(text: string): string {
  return text
    .replace(SCHEME_URL, (_, scheme: string, host: string) => `${scheme}[:]//${defangDots(host)}`)
    .replace(WWW_HOST, (_, host: string) => `www[.]${defangDots(host)}`);
}

/** `evil.example` → `evil[.]example`: the usual notation for a link that must not be followed. */
function defangDots(host: string): string {
  return host.replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, "[.]");
}

/** `jordan@evil.example` → `jordan[at]evil[.]example`. */
function breakEmails(text: string): string {
  return text.replace(EMAIL, (_, last: string, domain: string) => `${last}[at]${defangDots(domain)}`);
}

/**
 * Emphasis and code marks become look-alikes that format nothing (`*` → `∗`, `~` → `∼`, backtick → `'`),
 * an underscore at a word's edge becomes a space, and `{{`/`}}` are split so no card function forms.
 */
function neutraliseFormatting(text: string): string {
  return text
    .replace(/\*/g, "∗")
    .replace(/~/g, "∼")
    .replace(/`/g, "'")
    .replace(EDGE_UNDERSCORES, "$1 ")
    .replace(/\{(?=\{)/g, "{ ")
    .replace(/\}(?=\})/g, "} ");
}
