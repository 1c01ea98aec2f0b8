export {};

/**
 * Sequential GETs from their own process (so the server's event loop is not also the client's): prints the
 * times in milliseconds as JSON on its last line. Usage: fetch-times.ts '{"url","cookie","count"}'
 */
const { url, cookie, count } = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  cookie: string;
  count: number;
};
const times: number[] = [];
for (let i = 0; i < count; i++) {
  const s = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  times.push(performance.now() - s);
}
console.log(JSON.stringify(times));
