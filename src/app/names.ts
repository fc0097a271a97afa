import type { CapTable } from "../core/ledger/cap-table.js";
import type { Deal } from "../deal/build.js";
import type { QuantityRefNamed } from "./model.js";
import type { Ref } from "./use-case.js";

/**
 * Display names for the references a report carries (APP-2), looked up once here so that
 * no face looks a name up from an id. An id without a name (a security, a pool) is its
 * own name.
 */
/**
 * A quantity of the deal's claims by its id: its label as name and its typed reference
 * (an investment, a round size, a valuation…), so that a face asks what a quantity is
 * without matching its id.
 */
export function quantityNamer(deal?: Deal): (id: string) => QuantityRefNamed {
  const quantities = new Map(deal?.uncertainty?.claimSet.model.quantities.map((q) => [q.id as string, q]));
  return (id) => {
    const q = quantities.get(id);
    return {
      id,
      name: q?.label ?? id,
      ...(q && q.labelFr !== q.label ? { nameFr: q.labelFr } : {}),
      ...(q ? { ref: q.ref } : {}),
    };
  };
}

/** A claim of the deal by its id: named by what it is about ("Amazon + Nvidia + Microsoft"), its source by its publisher. */
export function claimNamer(deal?: Deal): (id: string) => Ref & { readonly source?: Ref } {
  const claims = new Map(deal?.uncertainty?.claimSet.claims.map((c) => [c.id as string, c]));
  const sources = deal?.uncertainty?.claimSet.sources;
  return (id) => {
    const c = claims.get(id);
    if (!c) return { id, name: id };
    const s = sources?.get(c.source);
    return {
      id,
      name: c.subjectLabel,
      ...(c.subjectLabelFr !== c.subjectLabel ? { nameFr: c.subjectLabelFr } : {}),
      source: { id: c.source, name: s?.publisher ?? s?.title ?? c.source },
    };
  };
}

export function namer(table: CapTable, deal?: Deal) {
  const quantity = quantityNamer(deal);
  return {
    holder: (id: string): Ref => ({ id, name: table.stakeholders.get(id as never)?.name ?? id }),
    shareClass: (id: string): Ref => ({ id, name: table.classes.get(id as never)?.name ?? id }),
    pool: (id: string): Ref => ({ id, name: table.pools.get(id as never)?.name ?? id }),
    security: (id: string): Ref => ({ id, name: id }),
    quantity,
    /** A claim by what it is about: "Amazon + Nvidia + Microsoft"; its source is `source`. */
    claim: claimNamer(deal),
  };
}
