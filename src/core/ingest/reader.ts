/**
 * Reads claims sentence by sentence, carrying what the text has established so far:
 * the company the article is about, the investor last spoken of, the last group of
 * investors named, the last figure and the status of the deal (docs/spec/ingest.md,
 * ING-KIND, ING-ROLE, ING-STAT, ING-TEMP, ING-AGR, ING-STAKE).
 */
import type { NumberStyle } from "../exact/amount-parse.js";
import type { Currency } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import { type AttributionSpan, findAttributions } from "./attribution.js";
import { type Cues, type Span, scanCues } from "./cues.js";
import { dealDateNear } from "./deal-time.js";
import type { EntityRegistry } from "./entity-registry.js";
import type { LanguageRules } from "./lexicon.js";
import { findMentions, type Mention, type NameMention } from "./mentions.js";
import { findMoney, findPercents, type MoneyMention, qualifierBefore } from "./money-mentions.js";
import { foldText } from "./text-fold.js";
import type {
  ClaimKind,
  ClaimStatus,
  IngestLanguage,
  Qualifier,
  StakeFraction,
  Temporal,
  TextSpan,
} from "./types.js";

/** A claim as the reader builds it: parties are entity keys, offsets are global. */
export interface WorkingClaim {
  kind: ClaimKind;
  subject: string | undefined;
  counterparty: readonly string[] | undefined;
  group: boolean;
  amount: {
    currency: Currency;
    min: Rational | null;
    max: Rational | null;
    point: Rational | null;
  } | null;
  qualifier: Qualifier | null;
  vague: boolean;
  currencyInferred: boolean;
  basisStated: boolean | undefined;
  fraction: StakeFraction | null;
  attribution: TextSpan | null;
  status: ClaimStatus;
  temporal: Temporal;
  evidenceText: string;
  evidenceStart: number;
  evidenceEnd: number;
  sentenceStart: number;
  sentenceEnd: number;
  language: IngestLanguage;
  rules: string[];
  /** The sentence presents its figure as another version of one given before (ING-CONF-1). */
  alternative: boolean;
  /** The round the claim's sentence names nearest to it ("series c", "seed"), if any (ING-CONF-4). */
  roundLabel: string | undefined;
  /** The date the claim's sentence gives its deal nearest to it ("2011-12", "2018"), if any (ING-DEAL-T). */
  dealDate: string | undefined;
}

/** Round names: "Series B", "série C", "seed", "amorçage" (folded). */
const ROUND_LABEL = /\b(?:series|serie) ([a-h])(?![a-z0-9])|\b(pre-?seed|seed|amorcage)(?![a-z])/g;

/** ING-CONF-4: the round named nearest to a claim in its sentence, within 160 characters. */
export function roundLabelNear(folded: string, anchor: number): string | undefined {
  if (!folded.includes("seri") && !folded.includes("seed") && !folded.includes("amorcage")) return undefined;
  let best: string | undefined;
  let bestDistance = 160;
  for (const m of folded.matchAll(ROUND_LABEL)) {
    const end = m.index + m[0].length;
    const d = end <= anchor ? anchor - end : m.index >= anchor ? m.index - anchor : 0;
    if (d < bestDistance) {
      bestDistance = d;
      const seed = m[2]?.replace("-", "");
      best = m[1] ?? (seed === "amorcage" ? "seed" : seed);
    }
  }
  return best;
}

/** One sentence to read: its text, folded copy and offset in the whole input. */
export interface SentenceInput {
  readonly text: string;
  readonly folded: string;
  readonly start: number;
  readonly rules: LanguageRules;
}

interface Party {
  readonly keys: readonly string[];
  readonly group: boolean;
  /** Local offsets of the words naming the party. */
  readonly start: number;
  readonly end: number;
}

interface Sentence {
  readonly text: string;
  readonly folded: string;
  readonly base: number;
  readonly rules: LanguageRules;
  readonly mentions: readonly Mention[];
  readonly names: readonly NameMention[];
  readonly money: readonly MoneyMention[];
  readonly attributions: readonly AttributionSpan[];
  readonly cues: Cues;
  /** Claims made from this sentence so far. */
  readonly claims: WorkingClaim[];
  /** The sentence's relative clauses, found once (ING-STAT-5). */
  relatives?: Span[];
  /** Whether each mention is the object of a preposition, found once per mention. */
  readonly complement: Map<Mention, boolean>;
  /** ING-PART-4: the investors a raised figure comes from ("lève 45 M€ auprès de X et Y"), by figure. */
  readonly roundSources: Map<number, Party>;
  /** ING-PART-6: the subjects of an investment verb whose object is a round being raised. */
  readonly roundInvestors: NameMention[];
}

/**
 * ING-PART-G: words that make a sentence one about who puts money in (folded): investors,
 * backers, funds, shareholders, a round, a raise, taking part, leading, subscribing.
 */
const INVESTOR_CONTEXT =
  /\b(?:investors?|investisseurs?|backers?|bailleurs?|fonds|funds?|shareholders?|actionnaires?|tour de table|round|levee|financing|financement|augmentation de capital|particip\w*|led by|co-led|mene\w* par|pilote\w* par|aupres d|aux cotes d|alongside|joined by|souscri\w*|subscrib\w*|invest\w*|apport\w*|back(?:ed|s|ing)?\b|soutenu\w* par|capital-risque|venture)/;
/**
 * ING-PART-G: a list after these words names customers, rivals, partners, examples, founders,
 * the companies of a roundup or an investor's portfolio, not the round's investors (folded,
 * brackets and colons read as spaces, just before the list).
 */
