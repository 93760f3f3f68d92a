import { createRequire } from "node:module";
import type * as AdaptiveCards from "adaptivecards";
import { expect } from "vitest";
import { chartProblems, isChartType } from "./chart-schema.js";

/**
 * Checks Adaptive Card JSON the way Teams will read it, with Microsoft's `adaptivecards` parser and no DOM.
 * In Node, `import "adaptivecards"` fails (its `main` build needs a browser); the webpack bundle in `dist/`
 * parses and validates fine without `document` or `window` (only rendering needs them).
 *
 * The parser alone is lenient, so this adds what it lets through:
 * - unknown element/action types and invalid enum values are only *parse events* on the serialization
 *   context, not validation failures: both are collected here;
 * - `validateProperties()` accepts a card of version 1.6 (the library's latest, which Teams does not render),
 *   a TextBlock without text, an empty FactSet and an `Action.Execute` without verb or title: checked here;
 * - properties it does not know (a typo like `wieght`, a newer property) are dropped silently: the card is
 *   serialized back and any property lost on the way is reported, unless it held the default (`false`,
 *   `"Default"`, an empty list, which the required-property check covers) or is Teams' own `msteams`
 *   extension at the root;
 * - Teams' chart elements are unknown to it: the ones Attune uses are checked against the schemas in
 *   chart-schema.ts, and then stand in for their fallback, which is checked like the rest of the card (what a
 *   client without charts renders). Any other chart type stays an unknown element.
 */
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as typeof AdaptiveCards;

/** The highest schema Teams renders. */
export const TEAMS_CARD_VERSION = "1.5";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Everything wrong with `card` for Teams, as readable lines; empty when it is valid. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = plainJson(card, "card", problems);
  if (!isObject(json)) return [...problems, "card: not a JSON object"];
  if (json.type !== "AdaptiveCard") problems.push(`card: type is ${JSON.stringify(json.type)}, not "AdaptiveCard"`);
  if (typeof json.version !== "string" || !/^1\.[0-5]$/.test(json.version)) {
    problems.push(`card: version ${JSON.stringify(json.version)}; Teams renders at most ${TEAMS_CARD_VERSION}`);
  }

  const withoutCharts = fallbacksForCharts(json, "card", problems);
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(withoutCharts, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);

  walk(withoutCharts, "card", problems);
  const roundTrip = parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5)) as Json;
  dropped(withoutCharts, roundTrip, "card", problems, true);
  return problems;
}

/** The card as a client without charts reads it: each known chart checked by its schema, then replaced by its fallback. */
function fallbacksForCharts(node: Json, path: string, problems: string[]): Json {
  if (Array.isArray(node)) return node.map((item, i) => fallbacksForCharts(item, `${path}[${i}]`, problems));
  if (!isObject(node)) return node;
  if (isChartType(node.type)) {
    const found = chartProblems(node, node.type, path);
    problems.push(...found);
    return found.length === 0 ? fallbacksForCharts(node.fallback!, `${path}.fallback`, problems) : null;
  }
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node))
    out[key] = key === "data" ? value : fallbacksForCharts(value, `${path}.${key}`, problems);
  return out;
}

/** Every chart element in the card (with its path), for tests that look at the charts themselves. */
export function cardCharts(card: unknown): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      if (typeof node.type === "string" && node.type.startsWith("Chart.")) out.push(node);
      Object.values(node).forEach(visit);
    }
  };
  visit(card);
  return out;
}

/** Fails the test with every problem `cardProblems` finds. */
export function expectValidCard(card: unknown): void {
  expect(cardProblems(card)).toEqual([]);
}

/** Every `type` in the card (elements, columns, actions, inline cards), in document order. */
export function cardTypes(card: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      if (typeof node.type === "string") out.push(node.type);
      Object.values(node).forEach(visit);
    }
  };
  visit(card);
  return out;
}

/** Every `text`, fact title/value and action title in the card, in document order. */
export function cardStrings(card: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      for (const key of ["text", "title", "value"]) if (typeof node[key] === "string") out.push(node[key]);
      for (const [key, value] of Object.entries(node)) if (key !== "data") visit(value);
    }
  };
  visit(card);
  return out;
}

const REQUIRED: Record<string, string[]> = {
  TextBlock: ["text"],
  FactSet: ["facts"],
  Container: ["items"],
  ColumnSet: ["columns"],
  Column: ["items"],
  ActionSet: ["actions"],
  Image: ["url"],
  "Action.Execute": ["title", "verb"],
  "Action.Submit": ["title"],
  "Action.ShowCard": ["title", "card"],
  "Action.OpenUrl": ["title", "url"],
  "Action.ToggleVisibility": ["title", "targetElements"],
};

/** What the parser does not check: required properties, empty lists, and link targets. */
function walk(node: Json, path: string, problems: string[]): void {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) walk(item, `${path}[${i}]`, problems);
    return;
  }
  if (!isObject(node)) return;
  const type = typeof node.type === "string" ? node.type : null;
  for (const key of (type && REQUIRED[type]) ?? []) {
    const value = node[key];
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) {
      problems.push(`${path}: ${type} needs a non-empty ${key}`);
    }
  }
  if (type === "FactSet" && Array.isArray(node.facts)) {
    node.facts.forEach((f, i) => {
      if (!isObject(f) || typeof f.title !== "string" || typeof f.value !== "string")
        problems.push(`${path}.facts[${i}]: a fact needs title and value strings`);
    });
  }
  if ((type === "Action.OpenUrl" || type === "Image") && typeof node.url === "string" && !node.url.startsWith("https://")) {
    problems.push(`${path}: ${type} url must be https: ${node.url}`);
  }
  for (const [key, value] of Object.entries(node)) if (key !== "data") walk(value, `${path}.${key}`, problems);
}

/** Properties in `original` that the parser did not carry over: unknown to it, or of a newer version. */
function dropped(original: Json, kept: Json, path: string, problems: string[], root = false): void {
  if (Array.isArray(original)) {
    for (const [i, item] of original.entries()) dropped(item, Array.isArray(kept) ? (kept[i] ?? null) : null, `${path}[${i}]`, problems);
    return;
  }
  if (!isObject(original)) {
    if (original !== kept) problems.push(`${path}: ${JSON.stringify(original)} was read as ${JSON.stringify(kept)}`);
    return;
  }
  for (const [key, value] of Object.entries(original)) {
    if (key === "data") continue; // action data is opaque to the card
    const there = isObject(kept) && key in kept;
    if (there) dropped(value, (kept as Record<string, Json>)[key]!, `${path}.${key}`, problems);
    else if (!(value === false || value === "Default" || value === "default" || isEmptyList(value) || (root && key === "msteams"))) {
      problems.push(`${path}.${key}: unknown to the parser (dropped): ${JSON.stringify(value).slice(0, 60)}`);
    }
  }
}

/** The card as JSON would carry it; notes values JSON cannot (undefined, NaN, functions…). */
function plainJson(value: unknown, path: string, problems: string[]): Json {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) problems.push(`${path}: ${value} is not JSON`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => plainJson(v, `${path}[${i}]`, problems));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) problems.push(`${path}.${k}: undefined`);
      else out[k] = plainJson(v, `${path}.${k}`, problems);
    }
    return out;
  }
  problems.push(`${path}: ${typeof value} is not JSON`);
  return null;
}

function isEmptyList(value: Json): boolean {
  return Array.isArray(value) && value.length === 0;
}

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
