/**
 * A transcript file's bytes as text. Teams and Windows tools (Notepad's "Unicode", PowerShell's Out-File)
 * write UTF-16 with a byte order mark; everything else is read as UTF-8. The mark is dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const utf8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return new TextDecoder("utf-8").decode(utf8);
}
