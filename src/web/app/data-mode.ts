export type DataMode = "memory" | "http";

/**
 * Which data access the page uses: the server's API (`/api/v1`) by default in a built
 * app; the examples held in memory with `?data=memory`, and by default under the Vite
 * development server (`?data=http` to use a server there too).
 */
export function dataMode(search: string, development: boolean): DataMode {
  const asked = new URLSearchParams(search).get("data");
  if (asked === "memory" || asked === "http") return asked;
  return development ? "memory" : "http";
}
