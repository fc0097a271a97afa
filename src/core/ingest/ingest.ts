/**
 * Ingestion of news reports into draft claims (docs/spec/ingest.md). `ingest` reads a
 * whole text; `startIngest` reads one given in pieces (a file read in chunks) and gives
 * the same result, paragraph by paragraph, so that a 50 MB input never sits in memory
 * more than once. Pure: no I/O, no clock; the same text and options give the same output.
 */
import { type IsoDate, parseIsoDate } from "../shared/date.js";
import { LIMITS } from "../shared/limits.js";
import { fail, type Problem, problem, type Result, warning } from "../shared/problem.js";
import { type ConflictInput, findConflicts } from "./conflicts.js";
import { roundDisplayName } from "./deal-time.js";
import { mergeDuplicates } from "./duplicates.js";
import { EntityRegistry } from "./entity-registry.js";
import {
  checkCharacters,
  emptyInputProblem,
  tooLargeProblem,
  Utf8Validator,
  utf8Length,
} from "./input-check.js";
import { guessLanguage, type LanguageGuess, languageScores } from "./language.js";
import type { LanguageRules } from "./lexicon.js";
import { ENGLISH_RULES } from "./lexicon-en.js";
import { FRENCH_RULES } from "./lexicon-fr.js";
import { ClaimReader, type WorkingClaim } from "./reader.js";
import { splitSentences } from "./sentences.js";
import { foldText } from "./text-fold.js";
import type {
  DraftClaim,
  IngestLanguage,
  IngestOptions,
  IngestOutput,
  KnownStakeholder,
  PartyRef,
} from "./types.js";

/** The first characters read to detect the language (ING-LANG-1). */
export const LANGUAGE_SAMPLE_CHARS = 8_000;
/** A paragraph overrides the article's language only on this much evidence (ING-LANG-2). */
const PARAGRAPH_OVERRIDE = { minEvidence: 8, minConfidence: 0.6, minChars: 120, sampleChars: 300 };
const PARAGRAPH_BREAK = /\n[ \t\r\u00a0]*\n/g;

const RULES: Record<IngestLanguage, LanguageRules> = { fr: FRENCH_RULES, en: ENGLISH_RULES };

/** Reads a text given in pieces; `end` returns what `ingest` returns for the whole text. */
export interface IngestSession {
  /** Adds the next piece: text, or UTF-8 bytes (one kind per session). */
  push(chunk: string | Uint8Array): Problem | undefined;
  end(): Result<IngestOutput>;
}

interface ValidOptions {
  readonly lang: IngestLanguage | "auto";
  readonly sourceDate: IsoDate | null;
  readonly known: readonly KnownStakeholder[];
}

