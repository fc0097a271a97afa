/**
 * The words and signs people use to write amounts, in English and French. One lexicon
 * serves the single-amount parser (deal files, CLI arguments) and the news ingester.
 * All keys are lower case with accents kept; matching lower-cases the input.
 */

/** Scale words and abbreviations, as powers of ten. See docs/SPEC.md AMT-3 for "billion". */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ["k", 3],
  ["thousand", 3],
  ["thousands", 3],
  ["mille", 3],
  ["m", 6],
  ["mm", 6],
  ["mn", 6],
  ["mln", 6],
  ["mio", 6],
  ["million", 6],
  ["millions", 6],
  ["b", 9],
  ["bn", 9],
  ["bln", 9],
  ["md", 9],
  ["mds", 9],
  ["mrd", 9],
  ["mrds", 9],
  ["g", 9],
  ["milliard", 9],
  ["milliards", 9],
  ["billion", 9],
  ["billions", 9],
  ["t", 12],
  ["tn", 12],
  ["trillion", 12],
  ["trillions", 12],
]);

/**
 * "billion" is 10^9 in English and 10^12 in French (where 10^9 is "milliard"). A
 * "billion(s)" followed by the French "de"/"d'" is read as French (AMT-3).
 */
export const FRENCH_BILLION_EXPONENT = 12;

/** Currency signs and codes written before or after the number. */
export const CURRENCY_SIGNS: ReadonlyMap<string, string> = new Map([
  ["us$", "USD"],
  ["$us", "USD"],
  ["$", "USD"],
  ["c$", "CAD"],
  ["ca$", "CAD"],
  ["a$", "AUD"],
  ["au$", "AUD"],
  ["hk$", "HKD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["¥", "JPY"],
  ["₹", "INR"],
  ["fr.", "CHF"],
]);

/** ISO 4217 codes recognised as currencies in free text (any upper-case code is accepted in deal files). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  "USD",
  "EUR",
  "GBP",
  "JPY",
  "CHF",
  "CAD",
  "AUD",
  "CNY",
  "HKD",
  "INR",
  "SEK",
  "NOK",
  "DKK",
  "SGD",
  "KRW",
  "BRL",
  "ILS",
  "AED",
  "SAR",
]);

/** Currency names, singular and plural, English and French, with their codes. */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ["dollar", "USD"],
  ["dollars", "USD"],
  ["us dollar", "USD"],
  ["us dollars", "USD"],
  ["dollar américain", "USD"],
  ["dollars américains", "USD"],
  ["dollar us", "USD"],
  ["dollars us", "USD"],
  ["euro", "EUR"],
  ["euros", "EUR"],
  ["pound", "GBP"],
  ["pounds", "GBP"],
  ["pound sterling", "GBP"],
  ["pounds sterling", "GBP"],
  ["livre", "GBP"],
  ["livres", "GBP"],
  ["livre sterling", "GBP"],
  ["livres sterling", "GBP"],
  ["yen", "JPY"],
  ["yens", "JPY"],
  ["yuan", "CNY"],
  ["yuans", "CNY"],
  ["franc suisse", "CHF"],
  ["francs suisses", "CHF"],
  ["swiss franc", "CHF"],
  ["swiss francs", "CHF"],
]);

/** Number words that can stand for the number before a scale word ("un milliard", "two billion"). */
export const NUMBER_WORDS: ReadonlyMap<string, string> = new Map([
  ["a", "1"],
  ["an", "1"],
  ["one", "1"],
  ["un", "1"],
  ["une", "1"],
  ["half a", "0.5"],
  ["one and a half", "1.5"],
  ["two and a half", "2.5"],
  ["un demi", "0.5"],
  ["un demi-", "0.5"],
  ["two", "2"],
  ["deux", "2"],
  ["three", "3"],
  ["trois", "3"],
  ["four", "4"],
  ["quatre", "4"],
  ["five", "5"],
  ["cinq", "5"],
  ["six", "6"],
  ["seven", "7"],
  ["sept", "7"],
  ["eight", "8"],
  ["huit", "8"],
  ["nine", "9"],
  ["neuf", "9"],
  ["ten", "10"],
  ["dix", "10"],
  ["eleven", "11"],
  ["onze", "11"],
  ["twelve", "12"],
  ["douze", "12"],
  ["fifteen", "15"],
  ["quinze", "15"],
  ["twenty", "20"],
  ["vingt", "20"],
  ["thirty", "30"],
  ["trente", "30"],
  ["forty", "40"],
  ["quarante", "40"],
  ["fifty", "50"],
  ["cinquante", "50"],
  ["sixty", "60"],
  ["soixante", "60"],
  ["seventy", "70"],
  ["eighty", "80"],
  ["ninety", "90"],
  ["a hundred", "100"],
  ["one hundred", "100"],
  ["hundred", "100"],
  ["cent", "100"],
]);

/** Characters that separate thousands groups: space, no-break space, narrow no-break space, thin space, apostrophe. */
export const GROUP_SPACES = " \u00a0\u202f\u2009'’";
