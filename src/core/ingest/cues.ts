/**
 * The cue words of one sentence: every lexicon pattern scanned once over the folded
 * sentence, with matches that fall inside a name dropped ("Tagus Invest" is no verb,
 * "Stratus Cloud" no cloud agreement).
 */
import type { LanguageRules } from "./lexicon.js";
import type { ClaimStatus } from "./types.js";

export interface Span {
  /** Offsets relative to the sentence. */
  readonly start: number;
  readonly end: number;
}

export interface StatusCue extends Span {
  readonly status: ClaimStatus | "conditional";
}

export interface Cues {
  readonly investVerb: readonly Span[];
  readonly investNoun: readonly Span[];
  readonly raiseVerb: readonly Span[];
  readonly roundNoun: readonly Span[];
  readonly intent: readonly Span[];
  readonly sourcePrep: readonly Span[];
  readonly nonExhaustive: readonly Span[];
  readonly leadPrep: readonly Span[];
  readonly recipientPrep: readonly Span[];
  readonly withPrep: readonly Span[];
  readonly valuation: readonly Span[];
  readonly valuationPre: readonly Span[];
  readonly valuationPost: readonly Span[];
  readonly agreement: readonly Span[];
  readonly stakeVerb: readonly Span[];
  readonly shareholderNoun: readonly Span[];
  readonly negative: readonly Span[];
  readonly amountRef: readonly Span[];
  readonly alternative: readonly Span[];
  readonly background: readonly Span[];
  readonly backgroundAdjacent: readonly Span[];
  readonly status: readonly StatusCue[];
}

function scan(folded: string, pattern: RegExp, excluded: readonly Span[]): Span[] {
  const out: Span[] = [];
  pattern.lastIndex = 0;
  for (const m of folded.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === start) continue;
    // A cue written inside a name ("Tagus Invest", "Stratus Cloud") is part of the name.
    if (excluded.some((x) => x.start <= start && end <= x.end)) continue;
    out.push({ start, end });
  }
  return out;
}

/**
 * Scans the cues of a sentence. `names` are the spans of names (cues inside them are
 * dropped); `attributions` the attribution phrases (status words inside them describe
 * the source, not the deal, and are dropped).
 */
export function scanCues(
  folded: string,
  rules: LanguageRules,
  names: readonly Span[],
  attributions: readonly Span[],
): Cues {
  const s = (p: RegExp) => scan(folded, p, names);
  // Status words inside an attribution describe the source ("a annoncé la société"), except
  // the hedges: "des rapports suggèrent", "rumours … suggest" make the claim rumoured.
  const statusExcluded = [...names, ...attributions];
  const status: StatusCue[] = [];
  for (const rule of rules.status) {
    const excluded = rule.status === "rumored" ? names : statusExcluded;
    for (const span of scan(folded, rule.pattern, excluded)) status.push({ ...span, status: rule.status });
  }
  for (const span of scan(folded, rules.conditional, statusExcluded)) {
    if (!rules.conditionalExceptions.has(folded.slice(span.start, span.end))) {
      status.push({ ...span, status: "conditional" });
    }
  }
  return {
    investVerb: s(rules.investVerb),
    investNoun: s(rules.investNoun),
    raiseVerb: s(rules.raiseVerb),
    roundNoun: s(rules.roundNoun),
    intent: s(rules.intent),
    sourcePrep: s(rules.sourcePrep),
    nonExhaustive: s(rules.nonExhaustive),
    leadPrep: s(rules.leadPrep),
    recipientPrep: s(rules.recipientPrep),
    withPrep: s(rules.withPrep),
    valuation: s(rules.valuation),
    valuationPre: s(rules.valuationPre),
    valuationPost: s(rules.valuationPost),
    agreement: s(rules.agreement),
    stakeVerb: s(rules.stakeVerb),
    shareholderNoun: s(rules.shareholderNoun),
    negative: s(rules.negative),
    amountRef: s(rules.amountRef),
    alternative: s(rules.alternative),
    background: s(rules.background),
    backgroundAdjacent: s(rules.backgroundAdjacent),
    status: status.sort((a, b) => a.start - b.start),
  };
}
