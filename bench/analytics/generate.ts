/**
 * Synthetic customer journeys: 5 stages (Visit → Sign up → Add to cart → Checkout → Purchase)
 * with realistic drop-off, detours (Browse, Support), channels and segments.
 * Usage: npx tsx bench/analytics/generate.ts EVENTS OUT.csv [SEED]
 */
import { createWriteStream } from "node:fs";
import { rng } from "../../src/analytics/testing/random-log.ts";

const STAGES = ["Visit", "Sign up", "Add to cart", "Checkout", "Purchase"];
const CONTINUE = [0.55, 0.6, 0.7, 0.8];
const CHANNELS = ["web", "app", "email", "store"];
const SEGMENTS = ["new", "returning", "vip"];

/** Writes about `events` events as CSV to `out`. */
export async function generate(events: number, out: string, seed = 42): Promise<number> {
  const r = rng(seed);
  const file = createWriteStream(out);
  file.write("customer_id,event,timestamp,channel,segment\n");
  let written = 0;
  let customer = 0;
  let buffer = "";
  while (written < events) {
    customer++;
    const channel = CHANNELS[Math.floor(r() * CHANNELS.length)];
    const segment = SEGMENTS[Math.floor(r() * SEGMENTS.length)];
    let t = 1_704_067_200_000 + Math.floor(r() * 180 * 86_400_000);
    for (let s = 0; s < STAGES.length && written < events; s++) {
      if (s > 0 && r() > (CONTINUE[s - 1] as number)) break;
      if (r() < 0.3) {
        buffer += `cust${customer},${r() < 0.7 ? "Browse" : "Support"},${new Date(t).toISOString()},${channel},${segment}\n`;
        written++;
        t += Math.floor(r() * 600_000);
      }
      buffer += `cust${customer},${STAGES[s]},${new Date(t).toISOString()},${channel},${segment}\n`;
      written++;
      t += Math.floor(r() * r() * 3 * 86_400_000);
    }
    if (buffer.length > 1 << 20) {
      if (!file.write(buffer)) await new Promise<void>((ok) => file.once("drain", () => ok()));
      buffer = "";
    }
  }
  file.write(buffer);
  await new Promise<void>((ok) => file.end(() => ok()));
  return written;
}

if (process.argv[1]?.endsWith("generate.ts")) {
  const [events = "1000000", out = "/tmp/wayline-bench-1m.csv", seed = "42"] = process.argv.slice(2);
  const n = await generate(Number(events), out, Number(seed));
  console.log(`${n} events → ${out}`);
}
