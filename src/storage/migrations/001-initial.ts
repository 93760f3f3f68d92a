/** Tenants, people, meetings, transcripts, analyses, coaching reports, feedback and jobs. */
export const sql = /* sql */ `
create table tenants (
  id text primary key,
  created_at timestamptz not null default now()
);

create table people (
  id uuid primary key default gen_random_uuid(),
  tenant_id text not null references tenants(id) on delete cascade,
  aad_object_id text,
  display_name text not null,
  aliases text[] not null default '{}',
  conversation_ref jsonb,
  paused boolean not null default false,
  opted_out boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index people_aad on people (tenant_id, aad_object_id) where aad_object_id is not null;
create unique index people_name on people (tenant_id, lower(display_name)) where aad_object_id is null;

create table meetings (
  id uuid primary key default gen_random_uuid(),
  tenant_id text not null references tenants(id) on delete cascade,
  source text not null check (source in ('cli', 'teams', 'playground')),
  external_id text not null,
  graph_id text,
  title text not null,
  organizer_id uuid references people(id) on delete set null,
  meeting_type text,
  started_at timestamptz,
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  unique (tenant_id, source, external_id)
);

create table meeting_participants (
  meeting_id uuid not null references meetings(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  role text not null default 'attendee',
  talk_ms integer not null default 0,
  share double precision not null default 0,
  primary key (meeting_id, person_id)
);

create table transcripts (
  meeting_id uuid primary key references meetings(id) on delete cascade,
  format text not null,
  raw text not null,
  utterances jsonb not null,
  speakers_known boolean not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

create table analyses (
  meeting_id uuid primary key references meetings(id) on delete cascade,
  schema_version integer not null,
  manager_id uuid references people(id) on delete set null,
  metrics jsonb not null,
  created_at timestamptz not null default now()
);

create table coaching_reports (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null unique references meetings(id) on delete cascade,
  manager_id uuid not null references people(id) on delete cascade,
  source text not null,
  coaching jsonb not null,
  created_at timestamptz not null default now(),
  delivery_started_at timestamptz,
  delivered_at timestamptz
);

create table feedback (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references coaching_reports(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  moment_utterance_id text,
  helpful boolean not null,
  created_at timestamptz not null default now()
);

create table jobs (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null unique references meetings(id) on delete cascade,
  state text not null default 'queued'
    check (state in ('queued', 'fetching', 'analyzing', 'coaching', 'delivering', 'delivered', 'failed')),
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  run_after timestamptz not null default now(),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index jobs_ready on jobs (run_after) where state not in ('delivered', 'failed');
`;
