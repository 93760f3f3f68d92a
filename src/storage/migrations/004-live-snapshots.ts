/**
 * Live meetings in progress, snapshotted so a restarted instance resumes them. Timings and names only,
 * never words; a row goes when its meeting ends or has been idle past expires_at. The state is text, not
 * jsonb: it is rewritten every few seconds and never queried inside, and text spares the parse on each write.
 */
export const sql = /* sql */ `
create table live_snapshots (
  meeting_id text primary key,
  state text not null,
  updated_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index live_snapshots_expiry on live_snapshots (expires_at);
`;
