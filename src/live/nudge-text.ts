/** The words of each nudge: short, specific and kind, for the manager's eyes only. */
export const nudgeText = {
  monologue: (heldMs: number) => `You've had the floor for ${duration(heldMs)}. Pause and ask what they think.`,
  interruptions: (count: number, windowMs: number) =>
    `You've come in before others finished ${times(count)} in ${duration(windowMs)}. Let the next person finish.`,
  oneOnOneShare: (share: number, windowMs: number) =>
    `You've done ${percent(share)} of the talking in the last ${duration(windowMs)}. Ask before you answer.`,
  share: (share: number, fairShare: number, windowMs: number) =>
    `You've had ${percent(share)} of the talk in the last ${duration(windowMs)}; an even share here is about ${percent(fairShare)}. Invite someone in.`,
  silent: (name: string, never: boolean, forMs: number) =>
    never ? `${name} hasn't spoken yet. Ask what they think.` : `${name} hasn't spoken for ${duration(forMs)}. Ask what they think.`,
};

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function times(count: number): string {
  return count === 2 ? "twice" : `${count} times`;
}

/** Whole minutes from two minutes on, else seconds: timings are good to about a quarter second, and people round. */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} seconds`;
  return `${Math.floor(seconds / 60)} minutes`;
}
