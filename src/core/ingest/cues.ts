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
  readonly stakeAcquired: readonly Span[];
  readonly status: readonly StatusCue[];
}

function scan(folded: string, pattern: RegExp, excluded: readonly Span[]): Span[] {
  const out: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === start) {
      pattern.lastIndex++;
      continue;
    }
    // A cue written inside a name ("Tagus Invest", "Stratus Cloud") is part of the name.
    if (excluded.some((x) => x.start <= start && end <= x.end)) continue;
    out.push({ start, end });
  }
  return out;
}

/**
 * The cues of a sentence. `names` are the spans of names (cues inside them are dropped);
 * `attributions` the attribution phrases (status words inside them describe the source,
 * not the deal, and are dropped — except hedges, see below). Each list is scanned the
 * first time it is read: most sentences need only a few.
 */
export class SentenceCues implements Cues {
  private readonly memo: (readonly Span[] | undefined)[] = [];
  private statusMemo: readonly StatusCue[] | undefined;

  constructor(
    private readonly folded: string,
    private readonly rules: LanguageRules,
    private readonly names: readonly Span[],
    private readonly attributions: readonly Span[],
  ) {}

  private get(slot: number, pattern: RegExp): readonly Span[] {
    let list = this.memo[slot];
    if (list === undefined) {
      list = scan(this.folded, pattern, this.names);
      this.memo[slot] = list;
    }
    return list;
  }

  get investVerb() {
    return this.get(0, this.rules.investVerb);
  }
  get investNoun() {
    return this.get(1, this.rules.investNoun);
  }
  get raiseVerb() {
    return this.get(2, this.rules.raiseVerb);
  }
  get roundNoun() {
    return this.get(3, this.rules.roundNoun);
  }
  get intent() {
    return this.get(4, this.rules.intent);
  }
  get sourcePrep() {
    return this.get(5, this.rules.sourcePrep);
  }
  get nonExhaustive() {
    return this.get(6, this.rules.nonExhaustive);
  }
  get leadPrep() {
    return this.get(7, this.rules.leadPrep);
  }
  get recipientPrep() {
    return this.get(8, this.rules.recipientPrep);
  }
  get withPrep() {
    return this.get(9, this.rules.withPrep);
  }
  get valuation() {
    return this.get(10, this.rules.valuation);
  }
  get valuationPre() {
    return this.get(11, this.rules.valuationPre);
  }
  get valuationPost() {
    return this.get(12, this.rules.valuationPost);
  }
  get agreement() {
    return this.get(13, this.rules.agreement);
  }
  get stakeVerb() {
    return this.get(14, this.rules.stakeVerb);
  }
  get shareholderNoun() {
    return this.get(15, this.rules.shareholderNoun);
  }
  get negative() {
    return this.get(16, this.rules.negative);
  }
  get amountRef() {
    return this.get(17, this.rules.amountRef);
  }
  get alternative() {
    return this.get(18, this.rules.alternative);
  }
  get background() {
    return this.get(19, this.rules.background);
  }
  get backgroundAdjacent() {
    return this.get(20, this.rules.backgroundAdjacent);
  }
  get stakeAcquired() {
    return this.get(21, this.rules.stakeAcquired);
  }
  get status(): readonly StatusCue[] {
    this.statusMemo ??= scanStatus(this.folded, this.rules, this.names, this.attributions);
    return this.statusMemo;
  }
}

export function scanCues(
  folded: string,
  rules: LanguageRules,
  names: readonly Span[],
  attributions: readonly Span[],
): Cues {
  return new SentenceCues(folded, rules, names, attributions);
}

function scanStatus(
  folded: string,
  rules: LanguageRules,
  names: readonly Span[],
  attributions: readonly Span[],
): StatusCue[] {
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
  return status.sort((a, b) => a.start - b.start);
}
