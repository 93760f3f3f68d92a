/**
 * Jobs may wait in 'held': the report is ready but the manager has not installed Attune personally yet.
 * Conversations remember group chats that were already told Attune is there.
 */
export const sql = /* sql */ `
alter table jobs drop constraint if exists jobs_state_check;
alter table jobs add constraint jobs_state_check
  check (state in ('queued', 'fetching', 'analyzing', 'coaching', 'delivering', 'held', 'delivered', 'failed'));

create table conversations (
  id text primary key,
  tenant_id text not null references tenants(id) on delete cascade,
  kind text not null,
  notice_sent_at timestamptz,
  created_at timestamptz not null default now()
);
`;