const NOT_INVESTOR_LIST =
  /\b(?:clients?|customers?|users?|utilisateurs?|competitors?|concurrents?|rivals?|compete\w*|rivalise\w*|face a|against|contre|partners? such as|partenaires? (?:commerciaux|industriels|comme)|brands?|marques?|retailers?|distributeurs?|hospitals?|hopitaux|universit\w*|acquired|acquis|rachete\w*|bought|portfolio|portefeuille|companies|societes|entreprises|startups?|start-ups?|pepites|unicorns?|licornes?|levees|operations|deals|rounds in|fundings? for|financements? (?:pour|de)|invested in|investi dans|backed|backing|bets? on|investments? in|participations? dans|founded by|co-?founded by|fondee?s? (?:[a-z'0-9]+ ){0,3}par|creee?s? (?:[a-z'0-9]+ ){0,3}par|created by|launched by|lancee?s? par|association de|execs|executives|dirigeants|such as|like|comme|tels? que)\s+(?:[a-z'-]+\s+){0,3}$/;
/** ING-PART-G: examples of investors ("investors such as", "investisseurs comme") are investors (folded, before the list). */
const INVESTOR_EXAMPLES =
  /\b(?:investors?|investisseurs?|backers?|fonds|funds?|angels?|actionnaires?|shareholders?)\s+(?:[a-z'-]+\s+){0,2}(?:such as|like|comme|tels? que|including|dont|notamment)\s+(?:[a-z'-]+\s+){0,3}$/;
/** ING-PART-G: what makes a list of people one of investors (folded, before the list): angels, individual investors, shareholders. */
const PERSON_INVESTORS_BEFORE =
  /\b(?:business angels?|angels?|individual investors|investisseurs (?:individuels|prives|comme)|shareholders|actionnaires|investors (?:including|include|such as)|investisseurs (?:dont|parmi lesquels)|particuliers)\b[^.;]{0,60}$/;

/** ING-TOPIC-19: words with which investors name themselves (folded), after the first word of a name. */
const INVESTOR_NAME_WORDS: ReadonlySet<string> = new Set(
  "capital capitals ventures venture partners fund funds investments investment invest investissement investissements holdings management equity growth asset assets am gestion capitaux vc angels".split(
    " ",
  ),
);

/** ING-TOPIC-1: what puts the names after it on the investor's side (folded, up to the first name). */
const INVESTOR_MARK_BEFORE =
  /\b(?:led by|co-led by|backed by|funded by|from|including|auprès d(?:e|u|es)|aupres d(?:e|u|es)|auprès d'|aupres d'|mene(?:e|s|es)? par|conduit(?:e|s|es)? par|pilote(?:e|s|es)? par|sous la houlette d(?:e|u)|sous la houlette d'|soutenu(?:e|s|es)? par|finance(?:e|s|es)? par)\s*(?:(?:le|la|les|l'|the|a|an|de|du|d')\s*)?(?:[a-z-]+\s+){0,3}$/;
/** ING-TOPIC-1: a name in quotes is a term ("le « New Space »"), not the company reported on. */
/** ING-ENT-10: a stock exchange's ticker in brackets. */
/** ING-AMT-9: a line break (one code unit each, so offsets hold). */
const LINE_BREAK = /[\n\r]/g;
const TICKER =
  /\(\s*(?:NASDAQ|Nasdaq|nasdaq|NYSE|nyse|TYO|tyo|TSE|tse|LSE|lse|EPA|epa|AMS|ams|ETR|etr|FRA|fra|HKEX|hkex|HKG|hkg|SGX|sgx|BSE|bse|NSE|nse|OTC|otc|TSX|tsx|ASX|asx|KRX|krx|SIX|six|BIT|bit|STO|sto)\s*:\s*[A-Za-z0-9.]{1,10}\s*\)/g;
/** ING-KIND-3c: the preposition of a valuation's figure ("à 340 Md$", "at $4bn"), just before it (folded). */
const VALUED_AT =
  /\b(?:a|at)\s+(?:(?:about|around|roughly|nearly|some|environ|pres de|plus de|more than|over)\s+)?[$€£]?$/;
/** ING-KIND-4b: "with an investment of", "avec un ticket de", just before the figure (folded). */
const WITH_INVESTMENT_OF =
  /\b(?:with|avec)\s+(?:an?|un|une|its|son|sa)\s+(?:(?:initial|first|premier|premiere)\s+)?(?:investment|investissement|ticket|apport|contribution|cheque)\s+(?:of|de|d')\s*(?:(?:about|around|up to|nearly|environ|jusqu'a|pres de)\s+)?[$€£]?$/;
/** ING-PART-6a: a lead verb between an investor and its round ("will lead a", "mènera le"). */
const LEAD_VERB =
  /^\s*(?:[a-z'-]+\s+){0,3}?(?:lead|leads|leading|led|co-lead|co-leads|co-leading|mene|menera|menerait|meneraient|menent|pilote|pilotera)\s/;
/** ING-TOPIC-8: a lead verb after a name (or the rest of its list) whose object is a round ("and Ford are leading a"). */
const LEAD_SUBJECT_AFTER =
  /^(?:\s*(?:,|and|et|&)\s*(?:[a-z0-9'&.-]+\s+){1,3}?)?\s*(?:(?:is|are|will|would|has|have|a|ont|va|vont|also|aussi)\s+){0,2}(?:lead|leads|leading|led|co-lead|co-leads|co-leading|co-led|mene|menent|menera|meneront|pilote|pilotent)\s+(?:the|a|an|this|its|le|la|l'|ce|cette|un|une)\s*(?:[a-z0-9$€£.,-]+\s+){0,5}?(?:round|funding|financing|raise|investment|series|tour|levee|operation|financement)/;
/** ING-TOPIC-10: a passive raising verb and "by"/"par" after a figure (folded). */
const RAISED_BY_AFTER =
  /^(?:\s*(?:d'euros|de dollars|euros|dollars|in funding|in capital|de fonds))?\s*,?\s*(?:(?:was|were|has been|have been|had been|a ete|ont ete|avait ete)\s+)?(?:raised|secured|bagged|swept up|scooped up|picked up|mopped up|netted|garnered|grabbed|snapped up|raked in|collected|leve(?:e|s|es)?|boucle(?:e|s|es)?|recolte(?:e|s|es)?|obtenu(?:e|s|es)?|decroche(?:e|s|es)?|collecte(?:e|s|es)?|engrange(?:e|s|es)?)\s+(?:by|par)\s+/;
/** ING-TOPIC-10: what may stand between "by"/"par" and the agent: an article and a few describing words. */
const AGENT_LEAD = /^(?:(?:the|a|an|le|la|les|l')\s*)?(?:[a-z0-9'-]+\s+){0,5}$/;
/** ING-TOPIC-14: what makes the next name the company invested in: a stake taken in it, an entry into its capital. */
const STAKE_IN_BEFORE =
  /\b(?:(?:a|an|the|its|their)\s+(?:[a-z-]+\s+){0,2}?stake\s+in|(?:entre|entrent|entrer|entree|entré|rentre|rentrent|monte|montent|monter)\s+au\s+capital\s+(?:de|d'|du)|(?:prend|prennent|prendre|prise|pris)\s+(?:une|d'une|sa|leur)?\s*(?:[a-z-]+\s+)?participation\s+(?:dans|au capital de|au capital d'))\s*(?:(?:the|le|la|l')\s*)?(?:[a-z-]+\s+){0,3}$/;
/** ING-TOPIC-14: a verb of taking a stake after a name ("has taken a stake", "entre au capital", "prend une participation"). */
const STAKE_TAKER_AFTER =
  /^\s+(?:(?:has|have|had|will|would|is to|a|ont|va|vont|devrait|vient de|viennent de)\s+)?(?:(?:also|already|aussi|deja)\s+)?(?:taken|take|takes|took|taking|acquired|acquires|bought|buys|entre|entrent|entrera|entrer|est entre|rentre|monte|prend|prennent|prendre|pris)\s+(?:(?:a|an|une|au|sa|leur)\s+)?(?:[a-z-]+\s+){0,2}?(?:stake|participation|capital)(?![a-z])/;
/** ING-TOPIC-14: a bet on a company ("are betting on", "mise sur", "parie sur"), after the investor and before the company. */
const BET_ON_AFTER =
  /^\s+(?:(?:is|are|has|have|had|also|aussi|a|ont)\s+)*(?:betting|bets|bet|banking|banks|mise|misent|mise|parie|parient|parié)\s+(?:(?:big|heavily|gros)\s+)?(?:on|sur)\s/;
const BET_ON_BEFORE =
  /\b(?:betting|bets|bet|banking|banks|mise|misent|parie|parient)\s+(?:(?:big|heavily|gros)\s+)?(?:on|sur)\s+(?:(?:the|le|la|l')\s*)?(?:[a-z-]+\s+){0,3}$/;
/** ING-TOPIC-9: a person's role and its preposition before the employer's name (folded). */
const EMPLOYER_BEFORE =
  /\b(?:ceo|pdg|patron|patronne|founder|co-founder|cofounder|fondateur|fondatrice|cofondateur|cofondatrice|chief executive|chief [a-z]+ officer|president|presidente|chairman|chairwoman|directeur general|directrice generale|dirigeant|dirigeante|employee|employees|executive|executives|engineer|engineers|alumni|alumnus|employe|employes|salarie|salaries|ingenieur|ingenieurs)\s+(?:of|at|de|du|d'|chez)\s*(?:(?:the|le|la|l')\s*)?(?:[a-z-]+\s+){0,4}$/;
/** ING-TOPIC-9: a role right after a former employer's name ("former Cruise CEO"). */
const EMPLOYER_ROLE_AFTER =
  /^\s+(?:ceo|cto|cfo|coo|chief|founder|co-founder|cofounder|president|chairman|executive|exec|execs|employee|employees|engineer|engineers|boss|head|pdg|patron|dirigeant|cadre|cadres|salarie|salaries)(?![a-z])/;
/** ING-TOPIC-8: a predicate making a name an investor ("was a surprise investor in", "est actionnaire de"). */
const INVESTOR_PREDICATE_AFTER =
  /^\s+(?:(?:is|was|has been|are|were|est|etait|a ete|reste|remains)\s+)(?:(?:also|already|aussi|deja|now|desormais)\s+)?(?:(?:a|an|the|one of the|un|une|le|la|l'|l'un des)\s*)?(?:[a-z-]+\s+){0,2}?(?:investor|investors|backer|backers|shareholder|shareholders|investisseur|investisseurs|actionnaire|actionnaires)\s+(?:in|of|de|d'|du|dans|au capital)/;
/** ING-STAKE-4: a stake noun right after its value (folded). */
const STAKE_NOUN_AFTER = /^\s*(?:stake|holding|shareholding|equity stake)(?![a-z])/;
/** ING-ROLE-14: a verb governing an investment noun ("considering an investment of"), just before the noun (folded). */
const NOUN_GOVERNOR =
  /\b(?:consider(?:s|ing|ed)?|weigh(?:s|ing|ed)?|explor(?:e|es|ing|ed)|discuss(?:es|ing|ed)?|plan(?:s|ning|ned)?|mull(?:s|ing|ed)?|eye(?:s|ing|d)?|mak(?:e|es|ing)|made|envisag\w*|etudi\w*|discut\w*|prepar\w*)\s+(?:(?:an?|un|une|the|a potential|une eventuelle|un eventuel|un nouvel|a new|a fresh)\s+)?(?:[a-z-]+\s+)?$/;
/** ING-PART-8: a project, a joint venture or a consortium (folded); its partners are no round's investors. */
const PROJECT_NOUN =
  /\b(?:projet|project|initiative|coentreprise|joint venture|consortium|programme|program)(?![a-z])[^.;]*$/;
/** ING-KIND-2c: a project's name after its noun ("le projet « X »", "projet d'infrastructure IA X", "the X project"). */
const PROJECT_WORD = /\b(?:projet|project|initiative)(?![a-z])/;
const PROJECT_BEFORE = /\b(?:projet|project|initiative)(?: (?:d'|de |du |of )?[a-z'-]+){0,3}\s*["«“]?\s*$/;
/** ING-STAT-8: a modal of the future governing an announcement or a closing, just before it (folded). */
/** ING-STAT-11: an announcement just before the intent it states ("a annoncé ce mercredi son intention de", "announced plans to"). */
const ANNOUNCED_BEFORE = /\b(?:annonc|announc|unveil|devoil)[a-z]*\s+(?:[a-z']+\s+){0,4}$/;
/**
 * ING-TEMP-5: the pluperfect of reported speech is the report's tense, not an earlier deal ("24M
 * announced that it had raised", "a annoncé qu'elle avait levé"): the words just before "had"/"avait".
 */
const BACKSHIFT_BEFORE =
  /\b(?:announc\w*|said|says|disclos\w*|confirm\w*|revealed|told [a-z]+|annonc\w*|indiqu\w*|precis\w*|declar\w*|confirm\w*)\s+(?:that\s+)?(?:it|they|the (?:company|startup|firm|group)|qu'(?:elle|il|ils|elles)|que (?:la|le) [a-z-]+)\s+$/;
/** ING-TEMP-6: what makes a year no deal's date, just before it (folded). */
const UNDATED_YEAR_BEFORE =
  /(?:\b(?:fondee?s?|creee?s?|lancee?s?|nee?s?|founded|launched|established|created|incorporated|started|spun out)\s+(?:[a-z]+\s+){0,6}?(?:en|in|depuis|since)\s+|^\s*date\s+)$/;
/** ING-TEMP-10: a comma, semicolon or bracket that ends a clause — not the decimal comma of "5,8 milliards". */
const CLAUSE_MARK = /[;(]|,(?!\d)/;
/** ING-TEMP-8: a valuation obtained in the round named after it ("obtenue … lors d'un tour", "set in its round"). */
const VALUATION_IN_ROUND =
  /\b(?:lors d'une?|lors de|au cours d'une?|pendant|during|in (?:a|an|its|the)|at the time of)\b/;
/** ING-TEMP-11: the background cue of a previous round ("its last funding round"), ending a noun phrase. */
const LAST_ROUND = /last (?:funding |financing |private |equity )?(?:round|raise)$/;
/** ING-STAT-16: the progressive of an investment verb (a status word of lexicon-en's "agreed"). */
const PROGRESSIVE_INVEST =
  /^(?:is|are) (?:now |also )?(?:investing|injecting|pumping|contributing|putting in)$/;
/** ING-STAT-15: a verb of saying and its subject, just before a conditional (folded). */
const REPORTED_FUTURE =
  /(?:\b(?:a|ont|avait|avaient)\s+(?:declare|indique|precise|annonce|affirme|assure|confirme|fait savoir)\s+(?:qu'(?:il|elle|ils|elles)|que\s+(?:[a-z'-]+\s+){1,3})|\b(?:said|says|announced|confirmed|stated|told [a-z]+)\s+(?:that\s+)?(?:it|they|the (?:company|firm|group|fund)))\s*$/;
/** ING-STAT-12: a hedge on the report, not on the deal. */
const REPORT_HEDGE = /^(?:reportedly|purportedly)$/;
const FUTURE_BEFORE =
  /\b(?:doit|doivent|devrait|devraient|va|vont|s'apprete a|s'appretent a|compte|is expected to|are expected to|is set to|are set to|is to|will|is poised to|is about to)[\s,]+(?:[a-z',]+\s+){0,6}?$/;
/** ING-STAKE-5: a stake still to come: a conditional or "become" before the holder's cue (folded). */
const PROSPECTIVE_STAKE =
  /\b(?:pourrai(?:t|ent)|devrai(?:t|ent)|serai(?:t|ent) sur le point|could|would|might|devenir|deviendr\w*|become|becoming|to become)\b/;
/** ING-STAKE-5: "the Nvidia chips": a name between an article and a plain noun names a thing. */
const NAME_AS_MODIFIER = /\b(?:the|les|le|la|des)\s+$/;
const MODIFIED_NOUN =
  /^\s+(?:chips|processors|gpus|servers|hardware|assets|shares|stock|bonds|loans|products|models|technology|puces|processeurs|actions)(?![a-z])/;
/** ING-STAKE-6: what names other companies after "investor in", "actionnaire de" (folded). */
const OTHER_COMPANIES =
  /^\s*(?:(?:a|an|the|les|des|de|d')\s*)?(?:(?:\d+|two|three|four|five|several|many|numerous|dozens of|other|deux|trois|quatre|cinq|plusieurs|nombreuses?|autres|d'autres)\s+)+/;
/** ING-PART-7: the company's staff named after "led by" ("former OpenAI execs"). */
const STAFF_AFTER =
  /^\s*(?:execs?|executives|employees|staff|alumni|researchers|engineers|veterans|cadres|salaries|chercheurs|employes|ingenieurs)(?![a-z])/;
const FORMER_BEFORE = /\b(?:former|ex|ancien|anciens|ancienne|anciennes)\s*-?\s*$/;
/** ING-ROLE-11: a person named as a company's manager ("led by CEO Jensen Huang", "dirigé par son PDG"). */
const MANAGER_BEFORE =
  /\b(?:led by|run by|headed by|dirige par|dirigee par)\s+(?:(?:its|their|son|sa|le|la)\s+)?(?:ceo|pdg|founder|co-founder|cofounder|chief executive|president|fondateur|cofondateur|chairman|directeur general)?\s*$/;
/** ING-KIND-2d: a plural of companies as the raiser, just before the figure (folded). */
const MARKET_BEFORE =
  /\b(?:startups|start-ups|fintechs|biotechs|healthtechs|companies|firms|scale-ups|scaleups|unicorns|jeunes pousses|entreprises|societes|licornes)\s+(?:(?:have|had|ont|avaient|[a-z]+)\s+){0,2}(?:raised|secured|attracted|drew|pulled in|leve|recolte|collecte|attire|engrange)\s+(?:(?:a total of|un total de|about|around|nearly|some|more than|over|environ|pres de|plus de)\s+)?$/;
/** ING-KIND-3e: "worth" as a valuation, just before the figure (folded). */
const WORTH_BEFORE =
  /\b(?:is|was|are|were|be|been|being|now|currently)\s+(?:(?:now|currently|already|reportedly|then)\s+)?worth\s*$/;
/** ING-KIND-3e: a valuation stated after its figure ("the $38bn it was worth", "que valait la société"). */
const VALUED_AFTER =
  /^\s*(?:that\s+|which\s+)?(?:it|they|the (?:company|startup|firm|group|business|retailer|maker)|[a-z0-9-]+)\s+(?:(?:was|were|is|had been|has been)\s+(?:[a-z]+ly\s+)?(?:worth|valued)|(?:que|qu')\s*(?:valait|valaient|vaut|valent)|auxquels? (?:etait|a ete) valorisee?)(?![a-z])|^\s*de valorisation(?![a-z])/;
/** ING-KIND-2e: a figure that is a difference, just after it (folded). */
const DIFFERENCE_AFTER =
  /^\s*(?:(?:higher|lower|more|less|greater|smaller|bigger|larger|above|below) than|(?:de |d'euros de |de dollars de )?(?:plus|moins) (?:que|qu')|(?:de |d'euros de |de dollars de )?(?:plus|moins) (?:eleve|importante?) (?:que|qu'))(?![a-z])/;
/** ING-KIND-2f: a plural of companies anywhere in the sentence (the test before MARKET_PRESENT_BEFORE). */
const COMPANIES_PLURAL =
  /start-?ups?\b|fintechs|biotechs|healthtechs|medtechs|companies|firms|scale-?ups|unicorns|jeunes pousses|entreprises|societes|licornes|pepites/;
/** ING-KIND-2f: a plural of companies raising in the present, or a sector's ranking, before the figure (folded). */
const MARKET_PRESENT_BEFORE =
  /\b(?:(?:les|des|ces|nos|neuf|dix|\d+)\s+(?:start-?ups?|jeunes pousses|entreprises|societes|pepites|licornes|fintechs|biotechs|medtechs)|startups|start-ups|fintechs|biotechs|healthtechs|companies|firms|scale-ups|scaleups|unicorns|jeunes pousses|entreprises|societes|licornes|pepites)\s*(?:[a-z'-]+\s+){0,4}(?:,[^,;]{0,60},\s*)?(?:(?:ont|avaient)\s+(?:deja\s+|ainsi\s+|au total\s+)?(?:leve|recolte|collecte|engrange|attire)|levent|recoltent|collectent|engrangent|attirent|totalisent|raise|secure|attract|pull in|ont leve|ont recolte)\s*(?:,[^,;]{0,40},\s*)?(?:(?:a total of|un total de|about|around|nearly|some|more than|over|environ|pres de|plus de|exactement)\s+)?$/;
/** ING-KIND-2e: a figure of grants, revenue or sales, right after it ("23 millions de dollars de subventions"). */
const GRANT_AFTER =
  /^\s*(?:de|d'|in|of)\s+(?:subventions?|grants?|aides? publiques?|revenue|revenus|chiffre d'affaires|ventes|sales)(?![a-z])/;
/** ING-KIND-2f: raises in the plural as the subject of a total ("le montant des levées de fonds dépasse les 100 M€"). */
const RAISES_TOTAL_BEFORE =
  /\b(?:levees(?: de fonds)?|tours de table|operations|rounds|deals|fundraisings|investments)\s+(?:[a-z'-]+\s+){0,3}(?:depasse(?:nt)?|atteigne(?:nt)?|atteint|totalise(?:nt)?|s'eleve(?:nt)? a|represente(?:nt)?|cumule(?:nt)?|totalled|totaled|totalling|totaling|amounted to|add up to|added up to|reached|topped|exceeded)\s+(?:(?:les|le|a total of|un total de|about|around|roughly|nearly|some|more than|over|environ|plus de|pres de)\s+)*$/;
/** ING-KIND-2f: a total over several deals, just after the figure ("en cinq opérations", "across 12 deals"). */
const OPERATIONS_AFTER =
  /^(?:[^.;]|\.(?=\d)){0,30}?\b(?:en|in|across|over|sur|from) (?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs|two|three|four|five|six|seven|eight|nine|ten|several|multiple) (?:operations|levees|transactions|deals|tours|financements|rounds|investments)(?![a-z])/;
/** ING-KIND-2b: a total to date, just before the figure ("has now raised", "a réuni au total"). */
const TOTAL_NOW_BEFORE =
  /(?:\b(?:has|have|had) now (?:raised|secured|amassed|received)|\b(?:leve|reuni|recolte|collecte|obtenu|amasse|engrange)e?s? au total(?: de| d')?)\s+(?:(?:about|around|roughly|nearly|some|more than|over|environ|plus de|pres de)\s+)?$/;
/** ING-KIND-2b: "has now secured $150m in a new funding round": a round, not a total. */
const ROUND_AFTER =
  /^\s+(?:in|for)\s+(?:a|an|its|the|their|un|une|son|sa)\s+(?:[a-z-]+\s+){0,3}(?:round|series|tour|serie|levee)/;
/** ING-KIND-2f: a roundup's sum over a count of deals ("seven Pre-Series A deals, amounting to", "one Series B of"). */
const DEALS_SUM_BEFORE =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+(?:[a-z-]+\s+){0,3}(?:deals|rounds|transactions|operations|levees|tours|(?:pre-?)?series [a-h](?: (?:deals?|rounds?))?|(?:pre-?)?serie [a-h])\s*,?\s*(?:amounting to|totall?ing|worth|adding up to|of|pour un (?:total|montant) de|representant|totalisant|de)\s+(?:(?:about|around|roughly|nearly|some|more than|over|environ|plus de|pres de)\s+)?$/;
/** ING-KIND-2j: a listed company's market value ("the market value of $19.5bn", "capitalisation boursière de"). */
const MARKET_VALUE_BEFORE =
  /\b(?:market (?:value|capitali[sz]ation|cap)|capitalisation boursiere|valeur boursiere)\s+(?:(?:of|de|d'|at|a|is|was|stands at|est de|s'eleve a)\s+)*(?:(?:about|around|roughly|nearly|some|more than|over|environ|plus de|pres de)\s+)?$/;
/** ING-KIND-2i: an offer turned down ("had already rejected … an offer of $30bn", "a refusé une offre de"). */
const REJECTED_BEFORE =
  /\b(?:rejected|declined|turned down|refused|rebuffed|spurned|rejete|rejetee|refuse|refusee|decline|declinee|repousse|repoussee)\b[^;.]{0,70}?\b(?:offers?|bids?|proposals?|offres?|propositions?)\s+(?:of|de|d'|worth|valued at|valuing [a-z ]+ at)?\s*(?:(?:about|around|roughly|nearly|some|more than|over|environ|plus de|pres de|up to)\s+)?$/;
/** ING-KIND-5h: a raise in the passive, just after its figure ("was swept up by", "a été levé par"). */
const PASSIVE_RAISE_AFTER =
  /^\s*(?:was|were|has been|had been|a ete|ont ete)\s+(?:[a-z]+ly\s+)?(?:raised|secured|swept up|picked up|bagged|netted|mopped up|scooped up|grabbed|landed|levee?s?|recoltee?s?|obtenue?s?|decrochee?s?)\s+(?:by|par)\s+/;
/** ING-KIND-3h: a raise verb, then "at" right before the figure (folded, the figure's segment). */
const RAISED_AT = /\b(?:raised|raising|raises|raise)\b[^.;,]{0,60}\bat\s*$/;
/** ING-KIND-2k: a round right after a figure ("in series A financing", "en série B", "seed round"). */
const ROUND_NAMED_AFTER =
  /^\s*(?:(?:in|of|en|de|d')\s+)?(?:(?:a|an|its|the|une?|sa|son)\s+)?(?:new\s+|nouvelle?\s+)?(?:(?:pre-?)?series [a-h]|(?:pre-?)?serie [a-h]|seed|amorcage)(?:\s+(?:round|financing|funding|tour|financement))?(?![a-z])/;
/** ING-KIND-3i: an indefinite or plural class of companies (folded). */
const CLASS_OF_COMPANIES =
  /\b(?:(?:une|des|les|ces|de|d')\s*(?:entreprises?|societes?|start-?ups?|jeunes pousses|licornes)|(?:a|any|these|those|such)\s+(?:companies|company|startups?|start-ups?|unicorns?)|(?:companies|startups|start-ups|firms|unicorns|entreprises|societes|licornes)\s+(?:valued|valorisees|worth|with a valuation|dont la valorisation))(?![a-z])/;
/** ING-AMT-12: figures given in the order of the companies named before them. */
const RESPECTIVELY = /\b(?:respectivement|respectively)\b/;
/** ING-KIND-2g: money set aside to invest, just after its figure ("the £1bn Dyson put aside"). */
const SET_ASIDE_AFTER =
  /^(?:[^.;]|\.(?=\d)){0,30}?\b(?:(?:put|set) aside|earmarked|mis de cote|mise de cote|reserve pour|dedies? a l'investissement)(?![a-z])/;
/** ING-KIND-2g: "investors have poured … into advanced battery startups": money spread over a sector. */
const POURED_BEFORE =
  /\b(?:investors|investisseurs|vcs)\s+(?:[a-z]+\s+){0,2}(?:poured|pumped|invested|injected|deployed|ont investi|ont injecte)\s+(?:(?:about|around|roughly|nearly|some|more than|over|environ|plus de|pres de)\s+)?$/;
/** ING-KIND-2g: money spread over several companies ("7 M€ rassemblés pour des startups girondines"). */
const SPREAD_AFTER =
  /^(?:[^.;]|\.(?=\d)){0,30}?\b(?:pour|for|into|in|dans|entre|among|across)\s+(?:des|les|plusieurs|several|various|multiple|\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z-]+\s+){0,2}?(?:startups|start-ups?|entreprises|companies|jeunes pousses|societes|firms|projets|projects)(?![a-z])/;
const PLURAL_RECIPIENT_AFTER =
  /^(?:[^.;]|\.(?=\d)){0,20}?\b(?:into|in|dans)\s+(?:[a-z-]+\s+){0,3}(?:startups|start-ups?|companies|firms|jeunes pousses|entreprises|societes)(?![a-z])/;
/** ING-KIND-2b: a raise verb of a total to date, just before its figure (folded). */
const CUMULATIVE_BEFORE =
  /\b(?:already|pour l'instant|jusqu'ici|jusqu'a present|so far|to date|in total|au total)\s+(?:raised|secured|amassed|leve|recolte|collecte|amasse|engrange)\s+(?:(?:about|around|roughly|nearly|some|more than|over|environ|plus de|pres de)\s+)?$/;
/** ING-KIND-2b: what makes a figure a total to date, just after it (folded). */
const CUMULATIVE_AFTER =
  /^[^.;]{0,30}?\b(?:in (?:[a-z0-9]+ )?(?:funding|financing|investment|equity) rounds|across (?:[a-z0-9]+ )?rounds|before (?:this|the|its) (?:latest|current|new|last|most recent) (?:round|raise|deal|financing)|en (?:[a-z0-9]+ )?(?:tours de table|levees de fonds)|avant (?:ce|cette) (?:dernier|derniere|nouveau|nouvelle) )/;
/** ING-TOPIC-1: a photo credit ("Photo by Jane Roe/Agency") names no party. */
const CREDIT_BEFORE =
  /\b(?:photo|photos|photograph|credit|credits|image|picture|illustration)\s*(?:by|:|de|par|©)\s*(?:[^\s.]+\s*){0,4}$/;
const QUOTE_OPEN = /[«“"]\s*(?:\S+\s+){0,2}$/;
const QUOTE_CLOSE = /^\s*[»”"]/;
/** ING-TOPIC-1: "X revealed it raised", "X a annoncé qu'elle avait levé": the speaker is the company. */
const SELF_REPORT = /^\s*(?:[a-z]+\s+){0,2}(?:it|that it|qu'elle|qu'il|avoir)\s/;

/** ING-TOPIC-13: a verb phrase without punctuation between a company and its figure ("took a chunk of", "a empoché"). */
const FIGURE_CLAUSE_AFTER_SUBJECT = /^\s+[a-z][a-z'-]*(?:\s+[a-z'-]+){0,4}\s+[$€£]?$/;
/** ING-TOPIC-15: a colon or a dash between a name opening its line and a figure ("Kivo : 40 M€", "Paynest – $40m"). */
const ROUNDUP_LINE_HEAD = /^\s*[:–—-]\s*(?:[$€£]\s*)?\d/;
/** ING-TOPIC-18: "c'est au tour de X de lever", "(it is) X's turn": the company whose turn it is. */
const TURN_OF = /\bau tour d(?:e|u|es|')\s*(?:(?:la|le|l')\s*)?(?:[a-z-]+\s+){0,3}$/;
const TURN_VERB_AFTER =
  /^\s+(?:de|d')\s*(?:lever|boucler|annoncer|officialiser|finaliser|realiser|recolter|conclure)/;
/** ING-TOPIC-19: a name and its own round ("X et son tour de table de", "X and its $50m round"). */
const OWN_ROUND_AFTER =
  /^\s+(?:et|and|avec|with)\s+(?:son|sa|its)\s+(?:[a-z0-9$€£.,-]+\s+){0,4}?(?:tour de table|tour de financement|levee|round|serie [a-h]|series [a-h]|financement|funding round|fundraise)(?![a-z])/;
/** ING-TOPIC-12: a reporting verb between a company and the pronoun standing for it ("announced that", "a indiqué qu'"). */
const SELF_REPORT_BEFORE =
  /^\s+(?:(?:has|have|had|a|avait)\s+)?(?:announced|announces|said|says|revealed|reveals|confirmed|confirms|disclosed|discloses|stated|annonce|indique|precise|revele|confirme|explique|affirme)\s+(?:(?:on|in|this|last|earlier|ce|cette|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|week|morning|aujourd'hui|hier|matin|semaine)[\s,]+){0,3}(?:that\s+|qu')?$/;

/** Separators between the members of a list of names ("X, Y et de la Z", "X and the Y"). */
const LIST_SEPARATOR =
  /^(?:\s*,\s*(?:(?:et|and)\s+)?|\s+(?:et|and|&)\s+)(?:(?:de|du|des|d')\s*)?(?:(?:le|la|les|l'|the)\s*(?:[a-z-]+\s+){0,4}|(?:[a-z-]+\s+){0,2})$/;
/** ING-PART-9: the head nouns that end a descriptor written before an investor's name. */
const DESCRIPTOR_HEAD =
  "(?:fund|funds|firm|group|company|chain|manufacturer|maker|automaker|carmaker|conglomerate|investor|backer|bank|giant|producer|retailer|arm|vehicle|platform|operator|provider|developer|partner|licensee|insurer|holding|office|capitalist|house|lender|supplier|specialist|entrepreneur|billionaire|angel|founder|co-founder|cofounder|chairman|executive|shareholder|brand|unit|subsidiary|affiliate|institution|foundation|trust|family|manager|businessman|businesswoman|tycoon|star|actor|player|ceo|cto|cfo|coo|chief|president|director)";
/** ING-PART-9: a separator of a list whose next member has a descriptor ("and private equity firm Beringea"). */
const DESCRIBED_SEPARATOR = new RegExp(
  `^(?:\\s*,\\s*(?:and\\s+)?|\\s+(?:and|&)\\s+)(?:(?:the|its|their)\\s+)?(?:[a-z-]+\\s+){0,4}${DESCRIPTOR_HEAD}\\s+$`,
);
/** ING-PART-9: a descriptor between two names: the first describes the second ("Abu Dhabi sovereign wealth fund Mubadala"). */
const DESCRIBED_GAP = new RegExp(
  `^\\s+(?:(?!(?:and|or|the|of|in|with|et|de|du|des)\\s)[a-z-]+\\s+){0,3}${DESCRIPTOR_HEAD}\\s+$`,
);
/** ING-PART-9: a founder or manager in apposition inside a list ("A, fondé par l'acteur X, B"). */
const FOUNDER_APPOSITION =
  /^\s*,\s*(?:(?:co-?)?fondee?s?|creee?s?|dirigee?s?|founded|co-founded|created|run|led|headed)\s+(?:par|by)\s+(?:[a-z'-]+\s+){0,3}$/;
/** ING-PART-9: a co-shareholding named before a participation cue ("co-actionnaire de Byju's aux côtés de X"). */
const SHAREHOLDING_BEFORE =
  /\b(?:co-?actionnaires?|actionnaires?|co-?shareholders?|shareholders?)\s+(?:de|d'|du|in|of)\s+[^,;]{1,40}$/;
/** ING-PART-13: the holders a time word describes ("investisseurs historiques", "existing investors"). */
const HOLDER_BEFORE = /(?:investisseurs|actionnaires|investors|shareholders|backers)\s+$/;
/** ING-STAKE-7, ING-PART-12: a verb or a clause before the first name: no list of investors ("its investors are betting that X"). */
const CLAUSE_IN_LEAD = /\b(?:that|which|who|to|will|would|could|may|might|que|qui|[a-z]{3,}ing)\b/;
/** ING-PART-9: a verb after a list member's comma: the sentence goes on, the list has ended. */
const VERB_IN_GAP =
  /^\s*,\s*(?:allows?|lets?|enables?|helps?|brings?|gives?|makes?|takes?|puts?|says?|said|will|would|could|to|permet|permettra|permettant|aide|selon)\s/;
/** ING-STAKE-7: the words every list of a company's own investors contains. */
const BACKER_HINT = /investor|backer|sharehold|investisseur|actionnaire|soutien|bailleur/;
/** ING-STAKE-8: the verbs of a stake taken ("took", "acquired", "bought"), not held. */
const TAKING_VERB = /^(?:t(?:ook|akes?|aking|aken)|acquir|b(?:ought|uy))/;
/** ING-PART-9: an owner written before its fund ("Toyota's Woven Capital"). */
const OWNER_GAP = /^['’]s\s+$/;
/** What may stand between a source preposition and the first name ("auprès du fonds Sequana"). */
const LIST_LEAD = /^(?:(?:le|la|les|l'|the|a|an|de|du|des|d')\s*)?(?:[a-z-]+\s+){0,2}(?::\s*)?$/;
const YEAR = /\b(?:19|20)\d\d\b/g;
/** A day and month just before a year: "9 septembre ", "september 9, " (folded). */
const FULL_DATE_BEFORE_YEAR =
  /(?:\b\d{1,2}(?:er)? (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december) |\b(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}, )$/;
/** A relative pronoun and up to three words before a verb: "qui détenait déjà", "which already". */
/** ING-ROLE-8: a round noun whose owner follows ("the funding round of X", "a round in X", "la levée de fonds de X"). */
const ROUND_OF =
  /\b(?:(?:funding|financing|investment|series [a-h]|seed)\s+round|round\s+of\s+funding|round(?=\s+(?:in|into|for)\s)|(?:serie|series) [a-h](?=\s+(?:de|d'|du|of)\s*)|fundraising|fund-raising|raise|levee(?: de fonds)?|tour de (?:table|financement)|augmentation de capital)(?:\s+(?:de|of)\s+[$€£]?\d[\d.,\s]*(?:millions?|milliards?|billions?|mds?|mn|bn|m|k)?\s*(?:d'euros|de dollars|euros|dollars|m€|md€|m\$|md\$|€|\$)\s+(?=dans|chez|in|into|for|pour|de |d'|du |of )(?!de la part|of the part))?\s*(?:of|in|into|for|de|d'|du|chez|dans|pour)\s*(?!which|whom|lequel|laquelle|lesquels|lesquelles|son |sa |ses |its |their |leur )(?:(?:the|le|la|l'|a|an|une|un)\s*)?(?:[a-z-]+\s+){0,4}(?:(?:startup|start-up|company|firm|maker|developer|platform|societe|entreprise|pepite|jeune pousse),\s*)?$/;
/** ING-ROLE-8: a product named to describe its maker ("the ChatGPT developer", "créateur de ChatGPT"). */
const PRODUCT_MAKER_AFTER = /^\s+(?:developer|maker|creator|owner|operator|publisher|parent)(?![a-z])/;
const PRODUCT_MAKER_BEFORE =
  /\b(?:createur|createurs|editeur|developpeur|concepteur|maison mere|proprietaire|maker|developer|creator|owner|parent) (?:de |d'|du |of )\s*(?:(?:la|le|l'|les|the)\s*(?:suite|plateforme|application|appli|logiciel|chatbot|modele|service|app|platform|software|model|assistant)\s+)?$/;
/** ING-KIND-10: a tranche of the money, just before its figure (folded). */
const TRANCHE_NOUN =
  /\b(?:(?:premier|premiere|deuxieme|second|seconde|troisieme|dernier|derniere|first|second|third|final|initial|later)\s+)?(?:versements?|tranches?|complements?|installments?|instalments?|payments?)\b([^.;]{0,30})$/;
/** ING-ROLE-9: what follows the closing comma of an apposition, up to the verb ("is in talks to"). */
const APPOSITION_TAIL =
  /^\s*(?:(?:which|who|qui)\s+)?(?:[a-z'-]+\s+){0,4}(?:(?:de son cote|pour sa part|quant a (?:elle|lui)|for its part|in turn)[\s,]+(?:[a-z'-]+\s+){0,2})?$/;
/** ING-ROLE-9: the body of an apposition: a description opened by a determiner ("a longstanding backer of X"). */
const APPOSITION_BODY = /^\s*(?:a|an|the|its|one of|le|la|l'|les|un|une|son|sa|ses|deja)\s[^;:()]{3,140}$/;
const MONTHS =
  "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december";
/** ING-LINK-3: a hedge between two figures that restate one amount ("more than $1bn, potentially even more than $2bn"). */
const RESTATED_FIGURE_GAP =
  /^(?:\s+(?:in|into|dans|chez)\s+[a-z0-9'-]+(?:\s+[a-z0-9'-]+){0,2})?\s*,?\s*(?:(?:or|ou|and|et)\s+)?(?:potentially|possibly|perhaps|maybe|even|peut-etre|meme|voire|eventuellement|sinon)(?:\s+(?:even|meme|more|plus))?\s*$/;
/** ING-LINK-4: a time and a conjunction between two tranches ("10 M€ en avril et 30 M€ en décembre", "$5m now and $15m later"). */
const TRANCHE_GAP = new RegExp(
  `^\\s+(?:(?:(?:en|in|au mois d'|d'ici|by|fin|debut) ?(?:${MONTHS})(?: \\d{4})?|now|immediately|upfront|maintenant|immediatement|dans un premier temps)\\s*[,;]?\\s*(?:and|et|puis|then)|(?:and|et|puis|then)(?:\\s+(?:then|puis|later|ensuite))?)\\s*$`,
);
const MONTH_WORD = new RegExp(`\\b(?:${MONTHS})\\b`);
const RELATIVE_BEFORE = /\b(?:qui|which|who)(?:\s*,[^,;.]{1,40},)?\s+(?:[a-z'-]+\s+){0,4}$/;
/** Where a clause ends after a figure: "; ", ", and ", ", et ", "while", "tandis que". */
/** ING-ROLE-15: a verb of receiving money, its subject the company. */
const RECEIVE_VERB =
  /^\s+(?:recoi(?:t|vent)|a recu|ont recu|obtien(?:t|nent)|receives?|received|has received|gets|got)\s/;
/** ING-PART-4: the rest of a round noun read short before its figure ("un tour| de table de"). */
const ROUND_NOUN_REST = /^\s+de (?:table|financement|fonds)\s+(?:de|d')\s*$/;
/** ING-PART-9: the company's own holders named before a list ("auprès de ses investisseurs historiques A et B"). */
const HOLDERS_LEAD =
  "(?:ses|leurs|its|their)\\s+(?:[a-z-]+\\s+)?(?:investisseurs|actionnaires|investors|backers|shareholders)(?:\\s+(?:historiques|existants|actuels|de longue date))?";
/** ING-PART-11: a raise verb that says the money was received. */
const RECEIVING = /^(?:receiv|recoi|recu|recev)/;
/** ING-PART-11: a verb of receiving right before a figure ("vient de recevoir", "has received"). */
const RECEIVED_BEFORE =
  /\b(?:recoi(?:t|vent)|a recu|ont recu|(?:vient|viennent) de recevoir|receives?|received|has received|have received)\s+(?:(?:un|une|a|an)\s+(?:[a-z-]+\s+){0,2}(?:de|of)\s+)?$/;
/** ING-PART-9: a descriptor of up to five words before a source's first name. */
const DESCRIBED_LEAD = new RegExp(
  `^\\s*(?:(?:(?:the|a|an|le|la|l')\\s*)?(?:[a-z-]+\\s+){0,4}${DESCRIPTOR_HEAD}|${HOLDERS_LEAD})\\s+$`,
);
/** ING-ROLE-15: how far past a figure (characters) the company invested in may be named. */
const RECIPIENT_REACH = 100;
const CLAUSE_END = /;|,\s+(?:and|et|but|mais)\s|\s(?:while|whereas|tandis que|alors que)\s/;
/** The start of a noun phrase: a determiner, or a capital (a name). */
const BEFORE_NOUN_PHRASE = /^(?:the|its|their|a|an|this|that|le|la|les|l'|ce|cette|ces|son|sa|ses|un|une)\s/;

/** Between a name and a noun in apposition: ", its largest existing ", ", déjà ". */
const APPOSITION = /^\s*,\s*(?:[a-z'-]+\s+){0,4}$/;
/** A relative clause set off by commas: ", which led … ,", ", qui détenait … ,". */
// ING-TEMP-10: a decimal comma ("qui s'élevait à 5,8 milliards") does not end the relative clause.
const RELATIVE_CLAUSE = /,\s*(?:qui|dont|which|who|whose)\s(?:[^,;]|,(?=\d))*(?:,|$)/g;
/** A preposition or an article right before a name. */
const DIRECT_COMPLEMENT =
  /(?:^|[\s'])(?:de|du|des|d'|dans|en|a|au|aux|avec|pour|par|sur|chez|of|in|into|with|for|from|by|to|at|on|le|la|les|l'|the)\s*$/;
/** A sentence opening with a determiner and no verb: "le spécialiste du stockage ". */
const REPORTED_CLAUSE_NOUN_PHRASE = /\b(?:que|qu'|that)\s+(?:le|la|les|l'|the)\s*(?:[a-z'-]+\s+){1,8}$/;
const OPENING_NOUN_PHRASE = /^\s*(?:le|la|les|l'|un|une|the|a|an)\s*(?:[a-z'-]+\s+){0,5}$/;
/** ING-LINK-1: the part of a round a figure is ("$7.5bn in equity and $12.5bn in debt", "5 Md$ en fonds propres"). */
const LINKED_PART =
  /^\s*(?:in|of|en|de|d')\s*(?:new\s+)?(?:equity|debt|fonds propres|dette|capital|actions|obligations)(?![a-z])/;
/** ING-LINK-2: an amount given for each member of a list. */
const EACH = /\b(?:each|apiece|chacun|chacune)\b/;
const LOOK_FURTHER = /\b(?:d'autres|other|others|plusieurs|several)\b/;
const AFTER_EXAMPLE =
  /(?:comme|notamment|dont|such as|including|like|among them)\s+(?:(?:la|le|les|l'|the|a|an)\s*)?(?:[a-z-]+\s+){0,2}$/;

/** The last cue of `list` inside [segStart, pos), at most `maxDistance` before `pos`. */
function lastBefore(
  list: readonly Span[],
  segStart: number,
  pos: number,
  maxDistance = Number.POSITIVE_INFINITY,
): Span | undefined {
  let found: Span | undefined;
  for (const c of list) {
    if (c.start >= segStart && c.end <= pos && pos - c.end <= maxDistance) found = c;
  }
  return found;
}

/** The first cue of `list` starting in [from, segEnd), at most `maxDistance` after `from`. */
function firstAfter(
  list: readonly Span[],
  from: number,
  segEnd: number,
  maxDistance: number,
): Span | undefined {
  return list.find((c) => c.start >= from && c.start < segEnd && c.start - from <= maxDistance);
}

function distanceBefore(span: Span, pos: number): number {
  return pos - span.end;
}

export class ClaimReader {
  readonly claims: WorkingClaim[] = [];
  /** Warnings about claims (currency taken from the article). */
  readonly inferredCurrencyClaims: WorkingClaim[] = [];
  private subjectTopic: string | undefined;
  /** ING-TOPIC-7: whether a raising cue named the subject (else it is only the first company named). */
  private topicStrong = false;
  /** ING-TOPIC-19: whether a name is made as investors name themselves, by name. */
  private readonly investorNamed = new Map<string, boolean>();
  /** ING-TOPIC-7: claims that took a subject named only first, not by a raising cue. */
  private readonly weakClaims: WorkingClaim[] = [];
  /** ING-TOPIC-3: the last organisation named that is neither an investor, a product nor a quoted term. */
  private companyCandidate: string | undefined;
  /** ING-KIND-2c: names introduced as projects. */
  private readonly projects = new Set<string>();
  private investorTopic: string | undefined;
  private readonly groups: string[][] = [];
  private lastAmountClaim: WorkingClaim | undefined;
  private lastRoundClaim: WorkingClaim | undefined;
  private readonly classMemo = new WeakMap<Sentence, boolean>();
  /** ING-AMT-7: claims whose figure had its conversion in brackets, with that conversion. */
  private readonly conversions: {
    claim: WorkingClaim;
    conversion: NonNullable<MoneyMention["conversion"]>;
  }[] = [];
  /** The deal's status as the article states it: from round-level claims, else from investments. */
  private roundStatus: ClaimStatus | undefined;
  private investmentStatus: ClaimStatus | undefined;
  private lastCurrency: Currency | undefined;
  private readonly investors = new Set<string>();
  /** Claims are no longer recorded past this count (LIMITS.ingestClaims). */
  private readonly maxClaims: number;
  truncated = false;

  constructor(
    private readonly registry: EntityRegistry,
    private readonly sourceYear: number | undefined,
    maxClaims: number,
  ) {
    this.maxClaims = maxClaims;
  }

  read(input: SentenceInput): void {
    const { text, rules } = input;
    // ING-ENT-10: a stock ticker in brackets ("Microsoft (NASDAQ: MSFT)", "SoftBank (TYO: 9984)") names
    // nothing and holds no figure: blanked for reading, kept in the evidence text.
    const ticker = text.includes(":") && text.includes("(");
    // ING-AMT-9: a line break inside a sentence is a space ("$64\nbillion", "in\ntalks to raise").
    const broken = text.includes("\n");
    const unbroken = broken ? text.replace(LINE_BREAK, " ") : text;
    const unbrokenFolded = broken ? input.folded.replace(LINE_BREAK, " ") : input.folded;
    const scan = ticker ? unbroken.replace(TICKER, (t) => " ".repeat(t.length)) : unbroken;
    const folded = ticker ? unbrokenFolded.replace(TICKER, (t) => " ".repeat(t.length)) : unbrokenFolded;
    const attributions = findAttributions(scan, folded, rules);
    const mentions = findMentions(scan, folded, input.start, rules, this.registry, attributions);
    const names = mentions.filter((m): m is NameMention => m.kind === "name");
    const style: NumberStyle = rules.language === "en" ? "en" : "auto";
    const s: Sentence = {
      text,
      folded,
      base: input.start,
      rules,
      mentions,
      names,
      money: findMoney(scan, folded, rules, style),
      attributions,
      cues: scanCues(folded, rules, names, attributions),
      claims: [],
      complement: new Map(),
      roundSources: new Map(),
      roundInvestors: [],
    };
    if (this.subjectTopic === undefined) {
      // ING-TOPIC-1: the company the report is about is the first organisation named that is
      // neither an investor (the subject of an investment verb, the object of "led by", "auprès
      // de", "from"), a product, a person, nor a term in quotes; the object of "invest in" is.
      const eligible = (n: NameMention, investorNamed: boolean): boolean =>
        (n.type === "organisation" &&
          !n.inAttribution &&
          !n.possessive &&
          !this.isProductOfMaker(s, n) &&
          !this.isInvestorSide(s, n) &&
          !CREDIT_BEFORE.test(s.folded.slice(Math.max(0, n.start - 50), n.start)) &&
          !this.isHeadingOrDateline(s, n) &&
          !this.isEmployerOfPerson(s, n) &&
          (investorNamed || !this.namedAsInvestor(n)) &&
          this.describedName(s, n) === undefined &&
          !(
            QUOTE_OPEN.test(s.folded.slice(Math.max(0, n.start - 24), n.start)) &&
            QUOTE_CLOSE.test(s.folded.slice(n.end, n.end + 3))
          ) &&
          (!this.isPrepObject(s, n) || this.isRoundOwner(s, n) || this.isInvestTarget(s, n))) ||
        // "Anthropic revealed it raised…": a company speaking of its own raise.
        (n.inAttribution && n.type === "organisation" && SELF_REPORT.test(s.folded.slice(n.end, n.end + 40)));
      // ING-TOPIC-19: a name made as investors name themselves only when the sentence has no other.
      const first = names.find((n) => eligible(n, false)) ?? names.find((n) => eligible(n, true));
      // ING-TOPIC-7: the first company named is taken as the subject for good only as the subject of a verb.
      if (first) this.setTopic(first.key, this.isClauseSubject(s, first), "ING-TOPIC-1");
    }
    // ING-TOPIC-3: the last organisation that could be the company, for "la société" when no topic is set yet.
    for (const n of this.subjectTopic === undefined ? names : []) {
      if (
        n.type === "organisation" &&
        !n.inAttribution &&
        !this.isProductOfMaker(s, n) &&
        !this.isInvestorSide(s, n) &&
        !this.investors.has(this.registry.canonical(n.key)) &&
        !(
          QUOTE_OPEN.test(s.folded.slice(Math.max(0, n.start - 24), n.start)) &&
          QUOTE_CLOSE.test(s.folded.slice(n.end, n.end + 3))
        )
      )
        this.companyCandidate = n.key;
    }
    // ING-KIND-2c: a name introduced as a project ("le projet Stargate", "the Stargate project",
    // "projet d'infrastructure IA Stargate") is a project: money put into it is spending, not a deal.
    if (PROJECT_WORD.test(folded)) {
      for (const n of names) {
        if (
          PROJECT_BEFORE.test(folded.slice(Math.max(0, n.start - 40), n.start)) ||
          /^\s*["»”]?\s*(?:project|initiative)(?![a-z])/.test(folded.slice(n.end, n.end + 14))
        )
          this.projects.add(this.registry.canonical(n.key));
      }
    }
    this.registerGroups(s);
    this.linkSubsidiaries(s);
    // ING-TOPIC-16: the company opening the sentence as the subject of its raise verb is the subject
    // before the figures are read ("Databricks is finalizing a round that would value it at $100bn").
    const lead = names[0];
    const opening =
      lead !== undefined &&
      lead === mentions[0] &&
      (s.cues.raiseVerb.length > 0 || s.cues.roundNoun.length > 0) &&
      /^[\s\p{P}]*$/u.test(text.slice(0, lead.start))
        ? this.openingRaiser(s, lead)
        : undefined;
    if (opening) this.setTopic(opening.key, true, "ING-TOPIC-16");
    // ING-TOPIC-15: a roundup's line "Kivo : 40 millions d'euros …", "Paynest – $40m": the name heads its figure.
    const head = names[0];
    if (
      head &&
      head.type === "organisation" &&
      !head.inAttribution &&
      /^[\s\p{P}]*$/u.test(text.slice(0, head.start)) &&
      ROUNDUP_LINE_HEAD.test(folded.slice(head.end, head.end + 16))
    )
      this.setTopic(head.key, true, "ING-TOPIC-15");
    // ING-TOPIC-10: a company named as the agent of a raise ("$79m was swept up by X") is the subject.
    if (/\b(?:by|par)\b/.test(folded)) {
      for (let i = 0; i < s.money.length; i++) {
        const segEnd = i + 1 < s.money.length ? s.money[i + 1]!.start : s.text.length;
        const agent = this.raisedByAgent(s, s.money[i]!, segEnd);
        if (agent) this.setTopic(agent.key, true, "ING-TOPIC-10");
      }
    }
    let previous: WorkingClaim | undefined;
    for (let i = 0; i < s.money.length; i++) {
      const claim = this.readMoney(s, i, previous);
      if (claim) this.respectiveSubject(s, i, claim);
      if (claim) for (const one of this.splitEach(s, claim, s.money[i]!)) this.emit(s, one);
      previous = claim;
    }
    this.valuationsOfEarlierRounds(s);
    this.readParticipants(s);
    this.noteInvestors(s);
    this.readAgreements(s);
    this.readStakes(s);
    this.readBackers(s);
    this.readInvestorLists(s);
    this.updateTopics(s);
  }

  // ---- discourse state -------------------------------------------------------------

  /**
   * ING-AMT-12: "Lydia et Qonto viennent de lever respectivement 40 et 104 millions d'euros", "A and B
   * raised $20m and $35m respectively": the n-th figure is the n-th company's, named in the list before.
   */
  private respectiveSubject(s: Sentence, i: number, claim: WorkingClaim): void {
    if (claim.kind !== "round_size" && claim.kind !== "round_target" && claim.kind !== "valuation_post")
      return;
    const group = this.respectiveGroup(s);
    const at = group.indexOf(s.money[i]!);
    if (group.length < 2 || at < 0) return;
    // Any name: a company named like a person ("Lydia") is still the list's member.
    const names = s.names.filter((n) => !n.inAttribution && n.end <= group[0]!.start);
    const list = names.slice(-group.length);
    if (list.length !== group.length) return;
    // The companies must be one list ("A et B", "A, B and C"), not names scattered in the sentence.
    for (let k = 1; k < list.length; k++) {
      if (!/^\s*(?:,|,?\s*(?:et|and))\s*$/.test(s.folded.slice(list[k - 1]!.end, list[k]!.start))) return;
    }
    claim.subject = list[at]!.key;
    claim.rules.push("ING-AMT-12");
  }

  /** ING-AMT-12: the figures a "respectively" is about (those within 60 characters of it). */
  private respectiveGroup(s: Sentence): MoneyMention[] {
    if (s.money.length < 2) return [];
    const word = RESPECTIVELY.exec(s.folded);
    if (!word) return [];
    return s.money.filter((x) => Math.abs(x.start - word.index) <= 60 || Math.abs(word.index - x.end) <= 60);
  }

  /** ING-LINK-2: "GIC and Coatue each intend to contribute $1.5bn": one claim per member, each with the amount. */
  private splitEach(s: Sentence, claim: WorkingClaim, m: MoneyMention): WorkingClaim[] {
    if (claim.kind !== "investment" || !claim.group || (claim.counterparty?.length ?? 0) < 2) return [claim];
    const from = Math.max(0, claim.evidenceStart - s.base);
    if (!EACH.test(s.folded.slice(from, Math.min(s.folded.length, m.end + 12)))) return [claim];
    return claim.counterparty!.map((k) => ({
      ...claim,
      counterparty: [k],
      group: false,
      rules: [...claim.rules, "ING-LINK-2"],
    }));
  }

  private emit(s: Sentence, claim: WorkingClaim): void {
    if (claim.subject !== undefined && this.projects.has(this.registry.canonical(claim.subject))) return;
    // ING-STAKE-5: a stake the investor would only come to hold ("pourrait faire de X le principal
    // bailleur", "sur le point de devenir l'actionnaire majoritaire", "could become the largest
    // shareholder") is the deal itself, not an existing stake; nor is "backed by the X chips" (a
    // name used as a modifier of a noun).
    if (claim.kind === "existing_stake" && claim.amount === null) {
      const at = claim.evidenceStart - s.base;
      const before = s.folded.slice(Math.max(0, at - 60), Math.max(0, at));
      const evidence = s.folded.slice(Math.max(0, at), claim.evidenceEnd - s.base);
      if (PROSPECTIVE_STAKE.test(before) || PROSPECTIVE_STAKE.test(evidence)) return;
      const holder = s.names.find(
        (n) =>
          claim.counterparty?.includes(n.key) &&
          n.start >= at - 1 &&
          n.end <= claim.evidenceEnd - s.base + 40,
      );
      if (
        holder &&
        NAME_AS_MODIFIER.test(s.folded.slice(Math.max(0, holder.start - 5), holder.start)) &&
        MODIFIED_NOUN.test(s.folded.slice(holder.end, holder.end + 20))
      )
        return;
    }
    // ING-ROLE-11: "Nvidia, led by CEO Jensen Huang, will invest": the manager named in an apposition is no co-investor.
    if (claim.counterparty && claim.counterparty.length >= 2) {
      const managers = new Set(
        s.names
          .filter(
            (n) =>
              n.type === "person" && MANAGER_BEFORE.test(s.folded.slice(Math.max(0, n.start - 40), n.start)),
          )
          .map((n) => this.registry.canonical(n.key)),
      );
      const kept = claim.counterparty.filter((k) => !managers.has(this.registry.canonical(k)));
      if (kept.length > 0 && kept.length < claim.counterparty.length) {
        claim.counterparty = kept;
        if (kept.length === 1) claim.group = false;
        claim.rules.push("ING-ROLE-11");
      }
    }
    // ING-TOPIC-2: a person, or the claim's own investor, is never the company raising money.
    if (claim.subject !== undefined) {
      const subject = this.registry.canonical(claim.subject);
      const own = claim.counterparty?.some((k) => this.registry.canonical(k) === subject) ?? false;
      if (this.registry.type(subject) === "person" || own) {
        const topic = this.canonicalTopic();
        claim.subject =
          topic !== undefined && topic !== subject && this.registry.type(topic) !== "person"
            ? topic
            : undefined;
        claim.rules.push("ING-TOPIC-2");
      } else if (this.keyNamedAsInvestor(subject) && !this.isRaiseSubjectKey(s, subject)) {
        // ING-TOPIC-19: "Matrix Partners China and others, like …": a name made as investors name
        // themselves is the company raising money only as the subject of a raising verb.
        const topic = this.canonicalTopic();
        if (topic !== undefined && topic !== subject && !this.keyNamedAsInvestor(topic)) {
          claim.subject = topic;
          claim.rules.push("ING-TOPIC-19");
        }
      }
    }
    if (this.claims.length >= this.maxClaims) {
      this.truncated = true;
      return;
    }
    this.noteWeakTopic(s, claim);
    this.claims.push(claim);
    s.claims.push(claim);
    if (claim.counterparty && (claim.kind === "investment" || claim.kind === "existing_stake")) {
      for (const k of claim.counterparty) this.investors.add(this.registry.canonical(k));
    }
    if (claim.amount) this.lastAmountClaim = claim;
    if (claim.amount && (claim.kind === "round_size" || claim.kind === "round_target"))
      this.lastRoundClaim = claim;
    if (claim.currencyInferred) this.inferredCurrencyClaims.push(claim);
    if (claim.temporal === "current") {
      if (claim.kind === "investment") this.investmentStatus = claim.status;
      else if (claim.kind !== "commercial_agreement" && claim.kind !== "existing_stake") {
        this.roundStatus = claim.status;
      }
    }
  }

  private registerGroups(s: Sentence): void {
    let run: NameMention[] = [];
    const flush = () => {
      if (run.length >= 2) {
        this.groups.push(run.map((m) => m.key));
        if (this.groups.length > 8) this.groups.shift();
      }
    };
    for (const m of s.names) {
      const prev = run[run.length - 1];
      if (prev && LIST_SEPARATOR.test(s.folded.slice(prev.end, m.start))) run.push(m);
      else {
        flush();
        run = [m];
      }
    }
    flush();
  }

  /**
   * ING-PART-G: in a sentence about who puts money in (INVESTOR_CONTEXT), a list of two or more
   * names that no other rule read, none of them the company raising money nor a company that
   * raises money itself, names the round's participants: one investment claim without amount
   * each, in the deal of the sentence (the round read nearest, else the one last reported).
   * When another rule read some members of the list as investors, the others are read too. Lists
   * after customers, rivals, partners or examples (NOT_INVESTOR_LIST) are not investors.
   */
  private readInvestorLists(s: Sentence): void {
    if (s.names.length < 2 || !INVESTOR_CONTEXT.test(s.folded)) return;
    const claimed = new Set<string>();
    const investorsHere = new Set<string>();
    for (const c of s.claims) {
      if (c.subject !== undefined) claimed.add(this.registry.canonical(c.subject));
      for (const k of c.counterparty ?? []) {
        claimed.add(this.registry.canonical(k));
        if (c.kind === "investment" || c.kind === "existing_stake")
          investorsHere.add(this.registry.canonical(k));
      }
    }
    const topic = this.canonicalTopic();
    const runs: NameMention[][] = [];
    let run: NameMention[] = [];
    for (const m of s.names) {
      const prev = run[run.length - 1];
      if (prev && LIST_SEPARATOR.test(s.folded.slice(prev.end, m.start))) run.push(m);
      else {
        if (run.length >= 2) runs.push(run);
        run = [m];
      }
    }
    if (run.length >= 2) runs.push(run);
    for (const list of runs) {
      const first = list[0]!;
      const last = list[list.length - 1]!;
      const lead = s.folded.slice(Math.max(0, first.start - 60), first.start).replace(/[(:]/g, " ");
      if (NOT_INVESTOR_LIST.test(lead) && !INVESTOR_EXAMPLES.test(lead)) continue;
      // ING-PART-8: the partners of a project are no round's investors.
      const project = PROJECT_NOUN.exec(s.folded.slice(Math.max(0, first.start - 100), first.start));
      if (project) {
        const projectEnd = Math.max(0, first.start - 100) + project.index + project[0].length;
        const roundBetween = [s.cues.roundNoun, s.cues.raiseVerb].some((l) =>
          l.some((c) => c.start >= projectEnd && c.end <= first.start),
        );
        if (!roundBetween) continue;
      }
      const peopleInvest = PERSON_INVESTORS_BEFORE.test(
        s.folded.slice(Math.max(0, first.start - 90), first.start),
      );
      // "A, B and C raised …": the companies of a roundup, not investors.
      if (s.cues.raiseVerb.some((v) => v.start >= last.end && v.start - last.end <= 40)) continue;
      if (list.some((n) => n.inAttribution)) continue;
      const keys = list.map((n) => this.registry.canonical(n.key));
      if (topic !== undefined && keys.includes(topic)) continue;
      const known = keys.filter((k) => investorsHere.has(k) || this.investors.has(k));
      const fresh = list.filter(
        // A possessive names the owner of the next name ("Halvard's Ember Capital"), not an investor of its own.
        (n, i) =>
          !claimed.has(keys[i]!) &&
          !n.possessive &&
          (n.type === "organisation" || peopleInvest || known.length > 0),
      );
      if (fresh.length === 0) continue;
      // Unread lists need the words of investing near them; a list half read by other rules does not.
      if (known.length === 0) {
        const around = s.folded.slice(
          Math.max(0, first.start - 80),
          Math.min(s.folded.length, last.end + 60),
        );
        if (!INVESTOR_CONTEXT.test(around)) continue;
      }
      const deal = this.dealSubject(s, first.start);
      const subject = deal.subject;
      if (subject === undefined) continue;
      for (const name of fresh) {
        const key = this.registry.canonical(name.key);
        if (key === this.registry.canonical(subject) || this.isStaffNotInvestor(s, name)) continue;
        // The list is the cue: a participant's evidence is its name (ING-PART-G).
        this.emitParticipant(
          s,
          name,
          { start: name.start, end: name.end },
          "ING-PART-G",
          subject,
          deal.claim,
          first.start,
        );
        claimed.add(key);
      }
    }
  }

  /** ING-AGR-3: the subjects of investment verbs are investors, with or without a figure ("X and Y joined the round"). */
  private noteInvestors(s: Sentence): void {
    for (const verb of s.cues.investVerb) {
      const subject = this.subjectBefore(s, verb.start);
      if (subject?.kind !== "name") continue;
      const topic = this.canonicalTopic();
      for (const key of this.resolveInvestor(s, subject)?.keys ?? []) {
        const k = this.registry.canonical(key);
        if (k !== topic) this.investors.add(k);
      }
    }
  }

  /** ING-ENT-2: "Lakeshore Health, filiale de Lakeshore Capital", "Fjord Capital's portfolio company Lumen Cells". */
  private linkSubsidiaries(s: Sentence): void {
    s.names.forEach((child, k) => {
      const after = s.rules.subsidiary.exec(s.folded.slice(child.end, child.end + 80));
      if (after) {
        const ownerAt = child.end + after[0].length;
        const owner = after[1]
          ? this.investorTopic
          : s.names.find((n) => n.start === ownerAt || (n.start > ownerAt && n.start - ownerAt <= 3))?.key;
        if (owner !== undefined) this.registry.setParent(child.key, owner);
      }
      const previous = s.names[k - 1];
      if (previous && s.rules.subsidiaryBefore.test(s.folded.slice(previous.end, child.start))) {
        this.registry.setParent(child.key, previous.key);
      }
    });
  }

  /** ING-TOPIC-5: the company raising now as the subject of a raise verb, not an investor, not in the past. */
  private raiseSubject(s: Sentence, verb: Span): NameMention | undefined {
    const subject = this.subjectBefore(s, verb.start);
    if (subject?.kind !== "name" || subject.type !== "organisation") return undefined;
    if (s.cues.investVerb.some((v) => v.start >= subject.end && v.end <= verb.start)) return undefined;
    const clause = s.folded.slice(0, verb.end + 60);
    if (s.cues.background.some((b) => b.start < verb.end + 60) || /\b(?:avait|had)\b/.test(clause))
      return undefined;
    // ING-TOPIC-5: an investor of the report does not become its subject ("Tiger … closed 2015 with 39 deals").
    if (this.investors.has(this.registry.canonical(subject.key))) return undefined;
    return subject;
  }

  /**
   * ING-TOPIC-16: the name opening a sentence as the subject of its raise verb, or of a verb whose
   * object is a round ("Databricks is finalizing a funding round", "X prépare une levée").
   */
  private openingRaiser(s: Sentence, n: NameMention): NameMention | undefined {
    if (n.type !== "organisation" || n.inAttribution || n.possessive) return undefined;
    const raise = s.cues.raiseVerb[0];
    if (raise && this.raiseSubject(s, raise) === n) return n;
    const round = s.cues.roundNoun.find((r) => r.start >= n.end);
    if (!round || round.start - n.end > 50) return undefined;
    if (!/^\s+(?:[a-z'-]+\s+){1,4}$/.test(s.folded.slice(n.end, round.start))) return undefined;
    if (
      /\p{Lu}/u.test(s.text.slice(n.end, round.start)) ||
      /\b(?:avait|had)\b/.test(s.folded.slice(n.end, round.start))
    )
      return undefined;
    if (this.isInvestorSide(s, n) || this.investors.has(this.registry.canonical(n.key))) return undefined;
    if (s.cues.investVerb.some((v) => v.start >= n.end && v.end <= round.start)) return undefined;
    if (s.cues.background.some((b) => b.start < round.end + 60)) return undefined;
    return n;
  }

  private updateTopics(s: Sentence): void {
    for (const verb of s.cues.raiseVerb) {
      const subject = this.raiseSubject(s, verb);
      if (subject) this.setTopic(subject.key, true, "ING-TOPIC-5");
    }
    let investor: string | undefined;
    for (const n of s.names) {
      if (n.inAttribution || n.type !== "organisation") continue;
      if (this.registry.canonical(n.key) === this.canonicalTopic()) continue;
      investor = n.key;
    }
    // Participants named without a figure (ING-PART) do not make the investor last spoken of.
    const lastClaim = s.claims.filter((c) => c.amount !== null || c.kind !== "investment").pop();
    if (lastClaim?.counterparty?.length === 1 && !lastClaim.group) investor = lastClaim.counterparty[0];
    if (investor !== undefined) this.investorTopic = investor;
  }

  private contextStatus(): ClaimStatus | undefined {
    return this.roundStatus ?? this.investmentStatus;
  }

  /**
   * ING-TOPIC-8: a name that only frames the report: a dateline ("DETROIT --", "PARIS (Reuters) —"),
   * a news agency in brackets before the dash ("(Bloomberg) --"), or a heading line in capitals
   * ("STORAGE"). It is no company raising money.
   */
  private isHeadingOrDateline(s: Sentence, n: NameMention): boolean {
    const word = s.text.slice(n.start, n.end);
    const after = s.text.slice(n.end, n.end + 48);
    if (
      !/\p{Ll}/u.test(word) &&
      /^\s*$/.test(s.text.slice(0, n.start)) &&
      /^\s*(?:,\s*[\p{L}\d .]{2,20})?\s*(?:\([^)]{1,40}\)\s*)?(?:--|[—–]|-\s)/u.test(after)
    )
      return true;
    if (/\(\s*$/.test(s.text.slice(Math.max(0, n.start - 3), n.start)) && /^\s*\)\s*(?:--|[—–])/.test(after))
      return true;
    if (s.text.length <= 40 && !/\p{Ll}/u.test(s.text)) return true;
    // A line holding only the name and no verb ("Apple Podcast Logo"): a caption or a heading.
    return /^[\s\p{P}]*$/u.test(s.text.slice(0, n.start)) && /^[\s\p{P}]*$/u.test(s.text.slice(n.end));
  }

  /**
   * ING-TOPIC-7: a claim on the current deal whose company is the report's subject only because
   * it was the first company named (no raising cue yet) is kept aside, to follow the subject when
   * a raising cue later names another company; a claim whose own clause names a company with a
   * round or a raising verb, while the subject is still only the first company named, makes that
   * company the subject.
   */
  private noteWeakTopic(s: Sentence, claim: WorkingClaim): void {
    if (this.topicStrong || claim.subject === undefined) return;
    const subject = this.registry.canonical(claim.subject);
    const topic = this.canonicalTopic();
    const named = s.names.some((n) => !n.inAttribution && this.registry.canonical(n.key) === subject);
    if (subject === topic) {
      // A claim of the subject's own clause confirms it ("Linkfluence conclut la levée …").
      // So does a round raised by a description standing for it ("The company has raised $40m").
      const described =
        (claim.kind === "round_size" || claim.kind === "round_target") &&
        s.mentions.some(
          (m) =>
            m.kind === "anaphor" &&
            m.form === "description" &&
            !m.inAttribution &&
            m.end <= claim.evidenceEnd - s.base,
        );
      if (named || described) {
        this.topicStrong = true;
        this.weakClaims.length = 0;
      } else this.weakClaims.push(claim);
      return;
    }
    if (
      named &&
      claim.temporal === "current" &&
      claim.amount !== null &&
      (claim.kind === "round_size" || claim.kind === "round_target") &&
      this.registry.type(subject) === "organisation" &&
      !this.investors.has(subject)
    )
      this.setTopic(claim.subject, true, "ING-TOPIC-7");
  }

  /**
   * ING-TOPIC-9: a person's employer ("la soeur du patron de Meta", "the founder of self-driving car
   * company Cruise", "former Cruise CEO Kyle Vogt") is named for the person, not as the company raising.
   */
  private isEmployerOfPerson(s: Sentence, n: NameMention): boolean {
    if (EMPLOYER_BEFORE.test(s.folded.slice(Math.max(0, n.start - 60), n.start))) return true;
    return (
      FORMER_BEFORE.test(s.folded.slice(Math.max(0, n.start - 10), n.start)) &&
      EMPLOYER_ROLE_AFTER.test(s.folded.slice(n.end, n.end + 24))
    );
  }

  /**
   * ING-TOPIC-10: the agent of a passive raising verb after the figure ("$79m was swept up by B2B
   * logistics startup Blackbuck", "celui de 160 M€ bouclé par X", "20 M€ levés par la start-up X").
   */
  private raisedByAgent(s: Sentence, m: MoneyMention, segEnd: number): NameMention | undefined {
    const after = s.folded.slice(m.end, Math.min(segEnd, m.end + 120));
    const passive = RAISED_BY_AFTER.exec(after);
    if (!passive) return undefined;
    const at = m.end + passive[0].length;
    const agent = s.names.find((n) => n.start >= at && n.start - at <= 50 && !n.inAttribution);
    if (agent?.type !== "organisation") return undefined;
    if (!AGENT_LEAD.test(s.folded.slice(at, agent.start))) return undefined;
    if (this.investors.has(this.registry.canonical(agent.key))) return undefined;
    return agent;
  }

  /**
   * ING-TOPIC-11: a name used as a common noun before the company's own ("le Google News indien
   * Dailyhunt", "the Uber of Jakarta Ojeko"): after a determiner, followed by at most two lower-case
   * words (or "of" and a place) and another name, the first describes the second, which is returned.
   */
  private describedName(s: Sentence, n: NameMention): NameMention | undefined {
    if (
      !/(?:^|[\s'])(?:le|la|l'|un|une|the|a|an)\s*$/.test(s.folded.slice(Math.max(0, n.start - 4), n.start))
    )
      return undefined;
    const next = s.names.find((x) => x.start >= n.end);
    if (!next || next.start - n.end > 30) return undefined;
    const gap = s.text.slice(n.end, next.start);
    return /^\s+(?:\p{Ll}[\p{Ll}'-]*\s+){1,2}$/u.test(gap) ? next : undefined;
  }

  /**
   * ING-TOPIC-12: the company a pronoun stands for when it reports its own raise ("24M announced
   * that it had raised", "X a indiqué qu'elle avait levé"): the name just before the reporting verb.
   */
  private selfReporter(s: Sentence, pronoun: Mention): NameMention | undefined {
    if (pronoun.kind !== "anaphor" || pronoun.form !== "pronoun") return undefined;
    const speaker = s.names.filter((n) => n.end <= pronoun.start && pronoun.start - n.end <= 40).pop();
    if (speaker?.type !== "organisation" || this.investors.has(this.registry.canonical(speaker.key)))
      return undefined;
    return SELF_REPORT_BEFORE.test(s.folded.slice(speaker.end, pronoun.start)) ? speaker : undefined;
  }

  /** ING-TOPIC-7: a name followed by its verb ("Zo Rooms was …", "Nvidia est …"), not by punctuation. */
  private isClauseSubject(s: Sentence, n: NameMention): boolean {
    const after = s.folded.slice(n.end, n.end + 30);
    return /^\s+[a-z]/.test(after) && s.rules.subjectFollowers.test(after);
  }

  /** Sets the report's subject; `strong` when a raising cue names it (ING-TOPIC-7). */
  private setTopic(key: string, strong: boolean, rule: string): void {
    const previous = this.canonicalTopic();
    this.subjectTopic = key;
    if (strong && !this.topicStrong) {
      // ING-TOPIC-7: the claims that only took the first company named follow the company a raising cue names.
      const topic = this.registry.canonical(key);
      for (const c of previous !== undefined && previous !== topic ? this.weakClaims : []) {
        if (c.subject === undefined || this.registry.canonical(c.subject) !== previous) continue;
        if (c.counterparty?.some((k) => this.registry.canonical(k) === topic)) continue;
        c.subject = key;
        c.rules.push("ING-TOPIC-7");
        if (rule !== "ING-TOPIC-7" && !c.rules.includes(rule)) c.rules.push(rule);
      }
      this.weakClaims.length = 0;
    }
    this.topicStrong = strong;
  }

  /**
   * ING-TOPIC-19: a name made as investors name themselves ("Matrix Partners China", "Eurazeo
   * Growth", "Kestrel Ventures", "Sofina Capital", "UI Investissement") is not taken for the
   * company the report is about on being named first; a raising cue still can make it so.
   */
  private namedAsInvestor(n: NameMention): boolean {
    return this.keyNamedAsInvestor(n.key);
  }

  private keyNamedAsInvestor(key: string): boolean {
    const name = this.registry.name(key);
    let known = this.investorNamed.get(name);
    if (known === undefined) {
      const words = foldText(name).split(/[\s-]+/);
      known = words.length >= 2 && words.slice(1).some((w) => INVESTOR_NAME_WORDS.has(w));
      if (this.investorNamed.size < 4096) this.investorNamed.set(name, known);
    }
    return known;
  }

  /** Whether a name of the sentence with this key is the subject of a raising verb right after it ("Kestrel Capital raised"). */
  private isRaiseSubjectKey(s: Sentence, key: string): boolean {
    return s.names.some(
      (n) =>
        this.registry.canonical(n.key) === key &&
        s.cues.raiseVerb.some((v) => v.start >= n.end && v.start - n.end <= 30),
    );
  }

  private canonicalTopic(): string | undefined {
    return this.subjectTopic === undefined ? undefined : this.registry.canonical(this.subjectTopic);
  }

  /** ING-ROLE-8: "the funding round of Anthropic", "a $100m round in DealShare": the name owns the round. */
  private isRoundOwner(s: Sentence, n: Mention): boolean {
    const before = s.folded.slice(Math.max(0, n.start - 90), n.start);
    // ING-TOPIC-18: "c'est au tour de Kivo de lever 40 M€": the company whose turn it is raises.
    if (TURN_OF.test(before) && TURN_VERB_AFTER.test(s.folded.slice(n.end, n.end + 30))) return true;
    return ROUND_OF.test(before);
  }

  /**
   * ING-TOPIC-1: a name on the investor's side of a deal: right after "led by", "backed by",
   * "from", "auprès de", "mené par", "sous la houlette de", "including" (and the later members
   * of such a list), or the subject of an investment verb ("Tiger Global to invest …",
   * "SoftBank avait investi … dans OpenAI").
   */
  private isInvestorSide(s: Sentence, n: NameMention): boolean {
    // "auprès de X, Y signe …": a name followed by its verb opens a clause; it is no list member.
    const clauseSubject =
      /^\s+[a-z]/.test(s.folded.slice(n.end, n.end + 3)) &&
      s.rules.subjectFollowers.test(s.folded.slice(n.end, n.end + 30));
    const list = clauseSubject ? [n] : this.listEndingWith(s, n);
    const head = list[0] ?? n;
    if (INVESTOR_MARK_BEFORE.test(s.folded.slice(Math.max(0, head.start - 40), head.start))) return true;
    // ING-TOPIC-8: "BMW and Ford are leading a $130m round", "X mène le tour": the subject of a lead verb.
    if (LEAD_SUBJECT_AFTER.test(s.folded.slice(n.end, n.end + 60))) return true;
    // ING-TOPIC-8: "Google was a surprise investor in Nuro", "X est actionnaire de Y": an investor by its predicate.
    if (INVESTOR_PREDICATE_AFTER.test(s.folded.slice(n.end, n.end + 60))) return true;
    // ING-TOPIC-14: "Sequoia has taken a stake in X", "Y entre au capital de X": the taker is an investor.
    if (STAKE_TAKER_AFTER.test(s.folded.slice(n.end, n.end + 50))) return true;
    // "Brennor, Quent and Gaxo participated": the verb follows the list's last member.
    const tail = clauseSubject ? n : this.listStartingWith(s, n);
    const afterTail = s.folded.slice(tail.end, tail.end + 50);
    if (BET_ON_AFTER.test(afterTail)) return true;
    const participant = s.rules.participantBefore;
    participant.lastIndex = 0;
    const joined = participant.exec(afterTail);
    participant.lastIndex = 0;
    if (joined && joined.index <= 1) return true;
    return s.cues.investVerb.some(
      (v) =>
        v.start >= tail.end &&
        v.start - tail.end <= 40 &&
        !s.names.some((x) => x.start >= tail.end && x.end <= v.start) &&
        !/[,;(]|\b(?:qui|which|who|dont|whose)\b/.test(s.folded.slice(tail.end, v.start)),
    );
  }

  /** The last member of the list of names that `first` opens ("Brennor, Quent and Gaxo" → Gaxo). */
  private listStartingWith(s: Sentence, first: NameMention): NameMention {
    let last = first;
    for (let k = s.mentions.indexOf(first) + 1; k < s.mentions.length; k++) {
      const next = s.mentions[k]!;
      if (next.kind !== "name" || next.inAttribution) break;
      if (!LIST_SEPARATOR.test(s.folded.slice(last.end, next.start))) break;
      last = next;
    }
    return last;
  }

  /** ING-TOPIC-1: the object of an investment verb ("invest $2bn in X", "investi 2 Md$ dans X"). */
  private isInvestTarget(s: Sentence, n: NameMention): boolean {
    // ING-TOPIC-14: "taken a stake in X", "entre au capital de X", "prend une participation dans X",
    // "are betting on X", "mise sur X".
    const before = s.folded.slice(Math.max(0, n.start - 50), n.start);
    if (STAKE_IN_BEFORE.test(before) || BET_ON_BEFORE.test(before)) return true;
    if (!/(?:\b(?:in|into|dans|chez)\s+)$/.test(s.folded.slice(Math.max(0, n.start - 8), n.start)))
      return false;
    return s.cues.investVerb.some((v) => v.end <= n.start && n.start - v.end <= 60);
  }

  /** ING-ROLE-8: "the ChatGPT developer", "créateur de ChatGPT", "OpenAI (ChatGPT)": a product, not the company. */
  private isProductOfMaker(s: Sentence, n: Mention): boolean {
    if (n.kind !== "name") return false;
    if (PRODUCT_MAKER_AFTER.test(s.folded.slice(n.end, n.end + 20))) return true;
    if (PRODUCT_MAKER_BEFORE.test(s.folded.slice(Math.max(0, n.start - 30), n.start))) return true;
    // A name in brackets right after another name: its product or its alias, never a second party.
    return (
      /\(\s*$/.test(s.folded.slice(Math.max(0, n.start - 3), n.start)) &&
      /^\s*\)/.test(s.folded.slice(n.end, n.end + 3)) &&
      s.names.some((x) => x !== n && x.end <= n.start && /^\s*\(\s*$/.test(s.folded.slice(x.end, n.start)))
    );
  }

  /** ING-ROLE-8: the owner of a round named before `pos` in the sentence ("the funding round of X … has raised"). */
  private roundOwnerBefore(s: Sentence, pos: number): NameMention | undefined {
    return s.names.find(
      (n) =>
        n.end <= pos + 60 &&
        n.type === "organisation" &&
        !n.inAttribution &&
        !this.investors.has(this.registry.canonical(n.key)) &&
        (this.isRoundOwner(s, n) ||
          // ING-TOPIC-19: "l'insurtech Alan et son tour de table de 185 M€", "X and its $50m round".
          (n.end <= pos && OWN_ROUND_AFTER.test(s.folded.slice(n.end, n.end + 60)))),
    );
  }

  // ---- helpers on the sentence -----------------------------------------------------

  /**
   * True when the mention is the object of a preposition ("dans OpenAI", "from X"), unless
   * it ends the noun phrase that opens the sentence ("Le spécialiste du stockage
   * Dataforge a …": the name is the subject, "du stockage" belongs to "spécialiste").
   */
  private isPrepObject(s: Sentence, m: Mention): boolean {
    let known = s.complement.get(m);
    if (known === undefined) {
      known = this.prepObject(s, m);
      s.complement.set(m, known);
    }
    return known;
  }

  private prepObject(s: Sentence, m: Mention): boolean {
    // "backed by Microsoft and SoftBank": the later members of a list share the first's preposition.
    if (m.kind === "name") {
      const list = this.listEndingWith(s, m);
      // ING-TOPIC-18: "Backed by Brennor, Kivo raised …", "Lancée par d'anciens de Google, la start-up
      // Kivo annonce …": a name after a comma and followed by its verb opens the main clause.
      const previous = list[list.length - 2];
      const opensClause =
        previous !== undefined &&
        !/\b(?:et|and)\b|&/.test(s.folded.slice(previous.end, m.start)) &&
        this.isClauseSubject(s, m);
      const shared =
        !opensClause &&
        list.some(
          (x) => x !== m && DIRECT_COMPLEMENT.test(s.folded.slice(Math.max(0, x.start - 12), x.start)),
        );
      if (shared) return true;
    }
    if (!s.rules.prepositionBefore.test(s.folded.slice(Math.max(0, m.start - 40), m.start))) return false;
    // A name right after a preposition or an article is its complement ("pour OpenAI").
    if (DIRECT_COMPLEMENT.test(s.folded.slice(Math.max(0, m.start - 12), m.start))) return true;
    if (OPENING_NOUN_PHRASE.test(s.folded.slice(0, m.start))) return false;
    // The same after "que"/"that" opening a reported clause ("… a rapporté que le géant japonais de
    // l'investissement dans les technologies SoftBank pourrait investir"): ING-ROLE-3.
    const reported = REPORTED_CLAUSE_NOUN_PHRASE.exec(s.folded.slice(Math.max(0, m.start - 90), m.start));
    return reported === null;
  }

  /**
   * The subject of a verb at `pos`: the nearest mention before it that is not the object
   * of a preposition. After a relative pronoun ("X, qui apporte", "X, which owns") it is
   * the pronoun's antecedent, even when that follows a preposition ("mené par X, qui …").
   */
  private subjectBefore(s: Sentence, pos: number): Mention | undefined {
    const windowStart = Math.max(0, pos - 60);
    const relative = RELATIVE_BEFORE.exec(s.folded.slice(windowStart, pos));
    if (relative) {
      const pronoun = windowStart + relative.index;
      const inside = s.mentions.some((m) => m.start >= pronoun && m.end <= pos);
      if (!inside) {
        for (let k = s.mentions.length - 1; k >= 0; k--) {
          const m = s.mentions[k]!;
          if (m.end > pronoun || m.inAttribution) continue;
          if (m.kind === "anaphor" && m.form === "clitic") continue;
          return m;
        }
      }
    }
    // ING-ROLE-9: "Microsoft, a longstanding backer with rights to sell OpenAI models, is in talks to
    // invest": the apposition between a name and its verb names nothing of its own.
    const commaAt = this.appositionStart(s, pos);
    if (commaAt >= 0) {
      const head = s.names
        .filter((n) => n.end <= commaAt && /^\s*$/.test(s.folded.slice(n.end, commaAt)))
        .pop();
      if (head && !head.inAttribution && !this.isPrepObject(s, head)) return head;
    }
    for (let k = s.mentions.length - 1; k >= 0; k--) {
      const m = s.mentions[k]!;
      if (m.end > pos) continue;
      if (m.inAttribution) continue;
      if (m.kind === "anaphor" && m.form === "clitic") continue;
      if (m.kind === "name" && m.possessive) continue;
      if (this.isProductOfMaker(s, m)) continue;
      if (this.isPrepObject(s, m)) continue;
      // "Oyo, which counted Sequoia among its investors, raised": a closed relative clause is skipped.
      if (
        this.relativeClauses(s).some(
          (r) => r.start <= m.start && m.end <= r.end && r.end <= pos && s.folded[r.end - 1] === ",",
        )
      )
        continue;
      return m;
    }
    return undefined;
  }

  /**
   * ING-ROLE-9: where an apposition set off by commas ends just before `pos` (", a longstanding
   * backer of X, is …"), the position of its opening comma; else -1. Found from the two
   * commas before `pos` (no regular expression over the window: this runs for every verb).
   */
  private appositionStart(s: Sentence, pos: number): number {
    const f = s.folded;
    const closing = f.lastIndexOf(",", pos - 1);
    if (closing < 0 || pos - closing > 60) return -1;
    if (!APPOSITION_TAIL.test(f.slice(closing + 1, pos))) return -1;
    const opening = f.lastIndexOf(",", closing - 1);
    if (opening < 0 || closing - opening > 150) return -1;
    return APPOSITION_BODY.test(f.slice(opening + 1, closing)) ? opening : -1;
  }

  /** The members of a list ending with `last` ("Mistelle, Corvanne et le fonds Aubrac Partenaires"). */
  private listEndingWith(s: Sentence, last: NameMention, from = 0, stopAtComplement = false): NameMention[] {
    const members = [last];
    let k = s.mentions.indexOf(last) - 1;
    while (k >= 0) {
      const prev = s.mentions[k]!;
      if (prev.kind !== "name" || prev.inAttribution) break;
      if (!LIST_SEPARATOR.test(s.folded.slice(prev.end, members[0]!.start))) break;
      if (prev.start < from) break;
      if (stopAtComplement && this.isPrepObject(s, prev)) break;
      members.unshift(prev);
      k--;
    }
    return members;
  }

  /** The list of parties starting just after `pos` (after "provenant de", "from"). */
  private listAfter(s: Sentence, pos: number, limit: number): Party | undefined {
    const first = s.mentions.find((m) => m.start >= pos && m.start < limit && !m.inAttribution);
    if (!first) return undefined;
    const lead = s.folded.slice(pos, first.start);
    if (!LIST_LEAD.test(lead)) return undefined;
    if (s.rules.nonExhaustive.test(lead)) {
      s.rules.nonExhaustive.lastIndex = 0;
      return undefined;
    }
    s.rules.nonExhaustive.lastIndex = 0;
    if (first.kind === "group") {
      const keys = this.groupKeys(first.size);
      return keys ? { keys, group: true, start: first.start, end: first.end } : undefined;
    }
    if (first.kind !== "name") return undefined;
    const members = [first];
    let k = s.mentions.indexOf(first) + 1;
    while (k < s.mentions.length) {
      const next = s.mentions[k]!;
      if (next.kind !== "name" || next.start >= limit) break;
      const separator = s.folded.slice(members[members.length - 1]!.end, next.start);
      if (!LIST_SEPARATOR.test(separator)) break;
      // ING-TOPIC-18: "With $40m from Brennor, Kivo plans to …": a name opening the main clause ends the list.
      if (!/\b(?:et|and)\b|&/.test(separator) && this.isClauseSubject(s, next)) break;
      members.push(next);
      k++;
    }
    return {
      keys: members.map((m) => m.key),
      group: members.length > 1,
      start: first.start,
      end: members[members.length - 1]!.end,
    };
  }

  private groupKeys(size: number | undefined): string[] | undefined {
    for (let k = this.groups.length - 1; k >= 0; k--) {
      const g = this.groups[k]!;
      if (size === undefined || g.length === size) return g;
    }
    return undefined;
  }

  /**
   * Resolves a mention to the parties it names (ING-ROLE-4). A description ("la firme",
   * "the company") or pronoun stands for an investor when it is in an investor's place
   * (the subject of "investir", the holder of a stake): the nearest company named before
   * it in the sentence other than the article's subject, else the investor last spoken
   * of. In a company's place (raising, valued, invested in) it stands for the article's
   * subject. The clitic "y" stands for the company invested in.
   */
  private resolve(
    s: Sentence,
    m: Mention,
    role: "investor" | "company",
    exclude: readonly string[] = [],
  ): Party | undefined {
    const excluded = new Set(exclude.map((k) => this.registry.canonical(k)));
    const topic = this.canonicalTopic();
    if (m.kind === "name") {
      return { keys: [m.key], group: false, start: m.start, end: m.end };
    }
    if (m.kind === "group") {
      const keys = this.groupKeys(m.size);
      return keys ? { keys, group: true, start: m.start, end: m.end } : undefined;
    }
    // "Veridia, l'éditeur parisien …": a description right after a name and a comma is that name.
    if (m.form === "description") {
      const previous = s.names.filter((n) => n.end <= m.start).pop();
      if (
        previous &&
        !previous.inAttribution &&
        previous.type === "organisation" &&
        /^\s*,\s*$/.test(s.folded.slice(previous.end, m.start))
      ) {
        if (!excluded.has(this.registry.canonical(previous.key))) {
          return { keys: [previous.key], group: false, start: m.start, end: m.end };
        }
      }
    }
    const earlier = s.names.filter(
      (n) => n.end <= m.start && !n.inAttribution && !excluded.has(this.registry.canonical(n.key)),
    );
    if (role === "investor" && m.form !== "clitic") {
      // A subject before a complement ("Gallia est partenaire d'Ondine : le fonds y a investi").
      // The article's subject may be the investor only as a subject, and only when the company
      // invested in is known (excluded) to be another.
      const isTopic = (n: NameMention) => this.registry.canonical(n.key) === topic;
      const subjects = earlier.filter((n) => !this.isPrepObject(s, n) && (excluded.size > 0 || !isTopic(n)));
      const complements = earlier.filter((n) => this.isPrepObject(s, n) && !isTopic(n));
      const nearest = subjects[subjects.length - 1] ?? complements[complements.length - 1];
      if (nearest) return { keys: [nearest.key], group: false, start: m.start, end: m.end };
      const t = this.investorTopic;
      if (
        t !== undefined &&
        !excluded.has(this.registry.canonical(t)) &&
        this.registry.canonical(t) !== topic
      ) {
        return { keys: [t], group: false, start: m.start, end: m.end };
      }
      return undefined;
    }
    // The clitic "y" stands for the company named before it ("… d'OpenAI : l'entreprise y a investi").
    if (m.form === "clitic") {
      const nearest = earlier.filter((n) => n.type === "organisation").pop();
      if (nearest) return { keys: [nearest.key], group: false, start: m.start, end: m.end };
    }
    // "la société", "the company", "it" in a company's place: the article's subject.
    if (topic !== undefined && !excluded.has(topic))
      return { keys: [topic], group: false, start: m.start, end: m.end };
    // ING-TOPIC-3: no subject yet ("C'est le pari de Nautile. La société a levé …"): the company last named.
    if (
      topic === undefined &&
      role === "company" &&
      m.form === "description" &&
      this.companyCandidate !== undefined
    ) {
      const candidate = this.registry.canonical(this.companyCandidate);
      if (!excluded.has(candidate)) {
        this.setTopic(candidate, true, "ING-TOPIC-3");
        return { keys: [candidate], group: false, start: m.start, end: m.end };
      }
    }
    return undefined;
  }

  /**
   * ING-TOPIC-4: at the end of the report, a claim on the current deal left without a company
   * ("réunir 12 Md$ pour la start-up" before the company is named) is the report's company.
   */
  finish(): void {
    this.dropConversions();
    const topic = this.canonicalTopic();
    if (topic === undefined || this.registry.type(topic) === "person") return;
    for (const c of this.claims) {
      if (c.subject !== undefined || c.temporal !== "current") continue;
      if (c.counterparty?.some((k) => this.registry.canonical(k) === topic)) continue;
      c.subject = topic;
      c.rules.push("ING-TOPIC-4");
    }
  }

  /**
   * ING-AMT-7 (across sentences): "India's Indifi raises $20.4M" in a headline and "has raised 1,450
   * million Indian rupees ($20.4 million)" in the body are one claim, in the first currency written: a
   * claim of the same kind whose figure is another claim's bracketed conversion is dropped.
   */
  private dropConversions(): void {
    if (this.conversions.length === 0) return;
    const same = (a: Rational | null, b: Rational | null) =>
      a === null ? b === null : b !== null && a.eq(b);
    for (let k = this.claims.length - 1; k >= 0; k--) {
      const c = this.claims[k]!;
      if (!c.amount) continue;
      const converted = this.conversions.some(
        ({ claim, conversion }) =>
          claim !== c &&
          claim.kind === c.kind &&
          conversion.currency === c.amount!.currency &&
          same(conversion.point, c.amount!.point) &&
          same(conversion.min, c.amount!.min) &&
          same(conversion.max, c.amount!.max),
      );
      if (converted) this.claims.splice(k, 1);
    }
  }

  private resolveInvestor(
    s: Sentence,
    m: Mention,
    exclude: readonly string[] = [],
    from = 0,
  ): Party | undefined {
    if (m.kind === "name") {
      const members = this.listEndingWith(s, m, from, from > 0);
      return {
        keys: members.map((x) => x.key),
        group: members.length > 1,
        start: members[0]!.start,
        end: m.end,
      };
    }
    return this.resolve(s, m, "investor", exclude);
  }

  // ---- money -----------------------------------------------------------------------

  private readMoney(s: Sentence, i: number, previous: WorkingClaim | undefined): WorkingClaim | undefined {
    const m = s.money[i]!;
    const segStart = i > 0 ? s.money[i - 1]!.end : 0;
    const segEnd = i + 1 < s.money.length ? s.money[i + 1]!.start : s.text.length;
    const { cues, folded, rules } = s;

    // ING-LINK-3: a second figure joined to the first by a hedge or a time ("more than $10bn, potentially
    // even more than $20bn", "10 Md$ en avril et jusqu'à 30 Md$ en décembre", "$500m now and $1.5bn later")
    // restates or continues the first: the same kind and parties.
    const gap = i > 0 ? folded.slice(s.money[i - 1]!.end, m.start) : "";
    const restated = i > 0 && previous?.amount && RESTATED_FIGURE_GAP.test(gap);
    // A tranche follows a time ("en avril et"), or is followed by one ("$15m later", "30 M€ en décembre").
    const tranche =
      i > 0 &&
      previous?.amount &&
      previous.kind === "investment" &&
      TRANCHE_GAP.test(gap) &&
      (!/^\s+(?:and|et|puis|then)/.test(gap) ||
        new RegExp(`^\\s+(?:later|plus tard|ensuite|then|(?:en|in|by|d'ici|fin) (?:${MONTHS}))`).test(
          folded.slice(m.end, m.end + 24),
        ));
    // ING-AMT-12: the later figures given "respectively" are of the first one's kind.
    const group = previous?.amount ? this.respectiveGroup(s) : [];
    if (previous && group.indexOf(m) > 0) {
      return this.moneyClaim(s, m, segStart, segEnd, {
        kind: previous.kind,
        subject: previous.subject,
        counterparty: undefined,
        rules: ["ING-AMT-12"],
        evidenceFrom: m.start,
        evidenceTo: m.end,
      });
    }
    if (previous && (restated || tranche)) {
      if (tranche && !previous.rules.includes("ING-LINK-4")) previous.rules.push("ING-LINK-4");
      return this.moneyClaim(s, m, segStart, segEnd, {
        kind: previous.kind,
        subject: previous.subject,
        counterparty: previous.counterparty
          ? { keys: previous.counterparty, group: previous.group, start: m.start, end: m.start }
          : undefined,
        basisStated: previous.basisStated,
        rules: [tranche ? "ING-LINK-4" : "ING-LINK-3"],
        evidenceFrom: m.start,
        evidenceTo: m.end,
      });
    }

    // ING-KIND-1: a figure next to a commercial agreement is the agreement's value, unless an
    // investment verb stands between them ("Microsoft, a backer with exclusive rights to sell X's
    // models, is in talks to invest less than $10bn": the agreement is in the apposition).
    const agreementBefore = lastBefore(cues.agreement, segStart, m.start, 120);
    const agreement =
      (agreementBefore && !cues.investVerb.some((v) => v.start >= agreementBefore.end && v.end <= m.start)
        ? agreementBefore
        : undefined) ?? firstAfter(cues.agreement, m.end, segEnd, 20);
    if (agreement) {
      const investor = this.agreementInvestor(s, Math.min(agreement.start, m.start), segEnd);
      if (!investor) return undefined;
      return this.moneyClaim(s, m, segStart, segEnd, {
        kind: "commercial_agreement",
        subject: this.topicOrSentenceSubject(s),
        counterparty: { keys: [investor], group: false, start: agreement.start, end: agreement.end },
        rules: ["ING-KIND-1", "ING-AGR-1"],
        evidenceFrom: Math.min(agreement.start, m.start),
        evidenceTo: m.end,
      });
    }

    // ING-LINK-1: linked parts of a round ("$7.5bn in equity and up to $12.5bn in debt") are the round's.
    const linked = s.money.filter((x) => LINKED_PART.test(folded.slice(x.end, x.end + 30)));
    if (linked.length >= 2 && linked.includes(m)) {
      const base =
        previous?.amount && (previous.kind === "round_size" || previous.kind === "round_target")
          ? previous
          : this.lastRoundClaim;
      if (base) {
        // "xAI had planned for $7.5bn of equity and $12.5bn of debt": the plan is a target, whatever the round became.
        const planned = s.cues.intent.some((c) => c.end <= m.start);
        return this.moneyClaim(s, m, segStart, segEnd, {
          kind: planned ? "round_target" : base.kind,
          subject: base.subject,
          counterparty: undefined,
          rules: ["ING-LINK-1"],
          evidenceFrom: m.start,
          evidenceTo: m.end + (LINKED_PART.exec(folded.slice(m.end, m.end + 30))?.[0].length ?? 0),
        });
      }
    }

    // ING-KIND-2: revenue, spending, prices, acquisitions, totals to date are not claims.
    const negative = lastBefore(cues.negative, segStart, m.start);
    const sourceAfter = firstAfter(cues.sourcePrep, m.end, segEnd, 45);
    if (negative && !sourceAfter) {
      const negativeDistance = distanceBefore(negative, m.start);
      const positives = [cues.investVerb, cues.raiseVerb, cues.valuation, cues.investNoun, cues.amountRef]
        .map((list) => lastBefore(list, segStart, m.start))
        .filter((c): c is Span => c !== undefined)
        .map((c) => distanceBefore(c, m.start));
      // ING-KIND-2k: a round named right after the figure ("$77 million in series A financing") is the
      // figure's own word, nearer than any negative word before it ("after Novartis's acquisition of …").
      const roundNamed = ROUND_NAMED_AFTER.test(folded.slice(m.end, m.end + 40));
      if (!roundNamed && positives.every((d) => d > negativeDistance)) return undefined;
    }
    if (rules.negativeAfter.test(folded.slice(m.end, m.end + 60))) return undefined;
    // ING-KIND-2b: a total raised to date ("having already raised about $10bn", "has raised $220m in
    // eight funding rounds", "had raised $1bn before this latest round", "a pour l'instant récolté").
    // ING-KIND-2d: a market statistic: a plural of companies raising ("UK fintechs raised $3.4bn
    // in the first half", "les jeunes pousses ont récolté").
    if (this.notARaise(s, m)) return undefined;
    if (
      MARKET_BEFORE.test(folded.slice(Math.max(0, m.start - 60), m.start)) ||
      CUMULATIVE_BEFORE.test(folded.slice(Math.max(0, m.start - 50), m.start)) ||
      CUMULATIVE_AFTER.test(folded.slice(m.end, m.end + 60))
    )
      return undefined;

    // ING-KIND-3: valuations.
    // "at a $45bn valuation": the noun right after the figure (ING-KIND-3).
    const valuationAfter = firstAfter(cues.valuation, m.end, segEnd, 2);
    // ING-KIND-3c: "qui valoriserait le champion américain de l'IA et créateur de X à 340 Md$": a
    // valuation verb further back, with the figure after "à"/"at", is still the valuation.
    const farValuation = VALUED_AT.test(folded.slice(Math.max(0, m.start - 20), m.start))
      ? lastBefore(cues.valuation, segStart, m.start, 170)
      : undefined;
    const valuation =
      this.valuationBefore(s, segStart, m) ??
      this.worthCue(s, m) ??
      this.raisedAt(s, m) ??
      (valuationAfter && /^valuation$/.test(folded.slice(valuationAfter.start, valuationAfter.end))
        ? valuationAfter
        : undefined) ??
      farValuation;
    // A basis written after the figure must follow it closely ("12 Md$ pré-money"): further on
    // it belongs to the next figure ("10 M€, sur une valorisation pré-money de 40 M€").
    const pre =
      lastBefore(cues.valuationPre, segStart, m.start, 70) ??
      firstAfter(cues.valuationPre, m.end, segEnd, 12);
    const post =
      lastBefore(cues.valuationPost, segStart, m.start, 70) ??
      firstAfter(cues.valuationPost, m.end, segEnd, 12);
    // ING-KIND-3i: the valuation of a class of companies (a definition, a statistic: "une entreprise …
    // dont la valorisation atteint au moins un milliard", "the valuation of these startups beyond $1bn",
    // "des entreprises valorisées au moins un milliard") is no company's claim.
    if (valuation && this.classValuation(s, valuation, m)) return undefined;
    if (valuation || pre || post) {
      const nearest = (span: Span | undefined) =>
        span === undefined
          ? Number.POSITIVE_INFINITY
          : span.end <= m.start
            ? m.start - span.end
            : span.start - m.end;
      const basis = pre || post ? (nearest(pre) <= nearest(post) ? "pre" : "post") : undefined;
      const subject = this.valuationSubject(s, valuation ?? pre ?? post!, m);
      return this.moneyClaim(s, m, segStart, segEnd, {
        kind: basis === "pre" ? "valuation_pre" : "valuation_post",
        subject,
        counterparty: undefined,
        basisStated: basis !== undefined,
        rules: ["ING-KIND-3"],
        evidenceFrom: Math.min(valuation?.start ?? m.start, pre?.start ?? m.start, post?.start ?? m.start),
        evidenceTo: Math.max(
          m.end,
          pre?.end ?? 0,
          post?.end ?? 0,
          valuation === valuationAfter ? (valuation?.end ?? 0) : 0,
        ),
      });
    }

    // ING-KIND-4: an investment, when an investor is found for the figure (ING-ROLE-1..3).
    const found = this.findInvestor(s, i, previous, segStart, segEnd);
    const recipient = found
      ? this.recipientOf(s, found.verbEnd ?? m.end, m, segEnd, found.party.keys)
      : undefined;
    const subject = found
      ? (found.subject ??
        (recipient === "spending" ? undefined : recipient?.keys[0]) ??
        this.receiverOf(s, m, found.party.keys) ??
        (found.rule === "ING-ROLE-1" ? this.clauseCompany(s, m, found.party.keys) : undefined) ??
        this.topicOrSentenceSubject(s))
      : undefined;
    // A company does not invest in itself: "OpenAI … pourrait investir" names no investor.
    const investor =
      found &&
      !(
        found.party.keys.length === 1 &&
        subject !== undefined &&
        this.registry.canonical(found.party.keys[0]!) === this.registry.canonical(subject)
      )
        ? found
        : undefined;
    if (investor && recipient !== "spending") {
      return this.moneyClaim(s, m, segStart, segEnd, {
        kind: "investment",
        subject,
        counterparty: investor.party,
        rules: ["ING-KIND-4", investor.rule],
        evidenceFrom: Math.min(investor.party.start, investor.cueStart ?? m.start, m.start),
        evidenceTo: Math.max(m.end, investor.party.end, recipient?.end ?? 0),
        recipientExplicit: recipient?.explicit === true,
      });
    }
    if (investor && recipient === "spending") return undefined;

    // ING-KIND-4b: "X would be leading the round in Y with an investment of $100m": X's ticket, not the round.
    const withInvestment = WITH_INVESTMENT_OF.exec(folded.slice(Math.max(segStart, m.start - 50), m.start));
    if (withInvestment) {
      const at = Math.max(segStart, m.start - 50) + withInvestment.index;
      const lead = this.subjectBefore(s, at);
      const party =
        lead?.kind === "name" && lead.type === "organisation" ? this.resolveInvestor(s, lead) : undefined;
      if (party) {
        return this.moneyClaim(s, m, segStart, segEnd, {
          kind: "investment",
          subject: this.roundOwnerBefore(s, at)?.key ?? this.topicOrSentenceSubject(s),
          counterparty: party,
          rules: ["ING-KIND-4b"],
          evidenceFrom: Math.min(party.start, m.start),
          evidenceTo: m.end,
        });
      }
    }

    // ING-KIND-10: a tranche of the money ("un premier versement de 10 Md$", "un complément pouvant
    // atteindre 30 Md$", "the first tranche of $10bn") nearer than any round word is an investment;
    // with no payer named, it has no counterparty.
    const trancheNoun = TRANCHE_NOUN.exec(folded.slice(Math.max(segStart, m.start - 45), m.start));
    if (trancheNoun) {
      const trancheAt = Math.max(segStart, m.start - 45) + trancheNoun.index;
      const trancheEnd = trancheAt + trancheNoun[0].length - trancheNoun[1]!.length;
      const nearerRound = [cues.raiseVerb, cues.roundNoun].some((list) =>
        list.some((c) => c.start >= trancheEnd && c.end <= m.start),
      );
      if (!nearerRound) {
        return this.moneyClaim(s, m, segStart, segEnd, {
          kind: "investment",
          subject: this.topicOrSentenceSubject(s),
          counterparty: undefined,
          rules: ["ING-KIND-10"],
          evidenceFrom: trancheAt,
          evidenceTo: m.end,
        });
      }
    }

    // ING-STAKE-4: "SoftBank's existing $41bn stake", "la participation de 2 Md$ de X": a stake with its value.
    if (STAKE_NOUN_AFTER.test(folded.slice(m.end, m.end + 14))) {
      const holder = s.names.find(
        (n) =>
          n.possessive &&
          n.end <= m.start &&
          /^['’]s\s+(?:(?:existing|current|present|earlier|initial)\s+)?[$€£]?$/.test(
            folded.slice(n.end, m.start),
          ),
      );
      const topic = this.canonicalTopic();
      if (holder && this.registry.canonical(holder.key) !== topic) {
        return this.moneyClaim(s, m, segStart, segEnd, {
          kind: "existing_stake",
          subject: this.topicOrSentenceSubject(s),
          counterparty: { keys: [holder.key], group: false, start: holder.start, end: holder.end },
          rules: ["ING-STAKE-4"],
          evidenceFrom: holder.start,
          evidenceTo: m.end + (STAKE_NOUN_AFTER.exec(folded.slice(m.end, m.end + 14))?.[0].length ?? 0),
        });
      }
    }

    // ING-KIND-5d: "the $6.6bn OpenAI raised in October": the raiser named after its figure.
    const raiserAfter = s.names.find(
      (n) => n.start >= m.end && n.start - m.end <= 2 && n.type === "organisation",
    );
    const raisedByAfter = raiserAfter ? firstAfter(cues.raiseVerb, raiserAfter.end, segEnd, 12) : undefined;
    if (
      raiserAfter &&
      raisedByAfter &&
      !lastBefore(cues.raiseVerb, segStart, m.start) &&
      !lastBefore(cues.roundNoun, segStart, m.start, 40)
    ) {
      return this.roundClaim(s, m, segStart, segEnd, raisedByAfter, undefined, "ING-KIND-5d");
    }

    // ING-KIND-5h: "$79m was swept up by logistics startup Blackbuck": a raise in the passive, its company after "by".
    const passive = PASSIVE_RAISE_AFTER.exec(folded.slice(m.end, Math.min(segEnd, m.end + 40)));
    if (passive) {
      const span = { start: m.end, end: m.end + passive[0].length };
      const claim = this.roundClaim(s, m, segStart, segEnd, span, undefined, "ING-KIND-5h");
      const raiser = s.names.find(
        (n) => n.start >= span.end && n.start - span.end <= 50 && n.type === "organisation",
      );
      if (claim && raiser) claim.subject = raiser.key;
      return claim;
    }

    // ING-KIND-5: the size or target of a round.
    const raise = lastBefore(cues.raiseVerb, segStart, m.start);
    const roundLeft = lastBefore(cues.roundNoun, segStart, m.start, 40);
    const roundRight = firstAfter(cues.roundNoun, m.end, segEnd, 25);
    // "Avec 9,3 millions levés, Antaios …", "20 millions d'euros rassemblés": a raising participle after the figure.
    const raisedRight = firstAfter(cues.raiseVerb, m.end, segEnd, 3);
    if (raise || roundLeft || roundRight || raisedRight) {
      return this.roundClaim(
        s,
        m,
        segStart,
        segEnd,
        raise ?? raisedRight,
        roundLeft ?? roundRight,
        "ING-KIND-5",
      );
    }

    // ING-KIND-6: "le montant", "the figure" take the kind and parties of the last figure.
    const reference = lastBefore(cues.amountRef, segStart, m.start);
    if (reference && this.lastAmountClaim) {
      return this.inheritedClaim(s, m, segStart, segEnd, reference.start, "ING-KIND-6");
    }

    // ING-KIND-7: another version of the last figure ("other reports put it at $60bn").
    if (cues.alternative.length > 0 && this.lastAmountClaim) {
      return this.inheritedClaim(
        s,
        m,
        segStart,
        segEnd,
        Math.min(cues.alternative[0]!.start, m.start),
        "ING-KIND-7",
      );
    }

    // ING-KIND-8: an investment with no investor named.
    const verb = lastBefore(cues.investVerb, segStart, m.start);
    const noun = lastBefore(cues.investNoun, segStart, m.start, 40);
    if (verb || noun) {
      const recipient = this.recipientOf(s, (verb ?? noun)!.end, m, segEnd, []);
      if (recipient === "spending") return undefined;
      // ING-ROLE-14: "Halden is said to be considering an investment of up to $30bn": the subject
      // of the verb governing the noun is the investor.
      let considering: Party | undefined;
      if (!verb && noun && NOUN_GOVERNOR.test(folded.slice(Math.max(0, noun.start - 40), noun.start))) {
        const who = this.subjectBefore(s, noun.start);
        const recipientKeys = recipient ? recipient.keys.map((k) => this.registry.canonical(k)) : [];
        if (
          who?.kind === "name" &&
          who.type === "organisation" &&
          this.registry.canonical(who.key) !== this.canonicalTopic() &&
          !recipientKeys.includes(this.registry.canonical(who.key))
        )
          considering = { keys: [who.key], group: false, start: who.start, end: who.end };
      }
      return this.moneyClaim(s, m, segStart, segEnd, {
        kind: "investment",
        subject: recipient?.keys[0] ?? this.topicOrSentenceSubject(s),
        counterparty: considering,
        rules: considering ? ["ING-KIND-8", "ING-ROLE-14"] : ["ING-KIND-8"],
        evidenceFrom: Math.min((verb ?? noun)!.start, m.start),
        evidenceTo: Math.max(m.end, recipient?.end ?? 0),
      });
    }

    // ING-KIND-9: a round named further away in the sentence.
    const distantRound = lastBefore(cues.roundNoun, segStart, m.start);
    if (distantRound) return this.roundClaim(s, m, segStart, segEnd, undefined, distantRound, "ING-KIND-9");
    return undefined;
  }

  /**
   * ING-KIND-3f: the valuation word before a figure, unless a semicolon stands between them ("$250m
   * valuation; In December 2011, X completed a round of $90m": the noun is the previous figure's).
   */
  private valuationBefore(s: Sentence, segStart: number, m: MoneyMention): Span | undefined {
    // The hedge may hold the valuation word ("estimée à 300 M€": an estimate, ING-QUAL-1): look up to the figure.
    const cue = lastBefore(s.cues.valuation, segStart, m.figureStart, 70);
    if (!cue) return undefined;
    return s.folded.slice(cue.end, m.start).includes(";") ? undefined : cue;
  }

  /** ING-KIND-3i: a generic class of companies owns the valuation word, with no name between it and the figure. */
  private classValuation(s: Sentence, cue: Span, m: MoneyMention): boolean {
    const from = Math.max(0, Math.min(cue.start, m.start) - 90);
    const to = Math.max(cue.end, m.start);
    const window = s.folded.slice(from, to);
    const generic = CLASS_OF_COMPANIES.exec(window);
    if (!generic) return false;
    const at = from + generic.index;
    return !s.names.some((n) => n.start >= at && n.end <= Math.max(cue.end, m.end) && !n.inAttribution);
  }

  /**
   * ING-KIND-3h: "the $6.6bn it had raised fourteen months earlier at $43 billion", "raised $400m at
   * $3bn": a figure right after "at" following a raise verb in the same clause is the price of the
   * raise (a valuation), not a round.
   */
  private raisedAt(s: Sentence, m: MoneyMention): Span | undefined {
    const from = Math.max(0, m.start - 90);
    const at = RAISED_AT.exec(s.folded.slice(from, m.start));
    return at ? { start: from + at.index, end: m.start } : undefined;
  }

  /**
   * ING-KIND-3e: a valuation written with "worth" or after its figure ("is now worth $5bn", "the $38bn it
   * was worth in 2018", "the $100bn the company was valued at", "les 2 Md€ que valait la société").
   */
  private worthCue(s: Sentence, m: MoneyMention): Span | undefined {
    const before = WORTH_BEFORE.exec(s.folded.slice(Math.max(0, m.start - 30), m.start));
    if (before) {
      const start = Math.max(0, m.start - 30) + before.index;
      return { start, end: start + before[0].length };
    }
    const after = VALUED_AFTER.exec(s.folded.slice(m.end, m.end + 70));
    return after ? { start: m.figureStart, end: m.end + after[0].length } : undefined;
  }

  /**
   * ING-KIND-2h: the first name of a recipient phrase comes after a spending noun ("in a manufacturing
   * plant and test site near Las Vegas"): the place of a spending, not a company invested in.
   */
  private spendingPlace(s: Sentence, from: number, limit: number): boolean {
    const stop = /[.;:,]/.exec(s.folded.slice(from, Math.min(limit, from + 90)));
    const end = from + (stop ? stop.index : Math.min(limit, from + 90) - from);
    const name = s.names.find((x) => x.start >= from && x.start < end && !x.inAttribution);
    if (!name) return false;
    const found = s.rules.spendingNoun.test(s.folded.slice(from, name.start));
    s.rules.spendingNoun.lastIndex = 0;
    return found;
  }

  /** Whether the sentence names companies in the plural at all (a cheap test before ING-KIND-2f's pattern). */
  private namesClassOfCompanies(s: Sentence): boolean {
    let known = this.classMemo.get(s);
    if (known === undefined) {
      known = COMPANIES_PLURAL.test(s.folded);
      this.classMemo.set(s, known);
    }
    return known;
  }

  /**
   * Figures that are no raise of the deal (README "Not claims"): ING-KIND-2e a difference ("about
   * $200m higher than", "58 millions de plus qu'en mars"); ING-KIND-2f a market total in the present
   * ("les start-up françaises lèvent 727 M€", "récoltent 97,5 M€ en cinq opérations"); ING-KIND-2b a
   * total to date ("has now raised $50m", "a réuni au total"); ING-KIND-2g money set aside to invest
   * ("the £1bn Dyson put aside", "poured more than $160m into battery startups").
   */
  private notARaise(s: Sentence, m: MoneyMention): boolean {
    const after = s.folded.slice(m.end, m.end + 60);
    const before = s.folded.slice(Math.max(0, m.start - 60), m.start);
    return (
      DIFFERENCE_AFTER.test(after) ||
      GRANT_AFTER.test(after) ||
      (this.namesClassOfCompanies(s) &&
        MARKET_PRESENT_BEFORE.test(s.folded.slice(Math.max(0, m.start - 130), m.start))) ||
      RAISES_TOTAL_BEFORE.test(before) ||
      OPERATIONS_AFTER.test(after) ||
      (TOTAL_NOW_BEFORE.test(before) && !ROUND_AFTER.test(after)) ||
      SET_ASIDE_AFTER.test(after) ||
      DEALS_SUM_BEFORE.test(before) ||
      MARKET_VALUE_BEFORE.test(before) ||
      REJECTED_BEFORE.test(s.folded.slice(Math.max(0, m.start - 90), m.start)) ||
      (POURED_BEFORE.test(before) && PLURAL_RECIPIENT_AFTER.test(after)) ||
      SPREAD_AFTER.test(after)
    );
  }

  private findInvestor(
    s: Sentence,
    i: number,
    previous: WorkingClaim | undefined,
    segStart: number,
    segEnd: number,
  ):
    | {
        party: Party;
        rule: string;
        subject?: string;
        verbEnd?: number;
        cueStart?: number;
      }
    | undefined {
    const m = s.money[i]!;
    const { cues, folded, rules } = s;
    // ING-ROLE-1: "provenant de X, Y et Z", "from X", "auprès de X" after the figure.
    const source = firstAfter(cues.sourcePrep, m.end, segEnd, 45);
    // ING-PART-11: "Beyond the Sea vient de recevoir 4,5 M€ de Team for the Planet": a figure
    // received from a name is that investor's ticket.
    const received = source ? undefined : this.receivedFrom(s, m, segStart, segEnd);
    if (received) return { party: received, rule: "ING-PART-11" };
    if (source) {
      // ING-PART-9: a descriptor before the source ("from household product technology producer Dyson").
      const party = this.listAfter(s, source.end, segEnd) ?? this.describedList(s, source.end, segEnd);
      if (party) {
        const raise = lastBefore(cues.raiseVerb, segStart, m.start);
        const raiser = raise ? this.subjectBefore(s, raise.start) : undefined;
        const raiserParty = raiser ? this.resolve(s, raiser, "company", party.keys) : undefined;
        // ING-PART-4: a figure raised "auprès de"/"from" investors is the round's; they take part in it.
        const sourceWord = folded.slice(source.start, source.end);
        const raisedAfter = cues.raiseVerb.some((v) => v.start >= m.end && v.end <= source.start);
        const roundBefore = lastBefore(cues.roundNoun, segStart, m.start, 16);
        const roundNear =
          lastBefore(cues.roundNoun, segStart, m.start, 6) ??
          // "un tour de table de 20 M€ réalisé en juin auprès de A": the round noun's rest before the figure.
          (roundBefore && ROUND_NOUN_REST.test(folded.slice(roundBefore.end, m.start))
            ? roundBefore
            : undefined) ??
          firstAfter(cues.roundNoun, m.end, source.start, 25);
        // ING-ROLE-10: "$4bn investment from Amazon", "un investissement de 2 M€ de la part de X": an
        // investment noun between the figure and the source makes the figure that investor's ticket.
        const ticket = cues.investNoun.some((c) => c.start >= m.end && c.end <= source.start);
        // ING-PART-11: "Sakti3 has received $15m from Dyson": money received, with no round named,
        // is the giver's ticket.
        const receiving =
          raise !== undefined && !roundNear && RECEIVING.test(folded.slice(raise.start, raise.end));
        // "raised $40m in a round backed by A and B": the round's figure, A and B its participants.
        const roundBetween = cues.roundNoun.some((r) => r.start >= m.end && r.end <= source.start);
        if (/^(?:backed|funded|financed)/.test(sourceWord) && roundBetween && !ticket) {
          s.roundSources.set(i, party);
          return undefined;
        }
        if (
          /^(?:aupres|from)/.test(sourceWord) &&
          (raise || raisedAfter || roundNear) &&
          !ticket &&
          !receiving
        ) {
          s.roundSources.set(i, party);
          return undefined;
        }
        return {
          party: { ...party, start: party.start, end: party.end },
          rule: "ING-ROLE-1",
          subject: raiserParty?.keys[0],
          cueStart: raise?.start,
        };
      }
    }
    // ING-ROLE-2: "la contribution de Teralis", "Parallax's share".
    for (let k = cues.investNoun.length - 1; k >= 0; k--) {
      const noun = cues.investNoun[k]!;
      if (noun.end > m.start || noun.start < segStart || m.start - noun.end > 60) continue;
      // "an investment from X, to bring its funding round to $20bn": the figure is the round's.
      if (cues.roundNoun.some((r) => r.start >= noun.end && r.end <= m.start)) continue;
      const of = rules.investNounOf.exec(folded.slice(noun.end, noun.end + 20));
      if (of) {
        const at = noun.end + of[0].length;
        const owner = s.mentions.find((x) => x.start === at && !x.inAttribution);
        if (owner) {
          const party = this.resolve(s, owner, "investor");
          if (party) return { party, rule: "ING-ROLE-2", cueStart: noun.start };
        }
      }
      const possessor = s.names.find(
        (x) => x.possessive && x.end <= noun.start && noun.start - x.end <= 14 && x.start >= segStart,
      );
      if (possessor) {
        return {
          party: { keys: [possessor.key], group: false, start: possessor.start, end: possessor.end },
          rule: "ING-ROLE-2",
          cueStart: possessor.start,
        };
      }
    }
    // ING-ROLE-3: the subject of an investment verb ("X investirait … dans Y", "voir X investir").
    const verb = lastBefore(cues.investVerb, segStart, m.start);
    // "X plans to invest in a round aimed at raising $25bn": the figure is the round's (ING-PART-6).
    const raisedLater = verb && cues.raiseVerb.some((r) => r.start >= verb.end && r.end <= m.start);
    if (verb && !raisedLater) {
      // "with Corvin Corp. investing as much as $1bn": a name right before the verb is its subject.
      const adjacent = s.names.find(
        (n) =>
          n.end <= verb.start &&
          !n.inAttribution &&
          /^\s*(?:(?:corp|inc|ltd|plc)\.?\s*)?$/.test(folded.slice(n.end, verb.start)),
      );
      const subject = adjacent ?? this.subjectBefore(s, verb.start);
      // The company invested in is not the investor: found first, it is left out (ING-ROLE-4).
      const recipient =
        subject && subject.kind !== "name" ? this.recipientOf(s, verb.end, m, segEnd, []) : undefined;
      const recipientKeys = recipient && recipient !== "spending" ? recipient.keys : [];
      const party = subject ? this.resolveInvestor(s, subject, recipientKeys) : undefined;
      if (party) return { party, rule: "ING-ROLE-3", verbEnd: verb.end, cueStart: party.start };
    }
    // ING-ROLE-5: a figure after a name with the verb left out ("…, et Bpifrance au moins 150 M€").
    if (previous?.kind === "investment") {
      const between = s.mentions.filter((x) => x.start >= segStart && x.end <= m.start && !x.inAttribution);
      const lastName = [...between].reverse().find((x): x is NameMention => x.kind === "name");
      const hasVerb = [cues.investVerb, cues.raiseVerb, cues.valuation, cues.stakeVerb].some((list) =>
        list.some((c) => c.start >= segStart && c.end <= m.start),
      );
      if (lastName && !hasVerb) {
        // Only names in this figure's stretch: "… à Ondine, et Norma au moins 1 M€" is Norma alone.
        const party = this.resolveInvestor(s, lastName, [], segStart);
        if (party) return { party, rule: "ING-ROLE-5", subject: previous.subject, cueStart: party.start };
      }
    }
    // ING-ROLE-6: "a term sheet with X for an investment of $N".
    const noun = lastBefore(cues.investNoun, segStart, m.start, 40);
    if (noun) {
      const withPrep = [...cues.withPrep].reverse().find((w) => w.end <= noun.start);
      if (withPrep) {
        const partner = s.names.find(
          (x) => x.start >= withPrep.end && x.start - withPrep.end <= 30 && !x.inAttribution,
        );
        if (partner && this.registry.canonical(partner.key) !== this.canonicalTopic()) {
          return {
            party: { keys: [partner.key], group: false, start: partner.start, end: partner.end },
            rule: "ING-ROLE-6",
            cueStart: withPrep.start,
          };
        }
      }
    }
    return undefined;
  }

  /**
   * The company invested in (ING-ROLE-7): "dans Y", "in Y", the clitic "y", a round
   * ("dans ce nouveau tour": the article's subject); "dans des centres de données"
   * is spending, not an investment in a company.
   */
  private recipientOf(
    s: Sentence,
    from: number,
    m: MoneyMention,
    segEnd: number,
    investorKeys: readonly string[],
  ): { keys: string[]; end: number; explicit: boolean } | "spending" | undefined {
    const clitic = s.mentions.find(
      (x) => x.kind === "anaphor" && x.form === "clitic" && x.end <= m.start && x.start >= 0,
    );
    if (clitic) {
      const party = this.resolve(s, clitic, "company", investorKeys);
      if (party) return { keys: [...party.keys], end: 0, explicit: false };
    }
    let spending = false;
    // The figure's clause: up to "; ", ", and ", ", et ", "while", "tandis que".
    const clauseStop = CLAUSE_END.exec(s.folded.slice(m.end));
    const limit = Math.min(
      s.text.length,
      Math.max(segEnd, m.end),
      clauseStop ? m.end + clauseStop.index : s.text.length,
    );
    for (const prep of s.cues.recipientPrep) {
      if (prep.start < Math.min(from, m.start) || prep.start >= limit) continue;
      // ING-ROLE-15: a preposition far past the figure belongs to another clause ("… de la part de X
      // La biotech développe … contre les infections à Gram négatif", a text without its points).
      if (prep.start - m.end > RECIPIENT_REACH) continue;
      // Folded "a" is the preposition only when written "à" (not the verb "a"); "to", "à" before
      // a verb ("to buy", "à acheter") introduce no company.
      const word = s.folded.slice(prep.start, prep.end);
      if (word === "a " && s.text[prep.start] !== "à") continue;
      if (
        (word === "a " || word === "to ") &&
        !BEFORE_NOUN_PHRASE.test(s.folded.slice(prep.end, prep.end + 20)) &&
        !/^\p{Lu}/u.test(s.text.slice(prep.end, prep.end + 1))
      ) {
        continue;
      }
      // ING-KIND-2h: "$40m in a manufacturing plant near Las Vegas": the place of a spending is no company.
      if (this.spendingPlace(s, prep.end, limit)) {
        spending = true;
        continue;
      }
      const rest = s.folded.slice(prep.end, Math.min(limit, prep.end + 90));
      // ING-ROLE-13: "dans le pionnier de l'IA via son fonds X": the vehicle after "via" is the investor's.
      const stop = /[.;:,]|\s(?:via|through|par l'intermediaire d)/.exec(rest);
      const phraseEnd = prep.end + (stop ? stop.index : rest.length);
      const inPhrase = s.mentions.filter(
        (x) => x.start >= prep.end && x.start < phraseEnd && !x.inAttribution,
      );
      const found = inPhrase.find((x): x is NameMention => x.kind === "name");
      // ING-TOPIC-11: "dans le Google News indien Dailyhunt": the first name only describes the second.
      const name = found ? (this.describedName(s, found) ?? found) : undefined;
      // ING-KIND-2h: "$40m in a manufacturing plant near Las Vegas": the place of a spending is no company.
      if (name && this.spendingBefore(s, prep.end, name.start)) {
        spending = true;
        continue;
      }
      if (name && !investorKeys.includes(name.key))
        return { keys: [name.key], end: name.end, explicit: true };
      const description = inPhrase.find((x) => x.kind === "anaphor" && x.form === "description");
      if (description) {
        const party = this.resolve(s, description, "company", investorKeys);
        if (party) return { keys: [...party.keys], end: description.end, explicit: false };
      }
      const phrase = s.folded.slice(prep.end, phraseEnd);
      if (s.rules.roundNoun.test(phrase)) {
        s.rules.roundNoun.lastIndex = 0;
        const topic = this.subjectTopic;
        if (topic !== undefined) return { keys: [topic], end: phraseEnd, explicit: false };
      }
      s.rules.roundNoun.lastIndex = 0;
      if (LOOK_FURTHER.test(phrase)) {
        // "dans d'autres acteurs de l'IA, comme Anthropic": the example named after.
        const further = s.names.find(
          (x) =>
            x.start >= prep.end &&
            x.start - prep.end <= 90 &&
            AFTER_EXAMPLE.test(s.folded.slice(Math.max(prep.end, x.start - 40), x.start)),
        );
        if (further) return { keys: [further.key], end: further.end, explicit: true };
      }
      if (s.rules.spendingNoun.test(phrase)) spending = true;
      s.rules.spendingNoun.lastIndex = 0;
    }
    return spending ? "spending" : undefined;
  }

  /** ING-PART-9: the list after a source preposition whose first name has a descriptor of up to five words. */
  private describedList(s: Sentence, pos: number, limit: number): Party | undefined {
    const first = s.mentions.find((x) => x.start >= pos && !x.inAttribution);
    if (
      first?.kind !== "name" ||
      first.start >= limit ||
      !DESCRIBED_LEAD.test(s.folded.slice(pos, first.start))
    )
      return undefined;
    const members = this.namesAfter(s, pos).filter((n) => n.start < limit);
    if (members.length === 0) return undefined;
    return {
      keys: members.map((n) => n.key),
      group: false,
      start: members[0]!.start,
      end: members[members.length - 1]!.end,
    };
  }

  /**
   * ING-PART-11: a figure right after a verb of receiving, followed by `de`/`d'`/`du` and a name
   * ("vient de recevoir 4,5 millions d'euros de Team for the Planet"): the giver.
   */
  private receivedFrom(s: Sentence, m: MoneyMention, segStart: number, segEnd: number): Party | undefined {
    const before = s.folded.slice(Math.max(segStart, m.start - 40), m.start);
    if (!RECEIVED_BEFORE.test(before)) return undefined;
    const after = /^\s*(?:de la part |de |d'|du |des )/.exec(s.folded.slice(m.end, m.end + 16));
    if (!after) return undefined;
    const at = m.end + after[0].length;
    const name = s.names.find((n) => n.start >= at && n.start - at <= 1 && n.start < segEnd);
    if (!name || name.inAttribution) return undefined;
    return { keys: [name.key], group: false, start: name.start, end: name.end };
  }

  /** ING-KIND-2h: a spending noun between a recipient preposition and the name after it. */
  private spendingBefore(s: Sentence, from: number, to: number): boolean {
    const phrase = s.folded.slice(from, to);
    const found = s.rules.spendingNoun.test(phrase);
    s.rules.spendingNoun.lastIndex = 0;
    return found;
  }

  /**
   * ING-ROLE-15: "Ostrya reçoit un financement de 7 M€ de la part de X", "Tamsel received $5m from
   * X": with no company named after the figure, the subject of a verb of receiving before it is
   * the company (not the article's topic, in a roundup).
   */
  private receiverOf(s: Sentence, m: MoneyMention, investorKeys: readonly string[]): string | undefined {
    const who = this.subjectBefore(s, m.start);
    if (who?.kind !== "name" || who.type !== "organisation" || investorKeys.includes(who.key))
      return undefined;
    if (m.start - who.end > 60 || !RECEIVE_VERB.test(s.folded.slice(who.end, m.start))) return undefined;
    return who.key;
  }

  /**
   * ING-TOPIC-19: "OpenAI is poised to reveal a new $40bn investment from SoftBank": with no company
   * raising or receiving named, the company that is the subject of the figure's clause.
   */
  private clauseCompany(s: Sentence, m: MoneyMention, investorKeys: readonly string[]): string | undefined {
    const who = this.subjectBefore(s, m.start);
    if (who?.kind !== "name" || who.type !== "organisation" || investorKeys.includes(who.key))
      return undefined;
    if (m.start - who.end > 80 || !this.isClauseSubject(s, who) || this.isInvestorSide(s, who))
      return undefined;
    if (this.investors.has(this.registry.canonical(who.key))) return undefined;
    return who.key;
  }

  private valuationSubject(s: Sentence, cue: Span, m: MoneyMention): string | undefined {
    const between = s.mentions.find(
      (x) => x.start >= cue.end && x.end <= m.start && !x.inAttribution && x.kind !== "group",
    );
    // "X raised $6.6bn in a round valuing the company at $157bn": the company is the one just raising.
    const previousInSentence = s.claims[s.claims.length - 1];
    if (between && between.kind === "anaphor" && previousInSentence?.subject !== undefined)
      return previousInSentence.subject;
    if (between && !this.isProductOfMaker(s, between)) {
      if (between.kind === "name") return between.key;
      const party = this.resolve(s, between, "company");
      if (party) return party.keys[0];
    }
    const previous = s.claims[s.claims.length - 1];
    if (previous?.subject !== undefined) return previous.subject;
    // ING-TOPIC-16: "Google and Twitter would be investing in ShareChat, at a valuation of $1bn": the
    // company invested in, not the investors, is valued.
    const target = s.names.filter((n) => n.end <= cue.start && this.isInvestTarget(s, n)).pop();
    if (target && target.type === "organisation" && !this.investors.has(this.registry.canonical(target.key)))
      return target.key;
    const subject = this.subjectBefore(s, cue.start);
    if (
      subject &&
      (subject.kind === "anaphor" || (subject.kind === "name" && subject.type === "organisation")) &&
      !(subject.kind === "name" && this.isInvestorSide(s, subject))
    ) {
      const party = this.resolve(s, subject, "company", [...this.investors]);
      if (party && !this.investors.has(this.registry.canonical(party.keys[0]!))) return party.keys[0];
    }
    return this.subjectTopic;
  }

  private topicOrSentenceSubject(s: Sentence): string | undefined {
    const previous = s.claims[s.claims.length - 1];
    return previous?.subject ?? this.subjectTopic;
  }

  private roundClaim(
    s: Sentence,
    m: MoneyMention,
    segStart: number,
    segEnd: number,
    raise: Span | undefined,
    round: Span | undefined,
    rule: string,
  ): WorkingClaim | undefined {
    const anchor = raise ?? round!;
    // ING-TOPIC-19: a round noun after its figure ("which recently completed a $15bn funding round"):
    // the verb's subject is sought before the figure, where a relative pronoun is still in reach.
    const near = raise !== undefined && (raise.start > m.start || m.start - raise.end <= 40);
    const subjectMention = this.subjectBefore(s, near ? anchor.start : Math.min(anchor.start, m.start));
    let subject: string | undefined;
    // "Vantage's $1.2bn Series B": the round's owner is written before the figure.
    const owner = s.names.find((n) => n.possessive && n.end <= m.start && m.start - n.end <= 4);
    // ING-PART-6a: "Corvane will lead a $200m round": the subject of "lead" is an investor, too.
    const investorSubject =
      subjectMention?.kind === "name" &&
      (s.cues.investVerb.some((v) => v.start >= subjectMention.end && v.end <= anchor.start) ||
        (subjectMention.end < anchor.start &&
          LEAD_VERB.test(
            s.folded.slice(subjectMention.end, Math.min(anchor.start, subjectMention.end + 40)),
          )));
    // ING-TOPIC-10: "$79m was swept up by logistics startup Blackbuck", "160 M€ bouclé par X": the agent raised it.
    const agent = owner ? undefined : this.raisedByAgent(s, m, segEnd);
    const roundOwner = owner || agent ? undefined : this.roundOwnerBefore(s, Math.max(anchor.end, m.start));
    // "BMW and Ford are leading a $130m round in Solid Power": the leads join the owner's round (ING-PART-6).
    if ((owner || roundOwner) && investorSubject) s.roundInvestors.push(subjectMention);
    if (owner) subject = owner.key;
    else if (agent) {
      subject = agent.key;
      if (!s.cues.background.some((b) => b.start < m.end + 60))
        this.setTopic(agent.key, true, "ING-TOPIC-10");
    } else if (roundOwner) {
      // ING-ROLE-8: "The recent funding round of Anthropic … has raised $30bn", "to lead a $100m round in DealShare".
      subject = roundOwner.key;
      if (!s.cues.background.some((b) => b.start < m.end + 60))
        this.setTopic(roundOwner.key, true, "ING-ROLE-8");
    } else if (investorSubject) {
      // ING-PART-6: "Sequoia plans to invest in a round aimed at raising $25bn": Sequoia joins the round.
      s.roundInvestors.push(subjectMention);
    } else if (subjectMention?.kind === "anaphor" && this.selfReporter(s, subjectMention)) {
      // ING-TOPIC-12: "24M announced that it had raised": "it" is the company speaking.
      subject = this.selfReporter(s, subjectMention)!.key;
      if (!this.topicStrong) this.setTopic(subject, true, "ING-TOPIC-12");
    } else if (
      subjectMention?.kind === "anaphor" &&
      subjectMention.form === "pronoun" &&
      this.lastRoundClaim?.subject !== undefined &&
      s.base - this.lastRoundClaim.evidenceEnd < 400 &&
      !this.investors.has(this.registry.canonical(this.lastRoundClaim.subject))
    ) {
      // ING-TOPIC-6: "Grofers raised $35m … Seven months later, it raised $120m": "it" raising is
      // the company whose round was just reported.
      subject = this.lastRoundClaim.subject;
    } else if (subjectMention && !(subjectMention.kind === "name" && subjectMention.type === "person")) {
      subject = this.resolve(s, subjectMention, "company")?.keys[0];
    }
    // ING-TOPIC-13: "Among the four Series A deals, BharatPe took a chunk of $15.5m": with no company
    // before the round noun, the subject of the figure's own clause, between the noun and the figure.
    if (subject === undefined && subjectMention === undefined && !investorSubject) {
      const clauseSubject = s.names.filter((n) => n.start >= anchor.end && n.end <= m.start).pop();
      if (
        clauseSubject &&
        clauseSubject.type === "organisation" &&
        !clauseSubject.inAttribution &&
        m.start - clauseSubject.end <= 50 &&
        !this.isPrepObject(s, clauseSubject) &&
        !this.isInvestorSide(s, clauseSubject) &&
        !this.investors.has(this.registry.canonical(clauseSubject.key)) &&
        FIGURE_CLAUSE_AFTER_SUBJECT.test(s.folded.slice(clauseSubject.end, m.start)) &&
        !/\p{Lu}/u.test(s.text.slice(clauseSubject.end, m.start))
      )
        subject = clauseSubject.key;
    }
    // No company before the raise: the one named after it in the clause ("Avec 9,3 millions levés, Antaios occupe …").
    if (subject === undefined && subjectMention === undefined && !investorSubject) {
      // ING-TOPIC-1: an investor named in the fronted phrase ("bouclé auprès de X, Y signe …") is skipped.
      const after = s.names.find(
        (n) =>
          n.start >= m.end &&
          n.start - m.end <= 80 &&
          !n.inAttribution &&
          n.type === "organisation" &&
          !this.isInvestorSide(s, n) &&
          !this.isEmployerOfPerson(s, n),
      );
      if (after && !this.investors.has(this.registry.canonical(after.key))) subject = after.key;
    }
    subject ??= this.subjectTopic;
    // Intent before the verb ("envisage de lever", "is seeking to raise") makes it a target.
    // The intent may stand before the round noun or between it and the figure ("its financing efforts, with a goal of reaching $20bn").
    const intent = s.cues.intent.some(
      (c) => c.end <= Math.max(anchor.end, m.start) + 1 && Math.min(anchor.start, m.start) - c.end <= 60,
    );
    return this.moneyClaim(s, m, segStart, segEnd, {
      kind: intent ? "round_target" : "round_size",
      subject,
      counterparty: undefined,
      rules: [rule, intent ? "ING-KIND-5b" : "ING-KIND-5a"],
      evidenceFrom: Math.min(
        subjectMention && subjectMention.start >= anchor.start - 60 ? subjectMention.start : anchor.start,
        m.start,
      ),
      evidenceTo: Math.max(m.end, round && round.start >= m.end ? round.end : 0),
    });
  }

  private inheritedClaim(
    s: Sentence,
    m: MoneyMention,
    segStart: number,
    segEnd: number,
    from: number,
    rule: string,
  ): WorkingClaim | undefined {
    const last = this.lastAmountClaim!;
    // "le montant de la levée": a reference to the round, whatever the last figure was.
    const reference = s.folded.slice(from, m.start);
    s.rules.roundNoun.lastIndex = 0;
    if (rule === "ING-KIND-6" && s.rules.roundNoun.test(reference)) {
      s.rules.roundNoun.lastIndex = 0;
      return this.roundClaim(s, m, segStart, segEnd, undefined, { start: from, end: from }, rule);
    }
    s.rules.roundNoun.lastIndex = 0;
    return this.moneyClaim(s, m, segStart, segEnd, {
      kind: last.kind,
      subject: last.subject,
      counterparty: last.counterparty
        ? { keys: last.counterparty, group: last.group, start: m.start, end: m.start }
        : undefined,
      rules: [rule],
      evidenceFrom: Math.min(from, m.start),
      evidenceTo: m.end,
    });
  }

  private moneyClaim(
    s: Sentence,
    m: MoneyMention,
    segStart: number,
    segEnd: number,
    spec: {
      kind: ClaimKind;
      subject: string | undefined;
      counterparty: Party | undefined;
      basisStated?: boolean;
      rules: string[];
      evidenceFrom: number;
      evidenceTo: number;
      recipientExplicit?: boolean;
    },
  ): WorkingClaim {
    let currency = m.currency;
    let currencyInferred = false;
    if (currency === undefined) {
      currency = this.lastCurrency ?? ((s.rules.language === "fr" ? "EUR" : "USD") as Currency);
      currencyInferred = true;
    } else {
      this.lastCurrency = currency;
    }
    const status = this.announcedStatus(
      s,
      this.statusAt(s, m.figureStart, spec.kind),
      spec.kind,
      m.figureStart,
    );
    const temporal = this.roundTime(
      s,
      m,
      spec.kind,
      status,
      this.temporalOf(s, spec.kind, status, segStart, segEnd, m.figureStart),
    );
    const rules = [...spec.rules, "ING-AMT-1", status.rule, temporal.rule];
    if (m.vague) rules.push("ING-AMT-4");
    if (currencyInferred) rules.push("ING-AMT-6");
    // ING-KIND-5i: a round whose deal is still being negotiated is sought, not done: a target.
    const sought = spec.kind === "round_size" && status.status === "in_talks";
    if (sought) rules.push("ING-KIND-5i");
    const claim = this.baseClaim(s, {
      kind: sought ? "round_target" : spec.kind,
      subject: spec.subject,
      counterparty: spec.counterparty,
      status: status.status,
      temporal: temporal.temporal,
      evidenceFrom: Math.max(
        Math.min(spec.evidenceFrom, m.start),
        segStart > 0 ? Math.min(segStart, m.start) : 0,
      ),
      evidenceTo: Math.min(Math.max(spec.evidenceTo, m.end), s.text.length),
      anchor: m.figureStart,
      rules,
    });
    claim.amount = { currency, min: m.min, max: m.max, point: m.point };
    if (m.conversion) this.conversions.push({ claim, conversion: m.conversion });
    claim.qualifier = m.qualifier;
    claim.vague = m.vague;
    claim.currencyInferred = currencyInferred;
    claim.basisStated = spec.basisStated;
    if (
      spec.recipientExplicit &&
      claim.temporal === "current" &&
      claim.subject !== undefined &&
      this.registry.type(claim.subject) === "organisation"
    ) {
      this.setTopic(claim.subject, true, "ING-ROLE-7");
    }
    return claim;
  }

  private baseClaim(
    s: Sentence,
    spec: {
      kind: ClaimKind;
      subject: string | undefined;
      counterparty: Party | undefined;
      status: ClaimStatus;
      temporal: Temporal;
      evidenceFrom: number;
      evidenceTo: number;
      anchor: number;
      rules: string[];
    },
  ): WorkingClaim {
    let from = Math.max(0, spec.evidenceFrom);
    let to = Math.min(s.text.length, spec.evidenceTo);
    while (from < to && /[\s,;:—–-]/.test(s.text[from]!)) from++;
    while (to > from && /[\s,;:.—–-]/.test(s.text[to - 1]!)) to--;
    const attribution = this.attributionFor(s, spec.anchor);
    return {
      kind: spec.kind,
      subject: spec.subject,
      counterparty: spec.counterparty ? [...spec.counterparty.keys] : undefined,
      group: spec.counterparty?.group ?? false,
      amount: null,
      qualifier: null,
      vague: false,
      currencyInferred: false,
      basisStated: undefined,
      fraction: null,
      attribution,
      status: spec.status,
      temporal: spec.temporal,
      evidenceText: s.text.slice(from, to),
      evidenceStart: s.base + from,
      evidenceEnd: s.base + to,
      sentenceStart: s.base,
      sentenceEnd: s.base + s.text.length,
      language: s.rules.language,
      rules: attribution ? [...spec.rules, "ING-ATTR-1"] : spec.rules,
      alternative: s.cues.alternative.length > 0,
      roundLabel: roundLabelNear(s.folded, spec.anchor),
      dealDate: dealDateNear(s.folded, spec.anchor, this.sourceYear),
    };
  }

  /** ING-ATTR-1: the attribution phrase of the claim's sentence nearest to it. */
  private attributionFor(s: Sentence, anchor: number): TextSpan | null {
    let best: AttributionSpan | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const a of s.attributions) {
      const d = a.end <= anchor ? anchor - a.end : a.start >= anchor ? a.start - anchor : 0;
      if (d < bestDistance) {
        best = a;
        bestDistance = d;
      }
    }
    if (!best) return null;
    return { text: s.text.slice(best.start, best.end), start: s.base + best.start, end: s.base + best.end };
  }

  /**
   * ING-STAT-1: hedged reporting anywhere in the sentence ("des rapports suggèrent",
   * "reportedly", "is said to") makes a claim rumoured; otherwise the status word nearest
   * to the claim decides; a bare conditional ("pourrait", "could") keeps the status the
   * article has established for the deal, and makes an agreement rumoured; with no word
   * at all the claim takes the deal's status, or "announced".
   */
  private statusAt(s: Sentence, anchor: number, kind: ClaimKind): { status: ClaimStatus; rule: string } {
    if (kind === "existing_stake") return { status: "closed", rule: "ING-STAT-4" };
    const markers = this.sameClause(s, anchor, s.cues.status);
    // "reportedly raised", "is reportedly in talks": the hedge is on the report, not the deal (ING-STAT-6);
    // ING-STAT-12: so is "reportedly" alone (README: rumored only for what the text calls
    // speculation, rumours or "said to be").
    const hedges = markers.filter(
      (c) => c.status === "rumored" && !REPORT_HEDGE.test(s.folded.slice(c.start, c.end)),
    );
    if (hedges.length > 0) return { status: "rumored", rule: "ING-STAT-1" };
    const strong = markers.filter((c) => c.status !== "rumored");
    let nearest: (typeof s.cues.status)[number] | undefined;
    let nearestDistance = Number.POSITIVE_INFINITY;
    for (const c of strong) {
      const d = c.end <= anchor ? anchor - c.end : c.start >= anchor ? c.start - anchor : 0;
      const better =
        d < nearestDistance ||
        (d === nearestDistance && nearest?.status === "conditional" && c.status !== "conditional");
      if (better) {
        nearest = c;
        nearestDistance = d;
      }
    }
    // A strong word overlapping a conditional ("chercherait") wins over it.
    if (nearest?.status === "conditional") {
      const strong = markers.find(
        (c) => c.status !== "conditional" && c.start < nearest!.end && nearest!.start < c.end,
      );
      if (strong) nearest = strong;
    }
    // ING-STAT-8: an announcement still to come ("doit officialiser", "devrait annoncer", "is expected
    // to announce", "will unveil"): the deal is in talks.
    if (
      nearest &&
      (nearest.status === "announced" || nearest.status === "closed") &&
      FUTURE_BEFORE.test(s.folded.slice(Math.max(0, nearest.start - 50), nearest.start))
    )
      return { status: "in_talks", rule: "ING-STAT-8" };
    // ING-STAT-16: an investment under way is agreed, unless the deal is still in talks.
    if (
      nearest?.status === "agreed" &&
      PROGRESSIVE_INVEST.test(s.folded.slice(nearest.start, nearest.end)) &&
      this.contextStatus() === "in_talks"
    )
      return { status: "in_talks", rule: "ING-STAT-16" };
    if (nearest && nearest.status !== "conditional") return { status: nearest.status, rule: "ING-STAT-2" };
    // ING-STAT-15: the conditional of reported speech is a future in the past, a commitment told
    // ("a déclaré qu'il apporterait 10 Md$", "said it would invest $2bn"): agreed.
    if (
      nearest?.status === "conditional" &&
      REPORTED_FUTURE.test(s.folded.slice(Math.max(0, nearest.start - 60), nearest.start))
    )
      return { status: "agreed", rule: "ING-STAT-15" };
    if (nearest && kind === "commercial_agreement") return { status: "rumored", rule: "ING-STAT-3" };
    // A conditional or no word in the claim's clause: the main clause may say it ("in talks
    // with X and Y, who could provide …").
    const elsewhere = s.cues.status
      .filter((c) => c.status !== "conditional" && c.status !== "rumored")
      .sort((a, b) => Math.abs(a.start - anchor) - Math.abs(b.start - anchor))[0];
    if (elsewhere && elsewhere.status !== "conditional") {
      if (
        (elsewhere.status === "announced" || elsewhere.status === "closed") &&
        FUTURE_BEFORE.test(s.folded.slice(Math.max(0, elsewhere.start - 50), elsewhere.start))
      )
        return { status: "in_talks", rule: "ING-STAT-8" };
      return { status: elsewhere.status, rule: "ING-STAT-3" };
    }
    // ING-STAT-13: the journalistic conditional with no deal stated yet ("SoftBank s'apprêterait à
    // investir", "would value it at") reports a deal not done: in talks, not a rumour (README).
    if (nearest) return { status: this.contextStatus() ?? "in_talks", rule: "ING-STAT-13" };
    // ING-STAT-6: no word at all and no deal status yet: a round sought is in talks, a figure stated as fact is closed.
    return {
      status: this.contextStatus() ?? (kind === "round_target" ? "in_talks" : "closed"),
      rule: "ING-STAT-6",
    };
  }

  /**
   * ING-TEMP-8 (round after): "la valorisation de 5,8 Md€ obtenue par Mistral lors d'un tour de table
   * de 600 M€ l'année dernière": a valuation obtained in a round named right after it takes that
   * round's time.
   */
  private valuationsOfEarlierRounds(s: Sentence): void {
    for (const [k, v] of s.claims.entries()) {
      if (v.kind !== "valuation_post" && v.kind !== "valuation_pre") continue;
      if (v.temporal !== "current" || v.status !== "closed" || !v.amount) continue;
      const round = s.claims.slice(k + 1).find((c) => c.kind === "round_size" && c.amount);
      if (round?.temporal !== "background") continue;
      const gap = s.folded.slice(
        Math.max(0, v.evidenceEnd - s.base),
        Math.max(0, round.evidenceEnd - s.base),
      );
      if (gap.length <= 110 && !/[.;]/.test(gap) && VALUATION_IN_ROUND.test(gap)) {
        v.temporal = "background";
        v.rules.push("ING-TEMP-8");
      }
    }
  }

  /**
   * ING-TEMP-8: a valuation told with its round ("successful financing of $216 million, $4 billion
   * valuation") takes the round's time: background when the round just before it in the sentence is.
   */
  private roundTime(
    s: Sentence,
    m: MoneyMention,
    kind: ClaimKind,
    status: { status: ClaimStatus },
    temporal: { temporal: Temporal; rule: string },
  ): { temporal: Temporal; rule: string } {
    if (temporal.temporal !== "current" || status.status !== "closed") return temporal;
    if (kind !== "valuation_post" && kind !== "valuation_pre") return temporal;
    const round = s.claims[s.claims.length - 1];
    if (round?.kind !== "round_size" || round.temporal !== "background") return temporal;
    const gap = s.folded.slice(Math.max(0, round.evidenceEnd - s.base), m.start);
    return gap.length <= 30 && !/[.;]/.test(gap) ? { temporal: "background", rule: "ING-TEMP-8" } : temporal;
  }

  /**
   * ING-STAT-11: an announcement is the stage of a plan, not of money. A raise, an investment
   * or a valuation announced is done ("24M announced it had raised", "6K announced its $82m
   * Series E"): closed. A round sought stays announced only when the announcement is of the
   * intent itself ("a annoncé son intention de lever", "announced plans to raise"); otherwise
   * it is in talks.
   */
  private announcedStatus(
    s: Sentence,
    status: { status: ClaimStatus; rule: string },
    kind: ClaimKind,
    anchor: number,
  ): { status: ClaimStatus; rule: string } {
    if (kind !== "round_target")
      return status.status === "announced" ? { status: "closed", rule: "ING-STAT-11" } : status;
    const announcedIntent = s.cues.intent.some(
      (c) =>
        c.end <= anchor + 1 &&
        anchor - c.end <= 60 &&
        ANNOUNCED_BEFORE.test(s.folded.slice(Math.max(0, c.start - 40), c.start)),
    );
    if (announcedIntent) return { status: "announced", rule: "ING-STAT-11" };
    // With no word of its own the target keeps the deal's stage (its linked parts, ING-STAT-6).
    return status.status === "announced" && status.rule !== "ING-STAT-6"
      ? { status: "in_talks", rule: "ING-STAT-11" }
      : status;
  }

  /**
   * ING-TEMP-1: a stake held is background; a closed claim is background when its clause
   * marks an earlier time ("depuis", "précédente", "last year", "already invested", a year
   * before the publication date — any year when the date is not given).
   */
  private temporalOf(
    s: Sentence,
    kind: ClaimKind,
    status: { status: ClaimStatus; rule?: string },
    segStart: number,
    segEnd: number,
    anchor: number,
  ): { temporal: Temporal; rule: string } {
    // A time word after the figure and past a comma speaks of what follows ("valorisant 300 Md$, soit
    // près du double de sa valorisation précédente"): ING-TEMP-3.
    // A time set before the sentence's first comma ("In October, X raised … in a round valuing …")
    // dates every clause of the sentence.
    const opening = (c: Span) => c.start < 4 && /^[^,]{0,30},/.test(s.folded.slice(c.start, c.start + 32));
    const inClause = (c: Span) =>
      opening(c) ||
      (c.start >= segStart &&
        c.end <= segEnd &&
        (c.end <= anchor || !CLAUSE_MARK.test(s.folded.slice(anchor, c.start))));
    // A month marks an earlier deal only when the clause says the deal was done ("raised … in
    // December"), not when nothing dates the verb ("the first tranche arrives in April").
    const datedByVerb = status.rule !== "ING-STAT-6";
    const background = this.sameClause(
      s,
      anchor,
      s.cues.background.filter(
        (c) =>
          inClause(c) &&
          (datedByVerb || !MONTH_WORD.test(s.folded.slice(c.start, c.end))) &&
          // ING-PART-13: "ses investisseurs historiques", "existing investors": the holders, not the deal's time.
          !HOLDER_BEFORE.test(s.folded.slice(Math.max(0, c.start - 16), c.start)),
      ),
    );
    const adjacent = this.sameClause(s, anchor, s.cues.backgroundAdjacent.filter(inClause));
    if (kind === "existing_stake") {
      // ING-TEMP-4: a stake taken with the reported deal ("détiendra environ 11 %") is current.
      const acquired = this.sameClause(s, anchor, s.cues.stakeAcquired.filter(inClause));
      if (acquired.length > 0 && background.length === 0 && adjacent.length === 0)
        return { temporal: "current", rule: "ING-TEMP-4" };
      return { temporal: "background", rule: "ING-TEMP-2" };
    }
    if (status.status !== "closed") return { temporal: "current", rule: "ING-TEMP-1" };
    // ING-TEMP-5: "announced that it had raised" (the pluperfect of reported speech); ING-TEMP-7: "aux
    // côtés d'investisseurs historiques" (existing investors take part in the deal reported; only a
    // stake is past): no earlier time.
    const dated = background.filter(
      (c) =>
        !BACKSHIFT_BEFORE.test(s.folded.slice(Math.max(0, c.start - 50), c.start)) &&
        !/^historiques?$/.test(s.folded.slice(c.start, c.end)),
    );
    if (dated.length > 0 || adjacent.length > 0) {
      return { temporal: "background", rule: "ING-TEMP-1" };
    }
    // ING-TEMP-11: a relative clause speaks of the noun before it: "its last funding round, which was
    // valued at $100bn" is dated by "its last funding round".
    const home = this.relativeClauses(s).find((r) => r.start <= anchor && anchor < r.end);
    if (
      home &&
      s.cues.background.some(
        (c) =>
          c.end <= home.start && home.start - c.end <= 3 && LAST_ROUND.test(s.folded.slice(c.start, c.end)),
      )
    ) {
      return { temporal: "background", rule: "ING-TEMP-11" };
    }
    const clause = home
      ? s.folded.slice(Math.max(segStart, home.start), Math.min(segEnd, home.end))
      : this.outsideRelatives(s, segStart, segEnd);
    for (const y of clause.matchAll(YEAR)) {
      // ING-TEMP-3: a full date ("le 9 septembre 2025", "September 9, 2025") dates the report's own deal.
      if (FULL_DATE_BEFORE_YEAR.test(clause.slice(Math.max(0, y.index - 24), y.index))) continue;
      // ING-TEMP-6: a founding year ("fondée en 2023", "founded in 2015") or the page's own date line
      // (" date 2021-12") dates no deal.
      if (UNDATED_YEAR_BEFORE.test(clause.slice(Math.max(0, y.index - 30), y.index))) continue;
      const year = Number(y[0]);
      if (this.sourceYear === undefined || year < this.sourceYear)
        return { temporal: "background", rule: "ING-TEMP-1" };
    }
    return { temporal: "current", rule: "ING-TEMP-1" };
  }

  /** The relative clauses of the sentence ("…, which led Vantage's Series B last year, …"). */
  private relativeClauses(s: Sentence): Span[] {
    if (s.relatives) return s.relatives;
    const out: Span[] = [];
    if (s.folded.includes(",")) {
      RELATIVE_CLAUSE.lastIndex = 0;
      for (const m of s.folded.matchAll(RELATIVE_CLAUSE))
        out.push({ start: m.index, end: m.index + m[0].length });
    }
    s.relatives = out;
    return out;
  }

  /**
   * ING-STAT-5: the cues of the claim's own clause. Words inside a relative clause speak
   * of that clause only; a claim inside one sees only its words.
   */
  private sameClause<T extends Span>(s: Sentence, anchor: number, cues: readonly T[]): T[] {
    const relatives = this.relativeClauses(s);
    if (relatives.length === 0) return [...cues];
    const home = relatives.find((r) => r.start <= anchor && anchor < r.end);
    return cues.filter((c) => {
      const inside = relatives.find((r) => r.start <= c.start && c.end <= r.end);
      return home ? inside === home : inside === undefined;
    });
  }

  /** The text of [from, to) with the relative clauses blanked out. */
  private outsideRelatives(s: Sentence, from: number, to: number): string {
    let text = s.folded.slice(from, to);
    for (const r of this.relativeClauses(s)) {
      const a = Math.max(r.start, from) - from;
      const b = Math.min(r.end, to) - from;
      if (a < b) text = text.slice(0, a) + " ".repeat(b - a) + text.slice(b);
    }
    return text;
  }

  // ---- participants and backers (ING-PART, ING-STAKE-3) -----------------------------

  /** The names of a list starting after `pos`, with up to six describing words before the first. */
  private namesAfter(s: Sentence, pos: number): NameMention[] {
    // ING-PART-9: a description in front of a name ("la société de gestion italienne Azimut") is
    // the name's descriptor, not a mention of its own.
    const mentions = s.mentions.filter(
      (m) =>
        !(
          m.kind === "anaphor" &&
          m.form === "description" &&
          s.mentions.some(
            (n) =>
              n.kind === "name" &&
              n.start >= m.end &&
              /^\s+(?:[a-z'-]+\s+){0,3}$/.test(s.folded.slice(m.end, n.start)),
          )
        ),
    );
    const first = mentions.find((m) => m.start >= pos && !m.inAttribution);
    if (first?.kind !== "name") return [];
    if (
      !/^\s*(?:(?:the|a|an|le|la|les|l'|de|du|des|d')\s*)?(?:[a-z0-9'-]+\s+){0,6}$/.test(
        s.folded.slice(pos, first.start),
      )
    )
      return [];
    const members = [first];
    for (let k = mentions.indexOf(first) + 1; k < mentions.length; k++) {
      const next = mentions[k]!;
      if (next.kind !== "name" || next.inAttribution) break;
      // "Biotel Ltd. and the Cystic Fibrosis Foundation": a legal form left after a member.
      const gap = s.folded
        .slice(members[members.length - 1]!.end, next.start)
        .replace(/^\s+(?:corp|inc|ltd|llc|plc|sa|ag|co)\.?(?=[\s,])/, "");
      // ING-PART-9: "Toyota's Woven Capital", "Abu Dhabi sovereign wealth fund Mubadala": the
      // owner or the descriptor before a name is no member; the name after it is.
      if (OWNER_GAP.test(gap) || DESCRIBED_GAP.test(gap)) {
        members[members.length - 1] = next;
        continue;
      }
      // "Nuovo Plus, a Thai battery company": an apposition, not the next member.
      if (/^\s*,\s*(?:a|an|un|une)\s/.test(gap)) break;
      // ING-PART-9: "FootPrint Coalition, fondé par l'acteur Robert Downey Jr., Upfront Ventures":
      // the founder in apposition is skipped, the list goes on after it.
      const after = mentions[k + 1];
      if (
        FOUNDER_APPOSITION.test(gap) &&
        after?.kind === "name" &&
        /^\.?\s*,\s*(?:(?:et|and)\s+)?$/.test(s.folded.slice(next.end, after.start))
      ) {
        members.push(after);
        k++;
        continue;
      }
      if (!LIST_SEPARATOR.test(gap) && !DESCRIBED_SEPARATOR.test(gap)) break;
      // "…, which includes Volta, allows Solid Power to expand": a verb after the comma ends the list.
      if (VERB_IN_GAP.test(gap) || s.rules.subjectFollowers.test(gap.replace(/^\s*,/, ""))) break;
      members.push(next);
    }
    return members;
  }

  /**
   * ING-PART-9: the list of names ending with `last` ("SoftBank and Toyota's Woven Capital were
   * among the investors participating"), an owner or a descriptor before a member skipped.
   */
  private participantsEndingWith(s: Sentence, last: NameMention): NameMention[] {
    const members = [last];
    let k = s.mentions.indexOf(last) - 1;
    let head = last;
    while (k >= 0) {
      const prev = s.mentions[k]!;
      if (prev.kind !== "name" || prev.inAttribution) break;
      const gap = s.folded.slice(prev.end, head.start);
      k--;
      if (OWNER_GAP.test(gap) || DESCRIBED_GAP.test(gap)) {
        head = prev;
        continue;
      }
      if (!LIST_SEPARATOR.test(gap) && !DESCRIBED_SEPARATOR.test(gap)) break;
      members.unshift(prev);
      head = prev;
    }
    return members;
  }

  /** The company whose round the participants of this sentence join (ING-PART-5). */
  private dealSubject(
    s: Sentence,
    at: number,
  ): { subject: string | undefined; claim: WorkingClaim | undefined } {
    let best: WorkingClaim | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    // A round inside a relative clause (", which led its Series A last year,") is not the one joined.
    const relatives = this.relativeClauses(s);
    const home = relatives.find((r) => r.start <= at && at < r.end);
    for (const c of s.claims) {
      if (c.amount === null || c.kind === "commercial_agreement" || c.kind === "existing_stake") continue;
      const anchor = c.evidenceEnd - s.base - 1;
      if (relatives.find((r) => r.start <= anchor && anchor < r.end) !== home) continue;
      // The distance to the claim's evidence, from its nearer end (a subject opening the evidence
      // far before its figure does not push the round away).
      const d = Math.min(Math.abs(c.evidenceStart - s.base - at), Math.abs(c.evidenceEnd - s.base - at));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best?.subject !== undefined) return { subject: best.subject, claim: best };
    // The round last reported, else the article's subject (a roundup reports one round after another).
    return { subject: this.lastRoundClaim?.subject ?? this.subjectTopic, claim: undefined };
  }

  /** ING-PART-7: "led by former OpenAI execs", "dirigée par d'anciens de Google", a manager: the company's staff, not investors. */
  private isStaffNotInvestor(s: Sentence, name: NameMention): boolean {
    const folded = s.folded;
    return (
      STAFF_AFTER.test(folded.slice(name.end, name.end + 24)) ||
      FORMER_BEFORE.test(folded.slice(Math.max(0, name.start - 12), name.start)) ||
      (name.type === "person" && MANAGER_BEFORE.test(folded.slice(Math.max(0, name.start - 40), name.start)))
    );
  }

  /**
   * A participant's claim (ING-PART): an investment without amount in `subject`, with the status
   * and time of the deal's claim read nearest (ING-PART-5), else those of the cue; the evidence is
   * the name, with the cue when it stands within 40 characters.
   */
  private emitParticipant(
    s: Sentence,
    name: NameMention,
    cue: Span,
    rule: string,
    subject: string,
    dealClaim: WorkingClaim | undefined,
    listStart?: number,
  ): void {
    const near = Math.abs(cue.start - name.end) <= 40 || Math.abs(name.start - cue.end) <= 40;
    // A list with no cue of its own (ING-PART-G) takes the status and time read at its start.
    const at = listStart ?? cue.start;
    const read = this.statusAt(s, at, "investment");
    const status = dealClaim
      ? { status: dealClaim.status, rule: "ING-PART-5" }
      : listStart === undefined
        ? this.announcedStatus(s, read, "investment", at)
        : read;
    const temporal = dealClaim
      ? { temporal: dealClaim.temporal, rule: "ING-PART-5" }
      : this.temporalOf(s, "investment", status, 0, s.text.length, at);
    const claim = this.baseClaim(s, {
      kind: "investment",
      subject,
      counterparty: { keys: [name.key], group: false, start: name.start, end: name.end },
      status: status.status,
      temporal: temporal.temporal,
      evidenceFrom: near ? Math.min(name.start, cue.start) : name.start,
      evidenceTo: near ? Math.max(name.end, cue.end) : name.end,
      anchor: name.start,
      rules: [rule, status.rule, temporal.rule],
    });
    this.emit(s, claim);
    this.investors.add(this.registry.canonical(name.key));
  }

  /**
   * ING-PART: investors named in a round without an amount — the lead ("led by X", "mené
   * par X", "a Softbank-led round"), participants ("with participation from X", "X also
   * participated", "ont également participé … dont X"), and the investors a raised figure
   * comes from (ING-PART-4). One investment claim without amount per investor.
   */
  private readParticipants(s: Sentence): void {
    const { folded, rules } = s;
    const made = new Set<string>();
    const add = (name: NameMention, cue: Span, rule: string, subjectKey?: string) => {
      const deal = this.dealSubject(s, cue.start);
      const subject = subjectKey ?? deal.subject;
      const key = this.registry.canonical(name.key);
      if (subject === undefined || this.registry.canonical(subject) === key) return;
      if (made.has(`${key}|${subject}`)) return;
      if (this.isStaffNotInvestor(s, name)) return;
      made.add(`${key}|${subject}`);
      this.emitParticipant(s, name, cue, rule, subject, deal.claim);
    };
    // ING-STAKE-7: a company's investors listed as such are its backers (readBackers), not a round's.
    const backerLists = this.backerLists(s);
    rules.participantAfter.lastIndex = 0;
    const after = rules.participantAfterHint.test(folded) ? folded.matchAll(rules.participantAfter) : [];
    for (const m of after) {
      const cue = { start: m.index, end: m.index + m[0].length };
      if (s.names.some((n) => n.start <= cue.start && cue.end <= n.end)) continue;
      if (backerLists.some((b) => b.start <= cue.start && cue.start <= b.end)) continue;
      if (SHAREHOLDING_BEFORE.test(folded.slice(Math.max(0, cue.start - 60), cue.start))) continue;
      // "des fonds tels que A et B investissent dans l'IA": examples, unless a round is spoken of.
      if (/tels? que\s*$/.test(m[0]) && s.cues.roundNoun.length === 0 && s.cues.raiseVerb.length === 0)
        continue;
      const rule = m[1] ? "ING-PART-1a" : "ING-PART-1";
      // ING-PART-8: partners of a project, not of a round ("le projet X, dans lequel A et B sont
      // associés aux côtés de C et D").
      const project = PROJECT_NOUN.exec(folded.slice(Math.max(0, cue.start - 100), cue.start));
      if (project) {
        const projectEnd = Math.max(0, cue.start - 100) + project.index + project[0].length;
        const roundBetween = [s.cues.roundNoun, s.cues.raiseVerb].some((list) =>
          list.some((c) => c.start >= projectEnd && c.end <= cue.start),
        );
        if (!roundBetween) continue;
      }
      const members = this.namesAfter(s, cue.end);
      if (/\bin $/.test(m[0])) {
        // "X led three big rounds in A, B and C": the rounds are those of A, B and C.
        const lead = this.subjectBefore(s, cue.start);
        const party = lead ? this.resolveInvestor(s, lead) : undefined;
        const leadName = party && lead?.kind === "name" ? lead : undefined;
        if (!leadName) continue;
        for (const company of members) add(leadName, cue, rule, company.key);
        continue;
      }
      for (const name of members) add(name, cue, rule);
    }
    rules.participantBefore.lastIndex = 0;
    const before = rules.participantBeforeHint.test(folded) ? folded.matchAll(rules.participantBefore) : [];
    for (const m of before) {
      const cue = { start: m.index, end: m.index + m[0].length };
      // ING-PART-2b: "et de Medicxi, co-lead sur le tour": the role in apposition is the name's just before.
      const apposed = folded[cue.start] === "," ? s.names.find((n) => n.end === cue.start) : undefined;
      if (apposed) {
        add(apposed, cue, "ING-PART-2b");
        continue;
      }
      const subject = this.subjectBefore(s, cue.start);
      if (subject?.kind !== "name") continue;
      const rule = m[1] || m[2] ? "ING-PART-2a" : "ING-PART-2";
      for (const name of this.participantsEndingWith(s, subject)) add(name, cue, rule);
    }
    for (const n of s.names) {
      if (rules.leadSuffix.test(folded.slice(n.end, n.end + 5)))
        add(n, { start: n.end, end: n.end + 4 }, "ING-PART-3");
    }
    for (const name of s.roundInvestors) {
      // ING-PART-9: "BMW and Ford are leading a $130m round": every member of the subject's list.
      for (const member of this.participantsEndingWith(s, name))
        add(member, { start: name.start, end: name.end }, "ING-PART-6");
    }
    this.readRoundBy(s, add);
    this.readPossessiveInvestment(s, add);
    this.readInvestedIn(s, add);
    for (const [i, party] of s.roundSources) {
      const money = s.money[i]!;
      const round = s.claims.find(
        (c) =>
          c.amount !== null &&
          c.evidenceEnd - s.base >= money.end - 1 &&
          c.evidenceStart - s.base <= money.start,
      );
      for (const key of party.keys) {
        const name = s.names.find((x) => x.key === key && x.start >= money.end);
        if (name) add(name, { start: money.start, end: money.end }, "ING-PART-4", round?.subject);
      }
    }
  }

  /**
   * ING-PART-10: "when Altria invested in it", "TotalEnergies et Technip Energies ont signé un
   * accord préliminaire en vue d'investir dans Zhero": an investment verb with no figure near it;
   * its subject (with its list) invests in the company named after it, without amount.
   */
  private readInvestedIn(
    s: Sentence,
    add: (name: NameMention, cue: Span, rule: string, subjectKey?: string) => void,
  ): void {
    if (!/invest|capital/.test(s.folded)) return;
    s.rules.investedIn.lastIndex = 0;
    for (const m of s.folded.matchAll(s.rules.investedIn)) {
      const cue = { start: m.index, end: m.index + m[0].length };
      // "NVIDIA hadn't invested in", "n'a jamais investi dans": no investment.
      if (
        /(?:n't|\bnot|\bnever|\bpas|\bjamais)\s*$/.test(
          s.folded.slice(Math.max(0, cue.start - 12), cue.start),
        )
      )
        continue;
      if (/\b(?:not|never|pas|jamais)\b/.test(s.folded.slice(cue.start, cue.end))) continue;
      // ING-PART-10: "Temasek is said to be discussing a potential investment": the round reported.
      const bareNoun = /investment\s*$/.test(m[0]);
      const target = bareNoun ? undefined : s.mentions.find((x) => x.start >= cue.end && !x.inAttribution);
      if (!bareNoun && (!target || target.kind === "group")) continue;
      const lead = target ? s.folded.slice(cue.end, target.start) : "";
      if (lead.length > 4 && !DESCRIBED_LEAD.test(lead)) continue;
      const company = target
        ? this.resolve(s, target, "company")?.keys[0]
        : this.dealSubject(s, cue.start).subject;
      if (company === undefined) continue;
      const subject = this.subjectBefore(s, cue.start);
      if (subject?.kind !== "name" || cue.start - subject.end > 90) continue;
      // "led by Sequoia, which has invested in Stripe": an investor's portfolio in passing, unless the
      // company is the report's own.
      if (
        RELATIVE_BEFORE.test(s.folded.slice(Math.max(0, cue.start - 60), cue.start)) &&
        this.registry.canonical(company) !== this.canonicalTopic()
      )
        continue;
      // "Google was a surprise investor in Nuro during a recent Series D round": an investor in
      // the round reported; without a round it is a backer (ING-STAKE-3).
      const investorNoun = /\b(?:investor|backer)s?\b/.test(m[0]);
      if (investorNoun && !s.cues.roundNoun.some((c) => c.start >= (target?.end ?? cue.end))) continue;
      // A figure in the clause belongs to the money readers (ING-ROLE-3).
      if (!investorNoun && s.money.some((x) => x.start >= subject.start && x.start <= cue.end + 60)) continue;
      const investors = this.participantsEndingWith(s, subject);
      for (const name of investors) add(name, cue, "ING-PART-10", company);
      // ING-ROLE-4: an investor is not the company raising; the company it invests in is.
      const topic = this.canonicalTopic();
      if (investors.some((n) => this.registry.canonical(n.key) === topic)) this.subjectTopic = company;
    }
  }

  /**
   * ING-PART-12: "raised a seed round of $2 million by Nexus Venture Partners and Omnivore": the
   * names after `by` right after a round's figure take part in it.
   */
  private readRoundBy(
    s: Sentence,
    add: (name: NameMention, cue: Span, rule: string, subjectKey?: string) => void,
  ): void {
    if (s.rules.language !== "en") return;
    for (const c of s.claims) {
      if ((c.kind !== "round_size" && c.kind !== "round_target") || c.amount === null) continue;
      const money = s.money.find(
        (x) => x.start >= c.evidenceStart - s.base && x.end <= c.evidenceEnd - s.base,
      );
      if (!money) continue;
      const by = /^\s+by\s+/.exec(s.folded.slice(money.end, money.end + 8));
      if (!by) continue;
      const cue = { start: money.end, end: money.end + by[0].length };
      const names = this.namesAfter(s, cue.end);
      // "raised $5m by selling shares to X": a means, not the investors.
      if (names.length === 0 || CLAUSE_IN_LEAD.test(s.folded.slice(cue.end, names[0]!.start))) continue;
      for (const name of names) add(name, cue, "ING-PART-12", c.subject);
    }
  }

  /**
   * ING-PART-12: "Airbnb's investment in OYO's Series E round": a possessive investor before an
   * investment noun with no figure, in the company named after `in`.
   */
  private readPossessiveInvestment(
    s: Sentence,
    add: (name: NameMention, cue: Span, rule: string, subjectKey?: string) => void,
  ): void {
    for (const n of s.names) {
      if (!n.possessive || n.inAttribution) continue;
      const m = /^['’]s\s+(?:[a-z-]+\s+)?(?:investment|stake|backing)\s+in\s+/.exec(
        s.folded.slice(n.end, n.end + 40),
      );
      if (!m) continue;
      const at = n.end + m[0].length;
      const target = s.names.find((x) => x.start === at);
      if (!target) continue;
      if (s.money.some((x) => Math.abs(x.start - at) < 60)) continue;
      add(n, { start: n.start, end: at }, "ING-PART-12", this.resolve(s, target, "company")?.keys[0]);
    }
  }

  /** ING-STAKE-7: the spans of the cues listing a company's own investors ("compte parmi ses investisseurs"). */
  private backerLists(s: Sentence): Span[] {
    const out: Span[] = [];
    // A cheap test first: most sentences name no investors at all.
    if (!BACKER_HINT.test(s.folded)) return out;
    s.rules.backerList.lastIndex = 0;
    for (const m of s.folded.matchAll(s.rules.backerList)) {
      if (/\b(?:round|tour|levee|operation)\b/.test(m[0])) continue;
      out.push({ start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  /**
   * ING-STAKE-3: existing backers named without a figure: "OpenAI, backed by Microsoft and
   * SoftBank", "déjà soutenue par Nvidia", "NVIDIA is already an investor", "Microsoft is
   * the chief financial backer of OpenAI". An existing stake without amount.
   */
  private readBackers(s: Sentence): void {
    const { folded, rules } = s;
    const add = (holder: NameMention, company: string | undefined, cue: Span) => {
      const holderKey = this.registry.canonical(holder.key);
      if (company === undefined || this.registry.canonical(company) === holderKey) return;
      // An existing investor that takes part in the round is read through its investment.
      if (
        s.claims.some(
          (c) =>
            c.kind !== "existing_stake" &&
            c.counterparty?.some((k) => this.registry.canonical(k) === holderKey),
        )
      )
        return;
      const claim = this.baseClaim(s, {
        kind: "existing_stake",
        subject: company,
        counterparty: { keys: [holder.key], group: false, start: holder.start, end: holder.end },
        status: "closed",
        temporal: "background",
        evidenceFrom: Math.min(holder.start, cue.start),
        evidenceTo: Math.max(holder.end, cue.end),
        anchor: holder.start,
        rules: ["ING-STAKE-3", "ING-STAT-4", "ING-TEMP-2"],
      });
      this.emit(s, claim);
    };
    rules.backerAfter.lastIndex = 0;
    for (const m of folded.matchAll(rules.backerAfter)) {
      const cue = { start: m.index, end: m.index + m[0].length };
      // After a figure ("$50m backed by X") the source list is read as an investment (ING-ROLE-1).
      if (s.money.some((x) => x.end <= cue.start && cue.start - x.end < 40)) continue;
      // ING-PART-1: "the round was backed by X": participants of the round, not earlier backers.
      if (s.cues.roundNoun.some((r) => r.end <= cue.start && cue.start - r.end <= 30)) continue;
      const before = this.subjectBefore(s, cue.start);
      const company = before ? this.resolve(s, before, "company")?.keys[0] : this.subjectTopic;
      for (const holder of this.namesAfter(s, cue.end)) add(holder, company ?? this.subjectTopic, cue);
    }
    // ING-STAKE-7: "Ÿnsect compte parmi ses investisseurs A, B", "Among X's investors are A and B".
    for (const cue of this.backerLists(s)) {
      const owner = s.names.find((n) => n.possessive && n.start >= cue.start && n.end <= cue.end);
      // "a fund managed by Valor Equity Partners that counts Starbucks among its investors": a
      // fund's own backers, not a company's.
      const relative = /\b(?:that|which|qui)\s+(?:[a-z'-]+\s+){0,2}$/.exec(
        s.folded.slice(Math.max(0, cue.start - 40), cue.start),
      );
      if (relative) {
        const pronounAt = Math.max(0, cue.start - 40) + relative.index;
        const antecedent = s.names.filter((n) => n.end <= pronounAt && pronounAt - n.end <= 4).pop();
        const key = antecedent ? this.registry.canonical(antecedent.key) : undefined;
        const fund = /\b(?:fund|fonds|investor|investisseur|vehicle|vehicule)\b/.test(
          s.folded.slice(Math.max(0, pronounAt - 60), pronounAt),
        );
        if ((key !== undefined && this.investors.has(key)) || fund) continue;
      }
      const before = owner ?? this.subjectBefore(s, cue.start);
      const company = before ? this.resolve(s, before, "company")?.keys[0] : this.subjectTopic;
      const holders = this.namesAfter(s, cue.end);
      if (holders.length === 0 || CLAUSE_IN_LEAD.test(s.folded.slice(cue.end, holders[0]!.start))) continue;
      for (const holder of holders) add(holder, company ?? this.subjectTopic, cue);
    }
    // ING-STAKE-7: "Harwick-backed Tessel Labs": the name before "-backed" backs the company after it.
    for (const n of s.names) {
      if (n.inAttribution || !/^-backed\b/.test(folded.slice(n.end, n.end + 8))) continue;
      const after = s.names.find(
        (x) => x.start > n.end + 7 && /^\s+(?:[a-z-]+\s+){0,3}$/.test(folded.slice(n.end + 7, x.start)),
      );
      add(n, after?.key ?? this.subjectTopic, { start: n.start, end: n.end + 7 });
    }
    for (const n of s.names) {
      if (n.inAttribution) continue;
      const m = rules.backerBefore.exec(folded.slice(n.end, n.end + 90));
      if (!m) continue;
      const cue = { start: n.end, end: n.end + m[0].length };
      let company = this.subjectTopic;
      if (/(?:of|de |du |d')$/.test(m[0])) {
        const next = s.names.find((x) => x.start >= cue.end && x.start - cue.end <= 6);
        if (next) company = next.key;
      }
      add(n, company, cue);
    }
  }

  // ---- agreements and stakes ---------------------------------------------------------

  /** The investor an agreement is tied to (ING-AGR-1), or undefined when none is clear. */
  private agreementInvestor(s: Sentence, from: number, to: number): string | undefined {
    const isInvestor = (key: string): string | undefined => {
      const k = this.registry.canonical(key);
      if (this.investors.has(k)) return k;
      const parent = this.registry.parent(k);
      if (parent !== undefined && this.investors.has(parent)) return parent;
      return undefined;
    };
    for (const n of s.names) {
      if (n.start < from || n.start >= to || n.inAttribution) continue;
      const investor = isInvestor(n.key);
      if (investor) return investor;
    }
    const inSentence = new Set<string>();
    for (const n of s.names) {
      if (n.inAttribution) continue;
      const investor = isInvestor(n.key);
      if (investor) inSentence.add(investor);
    }
    for (const c of s.claims) {
      if (c.kind === "investment" && c.counterparty?.length === 1)
        inSentence.add(this.registry.canonical(c.counterparty[0]!));
    }
    if (inSentence.size === 1) return [...inSentence][0];
    // ING-AGR-4: "les deux groupes entrent dans un partenariat": no name at all, the investor last spoken of.
    if (inSentence.size === 0 && s.names.every((n) => n.inAttribution) && this.investorTopic !== undefined)
      return isInvestor(this.investorTopic);
    return undefined;
  }

  private readAgreements(s: Sentence): void {
    const used = new Set(
      s.claims.filter((c) => c.kind === "commercial_agreement").map((c) => c.evidenceStart - s.base),
    );
    for (const cue of s.cues.agreement) {
      if ([...used].some((u) => u <= cue.start + 1 && cue.start - u < 130)) continue;
      const items = this.agreementItems(s, cue);
      const clauseEnd = items.length > 0 ? items[items.length - 1]!.end : this.clauseEnd(s, cue.end);
      const status = this.statusAt(s, cue.start, "commercial_agreement");
      const shared = this.agreementInvestor(s, cue.start, clauseEnd);
      const pieces = items.length > 0 ? items : [{ start: cue.start, end: clauseEnd }];
      pieces.forEach((piece, k) => {
        const investor = this.agreementInvestor(s, piece.start, piece.end) ?? shared;
        if (!investor) return;
        const claim = this.baseClaim(s, {
          kind: "commercial_agreement",
          subject: this.topicOrSentenceSubject(s),
          counterparty: { keys: [investor], group: false, start: piece.start, end: piece.end },
          status: status.status,
          temporal: "current",
          evidenceFrom: k === 0 ? cue.start : piece.start,
          evidenceTo: piece.end,
          anchor: cue.start,
          rules: ["ING-AGR-1", items.length > 0 ? "ING-AGR-2" : "ING-AGR-1", status.rule],
        });
        this.emit(s, claim);
      });
    }
  }

  /** The end of the clause starting at `from`: the next comma, semicolon or point. */
  private clauseEnd(s: Sentence, from: number): number {
    const rest = s.folded.slice(from, from + 160);
    const stop = /[,;.]\s/.exec(rest);
    return Math.min(s.text.length, from + (stop ? stop.index : rest.length));
  }

  /** ING-AGR-2: "notamment autour de A et B": one claim per item that names a kind of deal. */
  private agreementItems(s: Sentence, cue: Span): Span[] {
    const intro = s.rules.agreementItemIntro.exec(s.folded.slice(cue.end, cue.end + 80));
    if (!intro) return [];
    const start = cue.end + intro[0].length;
    const rest = s.folded.slice(start);
    const stop = /[;]|\.\s|\.$/.exec(rest);
    const end = start + (stop ? stop.index : rest.length);
    const region = s.folded.slice(start, end);
    const cuts: number[] = [0];
    s.rules.agreementItemSplit.lastIndex = 0;
    for (const m of region.matchAll(s.rules.agreementItemSplit)) cuts.push(m.index + m[0].length);
    const pieces: Span[] = [];
    for (let k = 0; k < cuts.length; k++) {
      const pieceStart = start + cuts[k]!;
      let pieceEnd = k + 1 < cuts.length ? start + cuts[k + 1]! : end;
      // Drop the joining "et"/"and" from the end of a piece.
      const joined = /\s+(?:et|and)\s+(?:[a-z']+\s*)?$/.exec(s.folded.slice(pieceStart, pieceEnd));
      if (joined && k + 1 < cuts.length) pieceEnd = pieceStart + joined.index;
      const text = s.folded.slice(pieceStart, pieceEnd);
      s.rules.agreementItemKeyword.lastIndex = 0;
      const hasKeyword = s.rules.agreementItemKeyword.test(text);
      s.rules.agreementItemKeyword.lastIndex = 0;
      const last = pieces[pieces.length - 1];
      if (!hasKeyword && last) pieces[pieces.length - 1] = { start: last.start, end: pieceEnd };
      else if (hasKeyword) pieces.push({ start: pieceStart, end: pieceEnd });
    }
    return pieces;
  }

  private readStakes(s: Sentence): void {
    const made: { holder: string; company: string | undefined }[] = [];
    const add = (cueStart: number, objectEnd: number, fraction: StakeFraction | null, rule: string) => {
      const negation = s.rules.stakeNegation.test(s.folded.slice(Math.max(0, cueStart - 30), cueStart));
      if (negation) return;
      // "Juniper Health Fund, its largest existing shareholder": the apposition names the holder.
      const apposed = s.names.filter((n) => n.end <= cueStart && !n.inAttribution).pop();
      const holderMention =
        rule === "ING-STAKE-2" && apposed && APPOSITION.test(s.folded.slice(apposed.end, cueStart))
          ? apposed
          : this.subjectBefore(s, cueStart);
      if (!holderMention) return;
      const holder = this.resolveInvestor(s, holderMention);
      if (holder?.keys.length !== 1) return;
      const holderKey = this.registry.canonical(holder.keys[0]!);
      // ING-STAKE-8: "X has taken a stake in Y, investing $20m": a stake taken without a share by an
      // investor whose ticket the sentence gives is that investment (it takes part in the deal).
      if (
        fraction === null &&
        TAKING_VERB.test(s.folded.slice(cueStart, cueStart + 10)) &&
        s.claims.some(
          (c) =>
            c.kind === "investment" && c.counterparty?.some((k) => this.registry.canonical(k) === holderKey),
        )
      )
        return;
      let companyEnd = objectEnd;
      let company: string | undefined;
      const next = s.mentions.find(
        (x) => x.start >= objectEnd && x.start - objectEnd <= 40 && !x.inAttribution && x.kind !== "group",
      );
      if (next && !/[.;,]/.test(s.folded.slice(objectEnd, next.start))) {
        company = this.resolve(s, next, "company", [holderKey])?.keys[0];
        companyEnd = next.end;
      }
      company ??= this.subjectTopic;
      if (company !== undefined && this.registry.canonical(company) === holderKey) return;
      const companyKey = company === undefined ? undefined : this.registry.canonical(company);
      if (made.some((x) => x.holder === holderKey && x.company === companyKey)) return;
      made.push({ holder: holderKey, company: companyKey });
      const time = this.temporalOf(s, "existing_stake", { status: "closed" }, 0, s.text.length, cueStart);
      const claim = this.baseClaim(s, {
        kind: "existing_stake",
        subject: company,
        counterparty: { keys: [holderKey], group: false, start: holder.start, end: holder.end },
        status: "closed",
        temporal: time.temporal,
        evidenceFrom: cueStart - holderMention.start <= 80 ? holderMention.start : cueStart,
        evidenceTo: companyEnd,
        anchor: cueStart,
        rules: [rule, "ING-STAT-4", time.rule],
      });
      claim.fraction = fraction;
      this.emit(s, claim);
      // ING-ROLE-4: a holder is not the company raising; the company it holds a stake in is
      // ("ASML … deviendrait l'actionnaire majoritaire de Mistral AI").
      if (company !== undefined && this.canonicalTopic() === holderKey)
        this.setTopic(company, true, "ING-ROLE-4");
    };
    for (const verb of s.cues.stakeVerb) {
      const object = s.rules.stakeObject.exec(s.folded.slice(verb.end, verb.end + 80));
      if (!object) continue;
      const objectEnd = verb.end + object[0].length;
      add(verb.start, objectEnd, this.fractionIn(s, verb.end, objectEnd), "ING-STAKE-1");
    }
    for (const noun of s.cues.shareholderNoun) {
      const endsWithPreposition = /(?:de |d'|du |in|of)$/.test(s.folded.slice(noun.start, noun.end));
      // ING-STAKE-6: "already an investor in two other startups", "déjà actionnaire de plusieurs
      // sociétés": other companies, not this one.
      if (endsWithPreposition && OTHER_COMPANIES.test(s.folded.slice(noun.end, noun.end + 30))) continue;
      add(noun.start, endsWithPreposition ? noun.end : noun.end, null, "ING-STAKE-2");
    }
  }

  private fractionIn(s: Sentence, from: number, to: number): StakeFraction | null {
    const region = s.folded.slice(from, to);
    const percent = findPercents(region, s.rules)[0];
    if (percent) return { qualifier: percent.qualifier, point: percent.value };
    for (const [words, [n, d]] of s.rules.fractionWords) {
      const at = region.indexOf(words);
      if (at < 0) continue;
      const hedge = qualifierBefore(region, at, s.rules);
      return { qualifier: hedge?.qualifier ?? "exact", point: Rational.of(n, d) };
    }
    return null;
  }
}
