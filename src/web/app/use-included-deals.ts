import { useMemo } from "react";
import type { DealRecord } from "../api/contract.js";
import type { ApiResult } from "../api/data-access.js";
import { dealForFile, includedFiles } from "../engine/workspace-load.js";
import { type Loaded, useApi, useDataAccess } from "./data-context.js";

/**
 * The stored deals a workspace document names as its `file:` companies (SPEC WEB-14),
 * read from the workspace: what the capital flows and the exposure load the workspace with.
 */
export function useIncludedDeals(workspace: string, record: DealRecord): [Loaded<DealRecord[]>, () => void] {
  const data = useDataAccess();
  const files = useMemo(() => includedFiles(record.document), [record.document]);
  const [included, reload] = useApi(async (): Promise<ApiResult<DealRecord[]>> => {
    if (files.length === 0) return { ok: true, value: [] };
    const list = await data.listDeals(workspace);
    if (!list.ok) return list;
    const records: DealRecord[] = [];
    for (const file of files) {
      const summary = dealForFile(list.value, file);
      if (!summary) continue;
      const got = await data.getDeal(workspace, summary.id);
      if (!got.ok) return got;
      records.push(got.value);
    }
    return { ok: true, value: records };
  }, [data, workspace, files]);
  return [included, reload];
}
