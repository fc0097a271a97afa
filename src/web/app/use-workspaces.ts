import { useRef, useState } from "react";
import type { WorkspaceSummary } from "../api/contract.js";
import { type Loaded, useApi, useDataAccess } from "./data-context.js";
import { takeWorkspacesPrefetch } from "./prefetch.js";

/**
 * The signed-in user's workspaces with their role: the list asked for as a deal's page started
 * (app/boot.ts), its answer if already come, taken once; else asked now.
 */
export function useWorkspaces(): Loaded<readonly WorkspaceSummary[]> {
  const data = useDataAccess();
  const [asked] = useState(takeWorkspacesPrefetch);
  const unused = useRef(asked?.settled ? undefined : asked);
  const [workspaces] = useApi(
    () => {
      const early = unused.current;
      unused.current = undefined;
      return early?.answer ?? data.listWorkspaces();
    },
    [data],
    asked?.settled,
  );
  return workspaces;
}
