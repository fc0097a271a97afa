import { Document, isScalar } from "yaml";
import type { Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import type { Ledger } from "../core/ledger/ledger.js";
import type { ShareClass } from "../core/ledger/share-class.js";
import type { Transaction } from "../core/ledger/transaction.js";

/**
 * Writes a ledger as a deal document (SPEC DEAL-5), the inverse of the builder for every
 * record a ledger holds: loading the written document gives back the same ledger. Used
 * to write deals from other formats (Open Cap Format imports). Numbers are written as
 * exact decimal text; amounts in the company's currency as plain decimals, others with
 * their currency code.
 */
export function ledgerToDocument(
  ledger: Ledger,
  extra: { readonly ocfPreserved?: unknown } = {},
): Record<string, unknown> {
  const currency = ledger.company.currency;
  const amount = (m: Money | undefined): string | undefined =>
    m === undefined
      ? undefined
      : m.currency === currency
        ? m.amount.toDecimalString(30)
        : `${m.currency} ${m.amount.toDecimalString(30)}`;
  const dec = (r: Rational) => r.toDecimalString(30);
  const compact = <T extends Record<string, unknown>>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const exactText = (r: Rational) => (r.isTerminatingDecimal() ? dec(r) : r.toString());

  const shareClass = (c: ShareClass) =>
    compact({
      id: c.id,
      name: c.name,
      type: c.type,
      authorized: c.authorizedShares?.toString(),
      originalIssuePrice: amount(c.originalIssuePrice),
      conversionPrice:
        c.conversionPrice && c.originalIssuePrice && c.conversionPrice.amount.eq(c.originalIssuePrice.amount)
          ? undefined
          : amount(c.conversionPrice),
      conversionRatio: c.baseConversionRatio.eq(Rational.ONE) ? undefined : exactText(c.baseConversionRatio),
      convertsTo: c.convertsTo,
      preference: c.preference
        ? {
            multiple: exactText(c.preference.multiple),
            base: c.preference.base,
            seniority: String(c.preference.seniority),
            participation:
              c.preference.participation.kind === "capped"
                ? { cap: exactText(c.preference.participation.capMultiple) }
                : c.preference.participation.kind,
          }
        : undefined,
      antiDilution: c.type === "preferred" ? c.antiDilution : undefined,
      dividends: c.dividends
        ? { rate: exactText(c.dividends.rate), cumulative: c.dividends.cumulative }
        : undefined,
      ipoRatchet: c.ipoRatchetMultiple === undefined ? undefined : exactText(c.ipoRatchetMultiple),
      qualifiedIpoPrice: amount(c.qualifiedIpoPrice),
      qualifiedIpoMinProceeds: amount(c.qualifiedIpoMinProceeds),
    });

  // A security created by a transaction takes the transaction's id unless it says otherwise (LED-2).
  const sameId = (security: string, id: string) => security === id;
  const transaction = (t: Transaction): Record<string, unknown> => {
    const base = { id: t.id, date: t.date };
    switch (t.type) {
      case "stock_issuance":
        return compact({
          ...base,
          type: "issue",
          holder: t.holder,
          class: t.classId,
          shares: t.shares.toString(),
          price: amount(t.pricePerShare),
          invested:
            t.investedAmount &&
            t.pricePerShare &&
            t.investedAmount.amount.eq(t.pricePerShare.amount.mulInt(t.shares))
              ? undefined
              : amount(t.investedAmount),
          vesting: t.vestingId,
          vestingStart: t.vestingStart,
          security: sameId(t.security, t.id) ? undefined : t.security,
        });
      case "option_grant":
        return compact({
          ...base,
          type: "grant",
          holder: t.holder,
          pool: t.poolId,
          class: t.classId,
          optionType: t.optionType === "option" ? undefined : t.optionType,
          quantity: t.quantity.toString(),
          exercisePrice: amount(t.exercisePrice),
          vesting: t.vestingId,
          vestingStart: t.vestingStart,
          expires: t.expirationDate,
          security: sameId(t.security, t.id) ? undefined : t.security,
        });
      case "warrant_issuance":
        return compact({
          ...base,
          type: "warrant",
          holder: t.holder,
          class: t.classId,
          quantity: t.quantity.toString(),
          exercisePrice: amount(t.exercisePrice),
          expires: t.expirationDate,
          security: sameId(t.security, t.id) ? undefined : t.security,
        });
      case "safe_issuance":
        return compact({
          ...base,
          type: "safe",
          holder: t.holder,
          amount: amount(t.purchaseAmount),
          safeType: t.safeType,
          cap: amount(t.valuationCap),
          discount: t.discount === undefined ? undefined : exactText(t.discount),
          mfn: t.mfn || undefined,
          proRata: t.proRataRights || undefined,
          shadowSeries: t.shadowSeries,
          capPricePrecision: t.conversionPricePrecision?.cap,
          discountPricePrecision: t.conversionPricePrecision?.discount,
          security: sameId(t.security, t.id) ? undefined : t.security,
        });
      case "note_issuance":
        return compact({
          ...base,
          type: "note",
          holder: t.holder,
          principal: amount(t.principal),
          interestRate: exactText(t.interestRate),
          interest: t.interest.method,
          compounding:
            t.interest.method === "compound"
              ? ({ 1: "annually", 2: "semiannually", 4: "quarterly", 12: "monthly" } as const)[
                  t.interest.periodsPerYear
                ]
              : undefined,
          maturity: t.maturityDate,
          cap: amount(t.valuationCap),
          capBasis: t.capBasis,
          discount: t.discount === undefined ? undefined : exactText(t.discount),
          proRata: t.proRataRights || undefined,
          shadowSeries: t.shadowSeries,
          capPricePrecision: t.conversionPricePrecision?.cap,
          discountPricePrecision: t.conversionPricePrecision?.discount,
          security: sameId(t.security, t.id) ? undefined : t.security,
        });
      case "exercise":
        return compact({
          ...base,
          type: "exercise",
          security: t.security,
          quantity: t.quantity.toString(),
          resultingSecurity: sameId(t.resultingSecurity, t.id) ? undefined : t.resultingSecurity,
        });
      case "transfer":
        return compact({
          ...base,
          type: "transfer",
          from: t.from,
          to: t.to,
          class: t.classId,
          shares: t.shares.toString(),
          security: t.security,
          price: amount(t.pricePerShare),
          resultingSecurity: sameId(t.resultingSecurity, t.id) ? undefined : t.resultingSecurity,
        });
      case "cancellation":
        return compact({ ...base, type: "cancel", security: t.security, quantity: t.quantity?.toString() });
      case "repurchase":
        return compact({
          ...base,
          type: "repurchase",
          holder: t.holder,
          class: t.classId,
          shares: t.shares.toString(),
          security: t.security,
          price: amount(t.pricePerShare),
        });
      case "split":
        return compact({
          ...base,
          type: "split",
          ratio: `${t.numerator}:${t.denominator}`,
          classes: t.classIds ? [...t.classIds] : undefined,
        });
      case "pool_increase":
        return { ...base, type: "pool_increase", pool: t.poolId, shares: t.shares.toString() };
      case "conversion":
        return compact({
          ...base,
          type: "convert",
          security: t.security,
          to: t.toClassId,
          shares: t.shares?.toString(),
          resultingSecurity: sameId(t.resultingSecurity, t.id) ? undefined : t.resultingSecurity,
        });
      case "conversion_price_adjustment":
        return {
          ...base,
          type: "adjust_conversion_price",
          class: t.classId,
          conversionPrice: amount(t.conversionPrice),
          reason: t.reason,
        };
      case "authorized_shares_adjustment":
        return compact({
          ...base,
          type: "authorize",
          class: t.classId,
          authorized: t.authorizedShares?.toString() ?? "unlimited",
        });
      case "tender": {
        const parts = (list: readonly { holder: string; shares: bigint }[]) =>
          list.map((p) => ({ holder: p.holder, shares: p.shares.toString() }));
        const firstRefusal = compact({
          company: t.companyFirstRefusal?.toString(),
          investors: t.investorFirstRefusal.length > 0 ? parts(t.investorFirstRefusal) : undefined,
        });
        return compact({
          ...base,
          type: "tender",
          class: t.classId,
          price: amount(t.pricePerShare),
          cap: t.cap?.toString(),
          sellers: parts(t.sellers),
          buyers: parts(t.buyers),
          firstRefusal: Object.keys(firstRefusal).length > 0 ? firstRefusal : undefined,
          buyersClass: t.buyersClassId,
        });
      }
      case "debt_issuance": {
        const w = t.warrant;
        const principal = t.principal.amount;
        return compact({
          ...base,
          type: "debt",
          holder: t.holder,
          principal: amount(t.principal),
          interestRate: exactText(t.interestRate),
          interest: t.interest,
          finalPayment: t.finalPayment.isZero() ? undefined : exactText(t.finalPayment),
          seniority: String(t.seniority),
          maturity: t.maturityDate,
          // The coverage that gives the warrants' quantity back: quantity × price ÷ principal (DEBT-2).
          warrantCoverage: w
            ? exactText(w.exercisePrice.amount.mulInt(w.quantity).div(principal))
            : undefined,
          warrantClass: w?.classId,
          warrantPrice: w ? amount(w.exercisePrice) : undefined,
          warrantExpires: w?.expirationDate,
          security: sameId(t.security, t.id) ? undefined : t.security,
        });
      }
      case "debt_repayment":
        return { ...base, type: "repay_debt", debt: t.security };
      case "pay_to_play":
        return compact({
          ...base,
          type: "pay_to_play",
          classes: [...t.classIds],
          roundClass: t.roundClassId,
          offered: t.offered.toString(),
          since: t.since,
          shadowClass: t.shadowClassId,
          form: t.form === "partial" ? "partial" : undefined,
        });
    }
  };

  return compact({
    roundtable: 1,
    company: compact({ name: ledger.company.name, formed: ledger.company.formationDate, currency }),
    exchangeRates:
      ledger.company.exchangeRates.length === 0
        ? undefined
        : ledger.company.exchangeRates.map((r) => ({ from: r.from, to: r.to, rate: exactText(r.rate) })),
    stakeholders: ledger.stakeholders.map((s) =>
      compact({
        id: s.id,
        name: s.name,
        type: s.type,
        aliases: s.aliases.length > 0 ? [...s.aliases] : undefined,
      }),
    ),
    classes: ledger.classes.map(shareClass),
    pools: ledger.pools.map((p) => ({
      id: p.id,
      name: p.name,
      class: p.classId,
      reserved: p.initialReserved.toString(),
    })),
    vesting: ledger.vestingSchedules.map((v) => ({
      id: v.id,
      name: v.name,
      months: String(v.months),
      cliffMonths: String(v.cliffMonths),
      intervalMonths: String(v.intervalMonths),
      acceleration: {
        singleTrigger: exactText(v.acceleration.singleTrigger),
        doubleTrigger: exactText(v.acceleration.doubleTrigger),
      },
    })),
    transactions: ledger.transactions.map(transaction),
    ocfPreserved:
      extra.ocfPreserved === undefined ? undefined : `${JSON.stringify(extra.ocfPreserved, null, 1)}\n`,
  });
}

/** The deal document as YAML text, with a comment heading it. */
export function dealYaml(document: Record<string, unknown>, comment: string): string {
  const doc = new Document(document);
  // Kept Open Cap Format objects read best as a block of JSON.
  const preserved = doc.get("ocfPreserved", true);
  if (isScalar(preserved)) preserved.type = "BLOCK_LITERAL";
  doc.commentBefore = comment
    .split("\n")
    .map((line) => ` ${line}`)
    .join("\n");
  return doc.toString({ lineWidth: 0 });
}
