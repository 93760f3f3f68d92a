/**
 * The schema version of the jsonb documents that had none beside them: a transcript's utterances and a
 * coaching report's coaching (analyses already had one). Everything stored so far is version 1.
 */
export const sql = /* sql */ `
alter table transcripts add column schema_version integer not null default 1;
alter table coaching_reports add column schema_version integer not null default 1;
`;
