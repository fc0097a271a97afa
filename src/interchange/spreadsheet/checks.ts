import { Rational } from "../../core/exact/rational.js";
import type { CapTableView } from "../../core/ledger/views.js";
import type { BuiltDocument } from "./build-deal.js";
import { nameKey, type SheetContents, type StatedPercent } from "./holdings.js";
import type { ProblemList } from "./problems.js";
import { percentText } from "./stated-figures.js";

/**
 * Checking the sheet's own figures against the imported cap table (IMP-51, IMP-52).
 * A stated total is a whole number of shares: any difference is an error, since the
 * import cannot know whether the rows or the total are wrong. A percentage is written to
 * some precision: it is checked to half a unit of its last place, and a difference is a
 * warning (an error when the import is strict), since percentages are often stale.
 */
export function checkStatedFigures(
  contents: SheetContents,
  built: BuiltDocument,
  view: CapTableView,
  strict: boolean,
  problems: ProblemList,
): void {
  for (const t of contents.totals) {
    if (t.stated === t.computed) continue;
    const diff = t.stated - t.computed;
    problems.error(
      "import_total_mismatch",
      t.place,
      `the sheet's total is ${t.stated} but ${t.what} add${t.what.startsWith("the column") ? "s" : ""} up to ${t.computed} (${diff > 0n ? `${diff} more` : `${-diff} fewer`} in the total); correct the total or the rows`,
    );
  }
  for (const p of contents.percents) {
    const candidates = percentCandidates(p, built, view);
    if (candidates.length === 0) continue;
    const close = candidates.some((c) => c.value.sub(p.stated).abs().lte(p.tolerance));
    if (close) continue;
    const described = candidates
      .map((c) => `${percentText(c.value)} of the ${c.basis} shares (${c.part} of ${c.whole})`)
      .join(", or ");
    const what = `states ${p.written} (${percentText(p.stated)}) but the imported shares give ${described}`;
    if (strict) problems.error("import_percentage_mismatch", p.place, what);
    else problems.warn("import_percentage_mismatch", p.place, what);
  }
}

interface Candidate {
  readonly value: Rational;
  readonly basis: "fully diluted" | "outstanding";
  readonly part: bigint;
  readonly whole: bigint;
}

function percentCandidates(p: StatedPercent, built: BuiltDocument, view: CapTableView): Candidate[] {
  const fd = view.totals.fullyDiluted;
  const out = view.totals.outstanding;
  const of = (part: bigint, whole: bigint, basis: Candidate["basis"]): Candidate[] =>
    whole === 0n ? [] : [{ value: Rational.of(part, whole), basis, part, whole }];
  const byBasis = (fdPart: bigint, outPart: bigint): Candidate[] => [
    ...(p.basis !== "outstanding" ? of(fdPart, fd, "fully diluted") : []),
    ...(p.basis !== "fully_diluted" ? of(outPart, out, "outstanding") : []),
  ];
  switch (p.subject.kind) {
    case "total":
      return [
        {
          value: Rational.ONE,
          basis: p.basis === "outstanding" ? "outstanding" : "fully diluted",
          part: fd,
          whole: fd,
        },
      ];
    case "pool": {
      const available = view.pools.reduce((s, x) => s + x.available, 0n);
      return of(available, fd, "fully diluted");
    }
    case "holder":
    case "row": {
      const id = built.holderIds.get(nameKey(p.subject.holder));
      const position = view.holders.find((h) => h.holder === id);
      const holderFd = position?.fullyDiluted ?? 0n;
      const holderOut = position?.outstanding ?? 0n;
      const own = byBasis(holderFd, holderOut);
      return p.subject.kind === "row" ? [...byBasis(p.subject.shares, p.subject.shares), ...own] : own;
    }
  }
}
