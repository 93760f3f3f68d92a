/**
 * Parses a WebVTT timestamp in any of the shapes Teams writes: `00:01:02.345`, `01:02.345`
 * and the Graph documentation's short form `0:1:2.5` (one-digit fields, 1–3 fraction digits;
 * further digits are below the transcript's precision and are dropped).
 * Returns milliseconds, or null when the text is not a timestamp.
 */
export function parseTimestamp(text: string): number | null {
  const fields: number[] = [];
  let value = 0;
  let digits = 0;
  let i = 0;
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > 6) return null;
      value = value * 10 + (c - 48);
    } else if (c === 58 /* : */ && digits > 0 && fields.length < 2) {
      fields.push(value);
      value = 0;
      digits = 0;
    } else break;
  }
  if (digits === 0 || fields.length === 0) return null;
  fields.push(value);
  const [a = 0, b = 0, c = 0] = fields;
  const [hours, minutes, seconds] = fields.length === 3 ? [a, b, c] : [0, a, b];
  if (seconds >= 60 || (fields.length === 3 && minutes >= 60)) return null;
  let ms = ((hours * 60 + minutes) * 60 + seconds) * 1000;
  if (i === n) return ms;
  const sep = text.charCodeAt(i);
  if (sep !== 46 /* . */ && sep !== 44 /* , */) return null;
  let scale = 100;
  let fracDigits = 0;
  for (i++; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    if (scale >= 1) ms += d * scale;
    scale /= 10;
    fracDigits++;
  }
  return fracDigits === 0 ? null : Math.floor(ms);
}
