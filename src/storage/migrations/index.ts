import { sql as initial } from "./001-initial.js";
import { sql as heldJobs } from "./002-held-jobs-and-conversations.js";
import { sql as documentVersions } from "./003-document-versions.js";
import { sql as liveSnapshots } from "./004-live-snapshots.js";
import { sql as deliveredActivity } from "./005-delivered-activity.js";
import { sql as prepAtStart } from "./006-prep-at-start.js";
import { sql as practice } from "./007-practice.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [
  { version: 1, name: "initial", sql: initial },
  { version: 2, name: "held-jobs-and-conversations", sql: heldJobs },
  { version: 3, name: "document-versions", sql: documentVersions },
  { version: 4, name: "live-snapshots", sql: liveSnapshots },
  { version: 5, name: "delivered-activity", sql: deliveredActivity },
  { version: 6, name: "prep-at-start", sql: prepAtStart },
  { version: 7, name: "practice", sql: practice },
];
