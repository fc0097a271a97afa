import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { MemoryDealFile } from "../../../src/web/api/memory-data-access.js";

const examples = fileURLToPath(new URL("../../../examples/", import.meta.url));

/** The example deal files, read from disk (the app bundles the same files with Vite's ?raw). */
export function exampleFiles(): MemoryDealFile[] {
  return ["openai-round", "seed-to-series-a", "down-round"].map((id) => ({
    id,
    name: `${id}.yaml`,
    text: readFileSync(`${examples}${id}.yaml`, "utf8"),
  }));
}

export function exampleText(id: string): string {
  return readFileSync(`${examples}${id}.yaml`, "utf8");
}
