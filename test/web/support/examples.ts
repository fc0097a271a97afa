import { EXAMPLE_FILES } from "../../../src/web/api/examples.js";
import type { MemoryDealFile } from "../../../src/web/api/memory-data-access.js";

/** The example deal files as the app bundles them (Vite's ?raw imports of examples/). */
export function exampleFiles(): MemoryDealFile[] {
  return [...EXAMPLE_FILES];
}

export function exampleText(id: string): string {
  const file = EXAMPLE_FILES.find((f) => f.id === id);
  if (!file) throw new Error(`no example ${id}`);
  return file.text;
}
