/** Which database engine backs the store (its own module so migrations need not import the opener). */
export type Dialect = "sqlite" | "postgres";
