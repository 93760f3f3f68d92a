// The side panel's stand-in for zod's locales index (see the import map in sidepanel.html): the panel shows
// no zod messages, so it needs English only (zod's default), not 95 files on every open.
export { default as en } from "/vendor/zod/v4/locales/en.js";