function validateOptions(options: IngestOptions): Result<ValidOptions> {
  const lang = options.lang ?? "auto";
  if (lang !== "auto" && lang !== "fr" && lang !== "en") {
    return fail("ingest_invalid_option", `lang is "${String(lang)}"; expected "fr", "en" or "auto"`, [
      "lang",
    ]);
  }
  let sourceDate: IsoDate | null = null;
  if (options.sourceDate !== undefined) {
    const parsed = typeof options.sourceDate === "string" ? parseIsoDate(options.sourceDate) : undefined;
    if (!parsed) {
      return fail(
        "ingest_invalid_option",
        `sourceDate is "${String(options.sourceDate)}"; expected a calendar date as YYYY-MM-DD`,
        ["sourceDate"],
      );
    }
    sourceDate = parsed;
  }
  const known = options.knownStakeholders ?? [];
  if (!Array.isArray(known)) {
    return fail("ingest_invalid_option", "knownStakeholders must be a list of {id, name, aliases}", [
      "knownStakeholders",
    ]);
  }
  if (known.length > LIMITS.stakeholders) {
    return fail(
      "ingest_invalid_option",
      `knownStakeholders has ${known.length} entries; at most ${LIMITS.stakeholders} (LIMITS.stakeholders)`,
      ["knownStakeholders"],
    );
  }
  const ids = new Set<string>();
  for (let i = 0; i < known.length; i++) {
    const k = known[i] as Partial<KnownStakeholder> | undefined;
    const path = ["knownStakeholders", i];
    if (!k || typeof k.id !== "string" || k.id.trim().length === 0) {
      return fail("ingest_invalid_option", `knownStakeholders[${i}].id must be a non-empty string`, [
        ...path,
        "id",
      ]);
    }
    if (typeof k.name !== "string" || k.name.trim().length === 0) {
      return fail("ingest_invalid_option", `knownStakeholders[${i}].name must be a non-empty string`, [
        ...path,
        "name",
      ]);
    }
    if (
      k.aliases !== undefined &&
      (!Array.isArray(k.aliases) || k.aliases.some((a) => typeof a !== "string"))
    ) {
      return fail("ingest_invalid_option", `knownStakeholders[${i}].aliases must be a list of strings`, [
        ...path,
        "aliases",
      ]);
    }
    if (ids.has(k.id)) {
      return fail("ingest_invalid_option", `knownStakeholders[${i}].id "${k.id}" is given twice`, [
        ...path,
        "id",
      ]);
    }
    ids.add(k.id);
  }
  return { ok: true, value: { lang, sourceDate, known }, warnings: [] };
}

/**
 * Reads a news report (French or English) into draft claims. `input` is the text, or its
 * UTF-8 bytes (checked: NUL bytes and malformed UTF-8 are refused with the byte offset).
 */
export function ingest(input: string | Uint8Array, options: IngestOptions = {}): Result<IngestOutput> {
  const session = startIngest(options);
  if (!session.ok) return session;
  const pushed = session.value.push(input);
  if (pushed) return { ok: false, problems: [pushed] };
  return session.value.end();
}

/** Starts reading a text given in pieces (see `IngestSession`). */
export function startIngest(options: IngestOptions = {}): Result<IngestSession> {
  const valid = validateOptions(options);
  if (!valid.ok) return valid;
  return { ok: true, value: new Session(valid.value), warnings: [] };
}

class Session implements IngestSession {
  private readonly registry: EntityRegistry;
  private readonly reader: ClaimReader;
  private buffer = "";
  /** Offset in the whole text of `buffer[0]`. */
  private offset = 0;
  private textLength = 0;
  private bytes = 0;
  private kind: "text" | "bytes" | undefined;
  private readonly validator = new Utf8Validator();
  private readonly decoder = new TextDecoder("utf-8");
  private pendingHighSurrogate = "";
  private language: IngestLanguage | undefined;
  private guess: LanguageGuess | undefined;
  private sawText = false;
  private failed: Problem | undefined;
  private ended = false;

  constructor(private readonly options: ValidOptions) {
    this.registry = new EntityRegistry(options.known);
    const year = options.sourceDate ? Number(options.sourceDate.slice(0, 4)) : undefined;
    this.reader = new ClaimReader(this.registry, year, LIMITS.ingestClaims);
    if (options.lang !== "auto") this.language = options.lang;
  }

