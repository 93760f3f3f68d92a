/**
 * Prep at start: whether a manager wants the one-on-one prep card when a meeting begins (a row only once they
 * said; no row means on), and which meeting starts already got one, so a repeated meetingStart sends one card.
 * Both go with the person (on delete cascade), so forgetting the manager removes them.
 */
export const sql = /* sql */ `
create table prep_at_start_settings (
  person_id uuid primary key references people(id) on delete cascade,
  enabled boolean not null,
  updated_at timestamptz not null default now()
);

create table prep_at_start_sent (
  manager_id uuid not null references people(id) on delete cascade,
  occurrence text not null,
  sent_at timestamptz not null default now(),
  primary key (manager_id, occurrence)
);
`;
