import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rational } from "../../../src/core/exact/rational.js";
import { applyTransaction } from "../../../src/core/ledger/apply.js";
import { openingCapTable, replay } from "../../../src/core/ledger/replay.js";
import { capTableView, fractionOf } from "../../../src/core/ledger/views.js";
import { isoDate } from "../../../src/core/shared/date.js";
import { dealFrom, diagnosticsOf, header, runProblems, sharesOf } from "../../support/deal.js";
import { emptyLedger, stepArb, transactionsFrom } from "../../support/ledger-gen.js";

const HOLDERS = 6;

describe("ledger replay (SPEC LED-1..LED-7)", () => {
  it("LED-1: the replayed cap table equals a reference model kept by plain arithmetic (property)", () => {
    fc.assert(
      fc.property(fc.array(stepArb(HOLDERS), { minLength: 1, maxLength: 60 }), (steps) => {
        const { transactions, model } = transactionsFrom(steps, HOLDERS);
        const table = replay(emptyLedger(HOLDERS, transactions));
        expect(table.ok).toBe(true);
        if (!table.ok) return;
        for (let h = 0; h < HOLDERS; h++) {
          for (const c of ["common", "pref"]) {
            expect(sharesOf(table.value, `h${h}`, c), `h${h} ${c}`).toBe(
              model.shares.get(`h${h}/${c}`) ?? 0n,
            );
          }
        }
        const options = [...table.value.securities.values()].filter((s) => s.kind === "option");
        expect(options.reduce((a, o) => a + (o.kind === "option" ? o.quantity : 0n), 0n)).toBe(
          model.grants.reduce((a, g) => a + g.quantity, 0n),
        );
        expect(table.value.pools.get("plan" as never)!.available).toBe(model.poolAvailable);
      }),
      { numRuns: 150 },
    );
  });

  it("LED-1: the state kept transaction by transaction equals a full replay at every date (property)", () => {
    fc.assert(
      fc.property(fc.array(stepArb(HOLDERS), { minLength: 1, maxLength: 40 }), (steps) => {
        const { transactions } = transactionsFrom(steps, HOLDERS);
        const ledger = emptyLedger(HOLDERS, transactions);
        const opening = openingCapTable(ledger);
        if (!opening.ok) throw new Error("opening failed");
        const incremental = opening.value;
        for (const tx of transactions) {
          expect(applyTransaction(incremental, tx)).toBeUndefined();
          incremental.assertInvariants();
          const full = replay(ledger, tx.date);
          if (!full.ok) throw new Error("replay failed");
          expect(capTableView(incremental)).toEqual(capTableView(full.value));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("LED-4: transfers conserve the shares of every class (property)", () => {
    fc.assert(
      fc.property(fc.array(stepArb(HOLDERS), { minLength: 1, maxLength: 40 }), (steps) => {
        const { transactions } = transactionsFrom(steps, HOLDERS);
        const ledger = emptyLedger(HOLDERS, transactions);
        const opening = openingCapTable(ledger);
        if (!opening.ok) throw new Error("opening failed");
        const table = opening.value;
        for (const tx of transactions) {
          const before = new Map(table.issuedByClass);
          applyTransaction(table, tx);
          if (tx.type === "transfer") expect(table.issuedByClass).toEqual(before);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("LED-7: a whole-number split scales every holding and changes no fraction (property)", () => {
    fc.assert(
      fc.property(
        fc.array(stepArb(HOLDERS), { minLength: 1, maxLength: 30 }),
        fc.bigInt({ min: 2n, max: 10n }),
        (steps, ratio) => {
          const { transactions } = transactionsFrom(steps, HOLDERS);
          const before = replay(emptyLedger(HOLDERS, transactions));
          const split = [
            ...transactions,
            {
              type: "split" as const,
              id: "split" as never,
              date: isoDate("2099-01-01"),
              classIds: undefined,
              numerator: ratio,
              denominator: 1n,
            },
          ];
          const after = replay(emptyLedger(HOLDERS, split));
          if (!before.ok || !after.ok) throw new Error("replay failed");
          const vb = capTableView(before.value);
          const va = capTableView(after.value);
          expect(va.totals.fullyDiluted).toBe(vb.totals.fullyDiluted * ratio);
          for (const h of vb.holders) {
            const a = va.holders.find((x) => x.holder === h.holder)!;
            expect(a.outstanding).toBe(h.outstanding * ratio);
            expect(
              fractionOf(a.fullyDiluted, va.totals.fullyDiluted).eq(
                fractionOf(h.fullyDiluted, vb.totals.fullyDiluted),
              ),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("LED-5: the order of independent transactions on one date does not change the result (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            holder: fc.nat(HOLDERS - 1),
            shares: fc.bigInt({ min: 1n, max: 10n ** 9n }),
            preferred: fc.boolean(),
          }),
          { minLength: 2, maxLength: 12 },
        ),
        fc.infiniteStream(fc.nat()),
        (issues, randomness) => {
          const txs = issues.map((x, i) => ({
            type: "stock_issuance" as const,
            id: `t${i}` as never,
            date: isoDate("2021-06-01"),
            security: `s${i}` as never,
            holder: `h${x.holder}` as never,
            classId: (x.preferred ? "pref" : "common") as never,
            shares: x.shares,
            pricePerShare: undefined,
            investedAmount: undefined,
            vestingId: undefined,
            vestingStart: undefined,
          }));
          const shuffled = [...txs];
          const it = randomness[Symbol.iterator]();
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (it.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const a = replay(emptyLedger(HOLDERS, txs));
          const b = replay(emptyLedger(HOLDERS, shuffled));
          if (!a.ok || !b.ok) throw new Error("replay failed");
          const va = capTableView(a.value);
          const vb = capTableView(b.value);
          expect(va.totals).toEqual(vb.totals);
          for (const h of va.holders) {
            const other = vb.holders.find((x) => x.holder === h.holder)!;
            expect(other.sharesByClass).toEqual(h.sharesByClass);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("FD-1: fully diluted fractions of holders and pools sum to exactly 1 (property)", () => {
    fc.assert(
      fc.property(fc.array(stepArb(HOLDERS), { minLength: 1, maxLength: 40 }), (steps) => {
        const { transactions } = transactionsFrom(steps, HOLDERS);
        const table = replay(emptyLedger(HOLDERS, transactions));
        if (!table.ok) throw new Error("replay failed");
        const view = capTableView(table.value);
        const parts = [...view.holders.map((h) => h.fullyDiluted), ...view.pools.map((p) => p.available)];
        const sum = Rational.sum(parts.map((p) => fractionOf(p, view.totals.fullyDiluted)));
        expect(view.totals.fullyDiluted === 0n || sum.eq(Rational.ONE)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

const two = header(
  ["alice", "bob"],
  `pools:
  - { id: plan, name: Plan, class: common, reserved: 1000 }
`,
);

describe("ledger rejections name the transaction, the field and what is wrong (SPEC LED-3)", () => {
  it("transfer_exceeds_holding", () => {
    const [p] = runProblems(`${two}transactions:
  - { type: issue, date: 2021-01-01, holder: alice, class: common, shares: 100 }
  - { type: transfer, date: 2021-02-01, from: alice, to: bob, class: common, shares: 101 }
`);
    expect(p!.code).toBe("transfer_exceeds_holding");
    expect(p!.message).toMatch(/transfers 101 Common shares from alice, who holds 100/);
    expect(p!.path).toEqual(["transactions", 1, "shares"]);
  });

  it("date_before_formation", () => {
    const [p] = runProblems(`${two}transactions:
  - { type: issue, date: 2019-12-31, holder: alice, class: common, shares: 100 }
`);
    expect(p!.code).toBe("date_before_formation");
    expect(p!.message).toMatch(/dated 2019-12-31, before the company's formation on 2020-01-01/);
  });

  it("grant_exceeds_pool", () => {
    const [p] = runProblems(`${two}transactions:
  - { type: grant, date: 2021-01-01, holder: alice, pool: plan, quantity: 1001, exercisePrice: $0.1 }
`);
    expect(p!.code).toBe("grant_exceeds_pool");
    expect(p!.message).toMatch(/which has 1000 available/);
  });

  it("exercise_exceeds_outstanding and security_not_outstanding", () => {
    const [p] = runProblems(`${two}transactions:
  - { type: grant, date: 2021-01-01, holder: alice, pool: plan, quantity: 10, exercisePrice: $0.1, security: opt1 }
  - { type: exercise, date: 2021-02-01, security: opt1, quantity: 11 }
`);
    expect(p!.code).toBe("exercise_exceeds_outstanding");
    const [q] = runProblems(`${two}transactions:
  - { type: grant, date: 2021-01-01, holder: alice, pool: plan, quantity: 10, exercisePrice: $0.1, security: opt1 }
  - { type: cancel, date: 2021-02-01, security: opt1 }
  - { type: exercise, date: 2021-03-01, security: opt1, quantity: 1 }
`);
    expect(q!.code).toBe("security_not_outstanding");
  });

  it("repurchase_exceeds_holding, cancellation_exceeds_outstanding, security_wrong_kind", () => {
    expect(
      runProblems(`${two}transactions:
  - { type: issue, date: 2021-01-01, holder: alice, class: common, shares: 5 }
  - { type: repurchase, date: 2021-02-01, holder: alice, class: common, shares: 6 }
`)[0]!.code,
    ).toBe("repurchase_exceeds_holding");
    expect(
      runProblems(`${two}transactions:
  - { type: issue, date: 2021-01-01, holder: alice, class: common, shares: 5, security: s1 }
  - { type: cancel, date: 2021-02-01, security: s1, quantity: 6 }
`)[0]!.code,
    ).toBe("cancellation_exceeds_outstanding");
    expect(
      runProblems(`${two}transactions:
  - { type: issue, date: 2021-01-01, holder: alice, class: common, shares: 5, security: s1 }
  - { type: exercise, date: 2021-02-01, security: s1, quantity: 1 }
`)[0]!.code,
    ).toBe("security_wrong_kind");
  });

  it("issuance_exceeds_authorized", () => {
    const [p] = runProblems(`roundtable: 1
company: { name: X }
stakeholders: [{ id: a, name: A }]
classes: [{ id: common, name: Common, type: common, authorized: 100 }]
transactions:
  - { type: issue, date: 2021-01-01, holder: a, class: common, shares: 101 }
`);
    expect(p!.code).toBe("issuance_exceeds_authorized");
  });

  it("conversion_cycle", () => {
    const diagnostics = diagnosticsOf(`roundtable: 1
company: { name: X }
classes:
  - { id: common, name: Common, type: common }
  - { id: a, name: A, type: preferred, convertsTo: b }
  - { id: b, name: B, type: preferred, convertsTo: a }
`);
    expect(diagnostics[0]!.code).toBe("conversion_cycle");
    expect(diagnostics[0]!.message).toMatch(/cycle: a → b → a/);
    expect(diagnostics[0]!.line).toBe(5);
  });
});

describe("as-of views", () => {
  it("replays only the transactions up to the date", () => {
    const deal = dealFrom(`${two}transactions:
  - { type: issue, date: 2021-01-01, holder: alice, class: common, shares: 100 }
  - { type: transfer, date: 2021-06-01, from: alice, to: bob, class: common, shares: 40 }
`);
    const early = replay(deal.ledger, isoDate("2021-03-01"));
    const late = replay(deal.ledger, isoDate("2021-06-01"));
    if (!early.ok || !late.ok) throw new Error("replay failed");
    expect(sharesOf(early.value, "bob")).toBe(0n);
    expect(sharesOf(late.value, "bob")).toBe(40n);
    expect(sharesOf(late.value, "alice")).toBe(60n);
  });
});

describe("vesting of options (SPEC VEST-1, VEST-3)", () => {
  it("splits outstanding options into vested and unvested as of a date, after exercises", async () => {
    const { optionVesting } = await import("../../../src/core/ledger/views.js");
    const deal = dealFrom(`${header(
      ["alice"],
      `pools:
  - { id: plan, name: Plan, class: common, reserved: 100000 }
vesting:
  - { id: std, months: 48, cliffMonths: 12, intervalMonths: 1 }
`,
    )}transactions:
  - { type: grant, date: 2021-01-01, holder: alice, pool: plan, quantity: 48000, exercisePrice: $0.1, vesting: std, security: g }
  - { type: exercise, date: 2022-06-01, security: g, quantity: 10000 }
`);
    const at = (date: string) => {
      const table = replay(deal.ledger, isoDate(date));
      if (!table.ok) throw new Error("replay failed");
      return optionVesting(table.value, isoDate(date)).get("alice" as never);
    };
    // Before the cliff nothing is vested.
    expect(at("2021-12-31")).toEqual({ vested: 0n, unvested: 48000n });
    // At the cliff, 12 of 48 months: 12,000.
    expect(at("2022-01-01")).toEqual({ vested: 12000n, unvested: 36000n });
    // 2022-06-01: 17 months vested = 17,000, less 10,000 exercised: 7,000 of 38,000 outstanding.
    expect(at("2022-06-01")).toEqual({ vested: 7000n, unvested: 31000n });
    // After 48 months everything outstanding is vested.
    expect(at("2025-01-01")).toEqual({ vested: 38000n, unvested: 0n });
  });

  it("VEST-4: a 2:1 split doubles vested and unvested options alike (200,000 options, 48 months, 12-month cliff, month 24)", async () => {
    const { optionVesting } = await import("../../../src/core/ledger/views.js");
    const deal = dealFrom(`${header(
      ["alice"],
      `pools:
  - { id: plan, name: Plan, class: common, reserved: 1000000 }
vesting:
  - { id: std, months: 48, cliffMonths: 12, intervalMonths: 1 }
`,
    )}transactions:
  - { type: grant, date: 2021-01-01, holder: alice, pool: plan, quantity: 200000, exercisePrice: $1, vesting: std, security: g }
  - { type: split, date: 2022-06-01, ratio: "2:1" }
`);
    const table = replay(deal.ledger, isoDate("2023-01-01"));
    if (!table.ok) throw new Error("replay failed");
    expect(optionVesting(table.value, isoDate("2023-01-01")).get("alice" as never)).toEqual({
      vested: 200000n,
      unvested: 200000n,
    });
  });

  it("VEST-4: a split scales vested and unvested options alike, after exercises (property)", async () => {
    const { optionVesting } = await import("../../../src/core/ledger/views.js");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1, max: 100000 }),
          fc.integer({ min: 1, max: 2000 }).map((n) => n * 48),
        ),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 60 }),
        (granted, exercisedPercent, factor, month) => {
          const yaml = (split: boolean) => `${header(
            ["alice"],
            `pools:
  - { id: plan, name: Plan, class: common, reserved: 1000000 }
vesting:
  - { id: std, months: 48, cliffMonths: 12, intervalMonths: 1 }
`,
          )}transactions:
  - { type: grant, date: 2021-01-01, holder: alice, pool: plan, quantity: ${granted}, exercisePrice: $1, vesting: std, security: g }
${
  exercisedPercent > 0 && Math.floor((granted * exercisedPercent) / 400) > 0
    ? `  - { type: exercise, date: 2022-01-01, security: g, quantity: ${Math.floor((granted * exercisedPercent) / 400)} }
`
    : ""
}${
  split
    ? `  - { type: split, date: 2022-01-02, ratio: "${factor}:1" }
`
    : ""
}`;
          const asOf = isoDate(
            `${2021 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-15`,
          );
          const vestingOf = (split: boolean) => {
            const table = replay(dealFrom(yaml(split)).ledger, asOf);
            if (!table.ok) throw new Error("replay failed");
            return optionVesting(table.value, asOf).get("alice" as never) ?? { vested: 0n, unvested: 0n };
          };
          const plain = vestingOf(false);
          const split = vestingOf(true);
          if (asOf < "2022-01-02") {
            expect(split).toEqual(plain);
          } else {
            const f = BigInt(factor);
            expect(split.vested + split.unvested).toBe((plain.vested + plain.unvested) * f);
            if (granted % 48 === 0) {
              // No vesting step rounds: the split multiplies vested and unvested exactly.
              expect(split).toEqual({ vested: plain.vested * f, unvested: plain.unvested * f });
            } else {
              // Vesting rounds down on the split grant (VEST-1): never less than the split
              // vested count, never a whole pre-split unit more.
              expect(split.vested >= plain.vested * f).toBe(true);
              expect(split.vested < (plain.vested + 1n) * f).toBe(true);
            }
          }
        },
      ),
      { numRuns: 50, seed: 4 },
    );
  });
});