  push(chunk: string | Uint8Array): Problem | undefined {
    if (this.failed) return this.failed;
    if (this.ended) return this.fail(problem("usage", "the ingestion has ended; start a new one"));
    const kind = typeof chunk === "string" ? "text" : "bytes";
    if (this.kind !== undefined && this.kind !== kind) {
      return this.fail(problem("usage", "give an ingestion either text or bytes, not both"));
    }
    this.kind = kind;
    let text: string;
    if (typeof chunk === "string") {
      text = this.pendingHighSurrogate + chunk;
      this.pendingHighSurrogate = "";
      // A high surrogate at the very end may pair with the next piece.
      const lastCode = text.charCodeAt(text.length - 1);
      if (lastCode >= 0xd800 && lastCode <= 0xdbff) {
        this.pendingHighSurrogate = text.slice(-1);
        text = text.slice(0, -1);
      }
      // A UTF-16 code unit is at least one UTF-8 byte: a longer string is too large uncounted.
      this.bytes +=
        text.length > LIMITS.ingestTextBytes ? text.length : utf8Length(text, LIMITS.ingestTextBytes);
      if (this.bytes > LIMITS.ingestTextBytes) return this.fail(tooLargeProblem(this.bytes, true));
      const bad = checkCharacters(text, this.textLength);
      if (bad) return this.fail(bad);
    } else {
      this.bytes += chunk.length;
      if (this.bytes > LIMITS.ingestTextBytes) return this.fail(tooLargeProblem(this.bytes, true));
      const bad = this.validator.push(chunk);
      if (bad) return this.fail(bad);
      text = this.decoder.decode(chunk, { stream: true });
    }
    this.accept(text);
    return undefined;
  }

  private fail(p: Problem): Problem {
    this.failed = p;
    return p;
  }

  private accept(text: string): void {
    if (text.length === 0) return;
    if (!this.sawText && /\S/.test(text)) this.sawText = true;
    this.textLength += text.length;
    this.buffer += text;
    if (this.language === undefined && this.offset + this.buffer.length < LANGUAGE_SAMPLE_CHARS) return;
    this.decideLanguage();
    this.drain(false);
  }

  private decideLanguage(): void {
    if (this.language !== undefined) return;
    // The buffer holds the start of the text: nothing is read before the language is known.
    const sample = this.buffer.slice(0, LANGUAGE_SAMPLE_CHARS);
    this.guess = guessLanguage(languageScores(foldText(sample), sample));
    this.language =
      this.guess.language ?? (this.guess.scores.french > this.guess.scores.english ? "fr" : "en");
  }

  /**
   * Reads every complete paragraph in the buffer (all of it when `final`). The buffer is
   * consumed from a moving position and cut once at the end, so that a long input with
   * many paragraphs is not copied again after each one.
   */
  private drain(final: boolean): void {
    const buffer = this.buffer;
    let pos = 0;
    for (;;) {
      const rest = buffer.length - pos;
      if (rest === 0) break;
      // Only the next paragraph's worth of text is searched for a break.
      const window = buffer.slice(pos, Math.min(buffer.length, pos + LIMITS.ingestParagraphChars + 64));
      PARAGRAPH_BREAK.lastIndex = 0;
      const brk = PARAGRAPH_BREAK.exec(window);
      let cut: number;
      let next: number;
      if (brk && brk.index <= LIMITS.ingestParagraphChars) {
        cut = pos + brk.index;
        next = pos + brk.index + brk[0].length;
      } else if (rest > LIMITS.ingestParagraphChars) {
        cut = pos + this.forcedCut(buffer.slice(pos, pos + LIMITS.ingestParagraphChars));
        next = cut;
      } else if (final) {
        cut = buffer.length;
        next = cut;
      } else {
        break;
      }
      this.readParagraph(buffer.slice(pos, cut), this.offset + pos);
      pos = next;
    }
    this.offset += pos;
    this.buffer = pos === 0 ? buffer : buffer.slice(pos);
  }

  /** Where to cut a paragraph longer than the limit: the last sentence end before it. */
  private forcedCut(head: string): number {
    const limit = LIMITS.ingestParagraphChars;
    const m = /[.!?…\n][^.!?…\n]*$/.exec(head);
    if (m && m.index > limit / 2) return m.index + 1;
    const space = head.lastIndexOf(" ");
    return space > limit / 2 ? space + 1 : limit;
  }

