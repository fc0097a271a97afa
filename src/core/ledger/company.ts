import type { Currency, ExchangeRate } from "../exact/money.js";
import type { IsoDate } from "../shared/date.js";

/** The company whose cap table the ledger holds. */
export interface Company {
  readonly name: string;
  readonly formationDate: IsoDate | undefined;
  /** The currency of the cap table; other currencies need a stated rate to it. */
  readonly currency: Currency;
  readonly exchangeRates: readonly ExchangeRate[];
}
