import type { ApiResult } from "../api/data-access.js";

/** A request made ahead of the view that shows it: its answer to come, and the answer once come. */
export interface Asked<T> {
  readonly answer: Promise<ApiResult<T>>;
  /** The answer once it has come: a view drawn after it starts with it (useApi's `answered`). */
  readonly settled: ApiResult<T> | undefined;
}

/** Keeps a request's answer beside its promise, once it has come. */
export function ask<T>(answer: Promise<ApiResult<T>>): Asked<T> {
  const asked: { answer: Promise<ApiResult<T>>; settled: ApiResult<T> | undefined } = {
    answer,
    settled: undefined,
  };
  answer.then((result) => {
    asked.settled = result;
  });
  return asked;
}