  private readParagraph(paragraph: string, offset: number): void {
    if (!/\S/.test(paragraph)) return;
    const folded = foldText(paragraph);
    let language = this.language!;
    // A paragraph this short cannot reach the evidence needed to override the article's language.
    if (this.options.lang === "auto" && paragraph.length >= PARAGRAPH_OVERRIDE.minChars) {
      // The first few hundred characters tell a paragraph's language as well as all of it.
      const sample = PARAGRAPH_OVERRIDE.sampleChars;
      const scores = guessLanguage(languageScores(folded.slice(0, sample), paragraph.slice(0, sample)));
      if (
        scores.language !== undefined &&
        scores.language !== language &&
        scores.scores.french + scores.scores.english >= PARAGRAPH_OVERRIDE.minEvidence &&
        scores.confidence >= PARAGRAPH_OVERRIDE.minConfidence
      ) {
        language = scores.language;
      }
    }
    const rules = RULES[language];
    for (const sentence of splitSentences(paragraph, folded)) {
      this.reader.read({
        text: paragraph.slice(sentence.start, sentence.end),
        folded: folded.slice(sentence.start, sentence.end),
        start: offset + sentence.start,
        rules,
      });
    }
  }

  end(): Result<IngestOutput> {
    if (this.failed) return { ok: false, problems: [this.failed] };
    if (this.ended) return { ok: false, problems: [problem("usage", "the ingestion has already ended")] };
    this.ended = true;
    if (this.kind === "bytes") {
      const bad = this.validator.end();
      if (bad) return { ok: false, problems: [bad] };
      this.accept(this.decoder.decode());
    } else if (this.pendingHighSurrogate) {
      return {
        ok: false,
        problems: [
          problem(
            "ingest_invalid_utf8",
            `the text ends with an unpaired surrogate at offset ${this.textLength}: it cannot be written as UTF-8`,
          ),
        ],
      };
    }
    if (!this.sawText) return { ok: false, problems: [emptyInputProblem()] };
    this.decideLanguage();
    this.drain(true);
    return { ok: true, value: this.output(), warnings: [] };
  }

