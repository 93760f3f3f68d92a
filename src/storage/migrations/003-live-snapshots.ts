/**
 * Live meetings in progress, snapshotted so a restarted instance resumes them. Timings and names only,
 * never words; a row goes when its meeting ends or has been idle past expires_at.
 */
export const sql = /* sql */ `
create table live_snapshots (
  meeting_id text primary key,
  state jsonb not null,
  updated_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index live_snapshots_expiry on live_snapshots (expires_at);
`;
