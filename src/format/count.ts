/** "1 transcript", "2 transcripts", "0 transcripts"; `plural` for words that do not just add an s ("analyses"). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
