import { createRoot } from "react-dom/client";
import { syntheticDealYaml } from "../../../bench/model.bench.js";
import { modelReportOf } from "../../app/model.js";
import { type RoundEdit, RoundSession } from "../../app/round-session.js";
import { capTableView } from "../../core/ledger/views.js";
import { priceRound } from "../../core/round/price-round.js";
import { loadDeal } from "../../deal/load.js";
import { dealDocumentFromText, dealDocumentText } from "../api/deal-text.js";
import { MemoryDataAccess } from "../api/memory-data-access.js";
import { App } from "../app/App.js";
import { formatMoneyExactShort } from "../i18n/number-format.js";
import { compute } from "../views/RoundBuilder.js";
import "../styles/app.css";

/**
 * The in-browser benchmark page (not part of the app's build): bench/web.bench.ts opens
 * it in Chromium and calls these functions, which time the round builder's exact
 * recompute with performance.now() on a synthetic cap table.
 */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeMedian(fn: () => void, runs: number): number {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function openSession(holders: number) {
  const document = dealDocumentFromText(syntheticDealYaml(holders))!;
  const loaded = loadDeal(dealDocumentText(document), "synthetic.json");
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  const opened = RoundSession.open(loaded.deal, loaded.deal.rounds[0]!.id);
  if (!opened.ok) throw new Error(opened.problems[0]!.message);
  return opened.session;
}

/** Times the recompute of one slider step: the edited terms priced exactly, then the model's typed report. */
function recompute(holders: number, runs: number) {
  const session = openSession(holders);
  const initial = session.initialEdit((m) => formatMoneyExactShort(m, "en"));
  // Each run moves the first investor's amount by one slider step, as a drag does.
  const edits: RoundEdit[] = Array.from({ length: runs + 3 }, (_, i) => {
    const amountTexts = [...initial.amountTexts];
    amountTexts[0] = `$${10 + (i % 50) / 10}M`;
    return { ...initial, amountTexts };
  });
  // Every figure is timed over the same rotation of slider positions: amounts that are
  // not round numbers make larger rationals, so a single round amount would flatter them.
  const terms = edits.map((edit) => {
    const read = session.readTerms(edit);
    if (!read.ok) throw new Error("terms");
    return read.terms;
  });
  const outcomes = terms.map((t) => {
    const priced = priceRound(session.before, t);
    if (!priced.ok) throw new Error("price");
    return priced.value;
  });
  let i = 0;
  const read = timeMedian(() => void session.readTerms(edits[i++ % edits.length]!), runs);
  const price = timeMedian(() => void priceRound(session.before, terms[i++ % terms.length]!), runs);
  const views = timeMedian(() => {
    const outcome = outcomes[i++ % outcomes.length]!;
    void modelReportOf(session.deal, outcome, [], session.beforeView);
  }, runs);
  const afterView = timeMedian(() => void capTableView(outcomes[i++ % outcomes.length]!.after), runs);
  // Last, so that its parts have been compiled by then as they are after a few slider steps.
  const total = timeMedian(() => void compute(session, edits[i++ % edits.length]!), runs);
  return { total, read, price, views, afterView };
}

/** Renders the app on a synthetic deal held in memory and opens its round builder. */
async function mountApp(holders: number) {
  const text = syntheticDealYaml(holders);
  const data = new MemoryDataAccess([{ id: `synthetic-${holders}`, name: "synthetic.yaml", text }]);
  window.location.hash = `#/w/examples/d/synthetic-${holders}/round/a`;
  createRoot(document.getElementById("root")!).render(<App dataAccess={data} mode="memory" locale="en" />);
  for (let i = 0; i < 600 && !document.querySelector("#amount-0-slider"); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!document.querySelector("#amount-0-slider")) throw new Error("the round builder did not open");
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/**
 * Drags the first investor's slider as a user does: one step per animation frame, for
 * `steps` frames. Times, per step, the work the input event triggers before the page can
 * paint (the exact recompute, React's render and the DOM commit: "input to commit"), and
 * the interval between frames while dragging (16.7 ms when every frame is kept at 60 Hz;
 * longer when work, the deferred chart update included, makes frames drop).
 */
function drag(steps: number): Promise<{
  commitMedian: number;
  commitP95: number;
  frameMedian: number;
  frameP95: number;
  recomputeMedian: number;
}> {
  const slider = document.querySelector<HTMLInputElement>("#amount-0-slider")!;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  const commit: number[] = [];
  const frames: number[] = [];
  const reported: number[] = [];
  let position = Number(slider.value);
  let last = 0;
  return new Promise((resolve) => {
    const step = (now: number) => {
      if (last > 0) frames.push(now - last);
      last = now;
      if (commit.length === steps) {
        resolve({
          commitMedian: median(commit),
          commitP95: percentile(commit, 0.95),
          frameMedian: median(frames),
          frameP95: percentile(frames, 0.95),
          recomputeMedian: median(reported),
        });
        return;
      }
      position = position >= 900 ? 100 : position + 3;
      const t0 = performance.now();
      setter.call(slider, String(position));
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      commit.push(performance.now() - t0);
      const ms = document.querySelector("[data-recompute-ms]")?.getAttribute("data-recompute-ms");
      if (ms) reported.push(Number(ms));
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/** The interval between animation frames with nothing to do: the reference for `drag`'s frame interval. */
function idleFrames(count: number): Promise<number> {
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let last = 0;
    const step = (now: number) => {
      if (last > 0) intervals.push(now - last);
      last = now;
      if (intervals.length < count) requestAnimationFrame(step);
      else resolve(median(intervals));
    };
    requestAnimationFrame(step);
  });
}

declare global {
  interface Window {
    roundtableBench: {
      recompute: typeof recompute;
      mountApp: typeof mountApp;
      drag: typeof drag;
      idleFrames: typeof idleFrames;
    };
  }
}

window.roundtableBench = { recompute, mountApp, drag, idleFrames };
