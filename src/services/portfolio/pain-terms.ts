import type { ItemToken } from "wink-nlp";

/** Turns a pain point's text into the terms the similarity compares. */
export type Terms = (text: string) => string[];

/**
 * Function words of French, German and Spanish, which the English model does not know as stop
 * words: without them "le délai de livraison" and "le colis" would look alike for "le".
 */
const OTHER_STOP_WORDS = new Set(
  (
    "le la les un une des du de et est sont au aux ce cette ces il elle ils nous vous pour par sur dans " +
    "pas ne que qui avec trop tres " +
    "der die das den dem des ein eine einen und ist sind nicht mit bei fur von zu im am auf es sie wir " +
    "el los las una unos y es son por para con del al que se lo muy"
  ).split(" "),
);

let loaded: Promise<Terms> | null = null;

/** Letters without their accents, lower case: "Délai" and "delai" are one term. */
const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();

/**
 * The wink-nlp tokeniser with its English model (shipped in the package, nothing downloaded),
 * loaded once: word tokens only (no punctuation, numbers, emoji), stop words dropped, each word
 * as its lemma ("refunds", "refunded" → "refund"), accents folded, words of one letter and the French/German/Spanish function words of
 * `OTHER_STOP_WORDS` dropped.
 * Words the English model does not know (other languages) pass through as their folded form.
 */
export function painTerms(): Promise<Terms> {
  loaded ??= (async () => {
    const [{ default: winkNLP }, { default: model }] = await Promise.all([
      import("wink-nlp"),
      import("wink-eng-lite-web-model"),
    ]);
    const w = winkNLP(model);
    const its = w.its;
    return (text) => {
      const out: string[] = [];
      w.readDoc(text)
        .tokens()
        .each((t: ItemToken) => {
          if (t.out(its.type) !== "word" || t.out(its.stopWordFlag)) return;
          const lemma = fold(t.out(its.lemma as unknown as typeof its.normal) as string);
          if ([...lemma].length > 1 && !OTHER_STOP_WORDS.has(lemma)) out.push(lemma);
        });
      return out;
    };
  })();
  return loaded;
}
