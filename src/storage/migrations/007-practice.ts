/**
 * Practice: the moment a manager was asked to say back (one at a time, so their next personal-chat message is
 * read as the attempt), and their attempts, counted in their trend. No attempt text is kept: only whether it
 * said back. Both go with the person (on delete cascade), so "forget me" and `attune forget` remove them.
 */
export const sql = /* sql */ `
create table practice_awaiting (
  person_id uuid primary key references people(id) on delete cascade,
  meeting_id uuid not null references meetings(id) on delete cascade,
  utterance_id text not null,
  asked_at timestamptz not null default now()
);

create table practice_attempts (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  meeting_id uuid references meetings(id) on delete set null,
  restates boolean not null,
  created_at timestamptz not null default now()
);
create index practice_attempts_person on practice_attempts (person_id);
`;
