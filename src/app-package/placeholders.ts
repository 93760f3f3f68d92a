/**
 * The template's placeholders: `${{NAME}}`, NAME in upper snake case, anywhere inside a JSON string value
 * of appPackage/manifest.json. The same spelling as the Microsoft 365 Agents Toolkit, so the template reads
 * familiar, but filled here by Attune's own code from a checked environment.
 */
export const PLACEHOLDER = /\$\{\{([A-Z][A-Z0-9_]*)\}\}/g;

/** Anything that still looks like a placeholder after filling, even a malformed one. */
const LEFTOVER = /\$\{\{[^}]*\}\}|\$\{\{/;

/** The placeholders the template may use, and what fills them. */
export const PLACEHOLDER_NAMES = ["MICROSOFT_APP_ID", "TEAMS_APP_ID", "APP_VERSION", "PUBLIC_HOSTNAME"] as const;
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];
export type PlaceholderValues = Readonly<Record<PlaceholderName, string>>;

export type FillResult = { ok: true; manifest: unknown } | { ok: false; problems: string[] };

function isKnown(name: string): name is PlaceholderName {
  return (PLACEHOLDER_NAMES as readonly string[]).includes(name);
}

/**
 * Replaces every placeholder in the string values of a parsed template (keys are left as they are).
 * Working on parsed values, never on the JSON text, means no value can break the JSON around it. An unknown
 * name or anything left that looks like a placeholder is a problem, reported with its JSON path.
 */
export function fillPlaceholders(template: unknown, values: PlaceholderValues): FillResult {
  const problems: string[] = [];

  const fill = (node: unknown, path: string): unknown => {
    if (typeof node === "string") {
      let unknownHere = false;
      const filled = node.replace(PLACEHOLDER, (whole, name: string) => {
        if (isKnown(name)) return values[name];
        unknownHere = true;
        problems.push(`manifest.json ${path}: unknown placeholder ${whole} (known: ${PLACEHOLDER_NAMES.join(", ")})`);
        return whole;
      });
      const left = unknownHere ? null : filled.match(LEFTOVER);
      if (left !== null) problems.push(`manifest.json ${path}: leftover placeholder "${left[0]}"`);
      return filled;
    }
    if (Array.isArray(node)) return node.map((item, i) => fill(item, `${path}[${i}]`));
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) => {
          if (LEFTOVER.test(key)) problems.push(`manifest.json ${path}: placeholder in a property name "${key}"`);
          return [key, fill(value, `${path}.${key}`)];
        }),
      );
    }
    return node;
  };

  const manifest = fill(template, "$");
  return problems.length === 0 ? { ok: true, manifest } : { ok: false, problems };
}

/** The placeholder names a template uses, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!))];
}
