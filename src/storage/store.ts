import type { Kysely } from "kysely";
import { type DatabaseOptions, type Dialect, openDatabase } from "./database.ts";
import { JourneyRepository } from "./journeys.ts";
import { PersonaRepository } from "./personas.ts";
import type { Database } from "./schema.ts";
import { TokenRepository } from "./tokens.ts";
import { ensureDefaultWorkspace } from "./workspaces.ts";

/** The storage of one Wayline instance: repositories over one database. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  location: string;
  personas: PersonaRepository;
  journeys: JourneyRepository;
  tokens: TokenRepository;
  close(): Promise<void>;
}

/** Opens, migrates and prepares the store (default workspace included). */
export async function openStore(opts: DatabaseOptions & { now?: string }): Promise<Store> {
  const open = await openDatabase(opts);
  await ensureDefaultWorkspace(open.db, opts.now ?? new Date().toISOString());
  return {
    ...open,
    personas: new PersonaRepository(open.db),
    journeys: new JourneyRepository(open.db, open.dialect),
    tokens: new TokenRepository(open.db),
  };
}
