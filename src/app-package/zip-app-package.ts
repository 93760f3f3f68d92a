import { zipSync } from "fflate";

/** The files Teams expects at the root of the package, and nothing else. */
export const PACKAGE_FILES = ["manifest.json", "color.png", "outline.png"] as const;
export type PackageFileName = (typeof PACKAGE_FILES)[number];

/** A fixed time stamp, so rebuilding from the same files gives the same zip. */
const FIXED_MTIME = new Date(Date.UTC(2024, 0, 1));

/** Zips the three files flat (no folders), deflated, with fixed time stamps. */
export function zipAppPackage(files: Readonly<Record<PackageFileName, Uint8Array>>): Uint8Array {
  const entries = Object.fromEntries(PACKAGE_FILES.map((name) => [name, files[name]]));
  return zipSync(entries, { level: 9, mtime: FIXED_MTIME });
}
