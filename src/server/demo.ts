import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDealText } from "../deal/load.js";
import { documentKind, storableDocument } from "../storage/deal-document.js";
import type { Store } from "../storage/store.js";
import { hashPassword, newSecret } from "./auth.js";

/** The examples folder of the package (beside src/ and dist/). */
export const EXAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../examples");

export const DEMO_USER = "demo";
export const DEMO_WORKSPACE = "demo";

/**
 * On a store with no users, creates the demo administrator with a random password, a
 * `demo` workspace they own, and the examples as its documents, deals before the workspaces that name them (SPEC SRV-3). Returns the
 * password (to print once) or undefined when the store already has users.
 */
export async function seedDemo(store: Store, examplesDir = EXAMPLES_DIR): Promise<string | undefined> {
  if ((await store.countUsers()) > 0) return undefined;
  const password = newSecret().slice(0, 20);
  const user = await store.createUser(
    { username: DEMO_USER, passwordHash: await hashPassword(password), admin: true },
    "system",
  );
  if (!user) return undefined;
  await store.createWorkspace({ id: DEMO_WORKSPACE, name: "Demo", ownerId: user.id }, user.id);
  // Deals first: a workspace names the stored deals of its companies (STORE-3).
  const documents = readdirSync(examplesDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(examplesDir, file), "utf8");
      const parsed = parseDealText(text, file);
      const kind = parsed.ok ? documentKind(parsed.value.raw) : "deal";
      return { file, text, kind };
    });
  for (const kind of ["deal", "workspace"] as const) {
    for (const { file, text } of documents.filter((d) => d.kind === kind)) {
      const parsed = await storableDocument(
        text,
        file,
        async (slug) => (await store.headRevision(DEMO_WORKSPACE, slug))?.document ?? undefined,
      );
      if (!parsed.ok) continue;
      await store.writeDeal({
        workspaceId: DEMO_WORKSPACE,
        slug: file.replace(/\.(ya?ml|json)$/, ""),
        expectedVersion: 0,
        action: "create",
        document: parsed.canonical,
        actorId: user.id,
      });
    }
  }
  return password;
}