  private output(): IngestOutput {
    const registry = this.registry;
    this.reader.finish();
    const working = mergeDuplicates(this.reader.claims, registry);
    const claimed = new Set<string>();
    for (const c of working) {
      if (c.subject !== undefined) claimed.add(registry.canonical(c.subject));
      for (const k of c.counterparty ?? []) claimed.add(registry.canonical(k));
    }
    // ING-ENT-12: each company raising money once, before the names are handed out.
    for (const subject of new Set(working.map((c) => c.subject))) {
      if (subject !== undefined) registry.preferShortForm(subject);
    }
    const { list: entities, ids } = registry.entities(claimed);
    const ref = (key: string): PartyRef => {
      const k = registry.canonical(key);
      return { entityId: ids.get(k) ?? k, name: registry.name(k) };
    };
    const claims: DraftClaim[] = working.map((c, index) => toDraft(c, index, ref));
    const conflictInput: ConflictInput[] = working.map((c) => ({
      kind: c.kind,
      basisStated: c.basisStated,
      subject: c.subject === undefined ? undefined : registry.canonical(c.subject),
      counterparty: (c.counterparty ?? []).map((k) => registry.canonical(k)),
      current: c.temporal === "current",
      alternative: c.alternative,
      amount: c.amount,
      qualifier: c.qualifier,
      roundLabel: c.roundLabel,
      dealDate: c.dealDate,
      part: linkedPart(c),
    }));
    const conflicts = findConflicts(conflictInput, LIMITS.ingestConflictWindow, (indexes) =>
      indexes.map((i) => `#${i} ${describeClaim(claims[i]!)}`).join("; "),
    );
    const warnings: Problem[] = [];
    const guess = this.guess;
    if (this.options.lang === "auto" && guess && (guess.language === undefined || guess.confidence < 0.3)) {
      warnings.push(
        warning(
          "ingest_language_uncertain",
          `the language could not be told with confidence (French evidence ${guess.scores.french}, English ${guess.scores.english}); read as ${this.language === "fr" ? "French" : "English"}: give --lang to choose`,
        ),
      );
    }
    if (claims.length === 0) {
      warnings.push(
        warning(
          "ingest_no_figures",
          "the text holds no funding figure, valuation, stake or agreement that reads as a claim: nothing to review",
        ),
      );
    }
    const inferred = claims.filter((c) => c.currencyInferred);
    if (inferred.length > 0) {
      warnings.push(
        warning(
          "ingest_currency_inferred",
          `${inferred.length} claim(s) name no currency and take the article's (${inferred
            .slice(0, 5)
            .map((c) => `#${c.index} ${c.amount?.currency}`)
            .join(", ")}${inferred.length > 5 ? ", …" : ""}): check them`,
        ),
      );
    }
    if (this.reader.truncated) {
      warnings.push(
        warning(
          "ingest_claims_truncated",
          `the text yields more than ${LIMITS.ingestClaims} claims (LIMITS.ingestClaims); the rest are left out: split the input`,
        ),
      );
    }
    if (registry.truncated) {
      warnings.push(
        warning(
          "ingest_claims_truncated",
          `the text names more than ${LIMITS.ingestEntities} companies and people (LIMITS.ingestEntities); later names are not read: split the input`,
        ),
      );
    }
    return {
      language: this.language!,
      languageConfidence: this.options.lang === "auto" ? (guess?.confidence ?? 0) : 1,
      sourceDate: this.options.sourceDate,
      claims,
      conflicts,
      entities,
      warnings,
      textLength: this.textLength,
    };
  }
}

function toDraft(c: WorkingClaim, index: number, ref: (key: string) => PartyRef): DraftClaim {
  const counterparty =
    c.counterparty === undefined || c.counterparty.length === 0
      ? null
      : c.group
        ? c.counterparty.map(ref)
        : ref(c.counterparty[0]!);
  return {
    index,
    kind: c.kind,
    subject: c.subject === undefined ? null : ref(c.subject),
    counterparty,
    amount: c.amount,
    qualifier: c.qualifier,
    vague: c.vague,
    currencyInferred: c.currencyInferred,
    ...(c.kind === "valuation_pre" || c.kind === "valuation_post"
      ? { basisStated: c.basisStated ?? false }
      : {}),
    fraction: c.fraction,
    attribution: c.attribution,
    status: c.status,
    temporal: c.temporal,
    deal: {
      round: c.roundLabel === undefined ? null : roundDisplayName(c.roundLabel),
      date: c.dealDate ?? null,
    },
    evidence: { text: c.evidenceText, start: c.evidenceStart, end: c.evidenceEnd },
    sentence: { start: c.sentenceStart, end: c.sentenceEnd },
    language: c.language,
    rules: [...new Set(c.rules)],
  };
}

function describeClaim(c: DraftClaim): string {
  const who = Array.isArray(c.counterparty)
    ? c.counterparty.map((p) => p.name).join(" + ")
    : c.counterparty && !Array.isArray(c.counterparty)
      ? (c.counterparty as PartyRef).name
      : undefined;
  const amount = c.amount
    ? `${c.qualifier} ${[c.amount.point, c.amount.min, c.amount.max]
        .find((v) => v !== null)
        ?.toDecimalString()} ${c.amount.currency}`
    : "no amount";
  return `${c.kind}${who ? ` by ${who}` : ""}${c.subject ? ` in ${c.subject.name}` : ""} (${amount})`;
}

/** ING-CONF-4: the part of a round a linked figure is (ING-LINK-1: "$7.5bn in equity"), if it is one. */
function linkedPart(c: WorkingClaim): string | undefined {
  // Each tranche is a part of its own (ING-LINK-4): "$5m now and $15m later" do not compete.
  if (c.rules.includes("ING-LINK-4") || c.rules.includes("ING-KIND-10")) return `tranche@${c.evidenceStart}`;
  if (!c.rules.includes("ING-LINK-1")) return undefined;
  const m = /\b(equity|debt|fonds propres|dette|capital|actions|obligations)\b/i.exec(c.evidenceText);
  return (m?.[1] ?? "part").toLowerCase();
}
