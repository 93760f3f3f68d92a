import { UsageError } from "./io.js";

/** Where Teams offers the WebVTT file Attune reads, in the words of its menus. */
export const vttDownloadHint = "in Teams, open the meeting's Recap, then Transcript → Download → Download as .vtt";

/**
 * Teams also offers a transcript as a Word document: a ZIP archive (it starts with "PK\x03\x04") holding
 * word/document.xml. Read as text it would be "not a transcript"; say what it is and where the .vtt is instead.
 */
export function refuseArchive(text: string, source: string): void {
  if (!text.startsWith("PK\u0003\u0004")) return;
  // A ZIP's local headers name its entries in plain ASCII, so the Word part shows in the first few kilobytes.
  const word = text.slice(0, 64 * 1024).includes("word/");
  throw new UsageError(
    word
      ? `${source}: this is a Word document (.docx), not a transcript Attune can read; ${vttDownloadHint}`
      : `${source}: this is a ZIP archive, not a transcript; give the .vtt file (${vttDownloadHint})`,
  );
}
