const rules = new Intl.PluralRules("en-US");

/** The word for `count` things: pick("one", "other") by English plural rules. */
export function pluralWord(count: number, one: string, other = `${one}s`): string {
  return rules.select(count) === "one" ? one : other;
}

/** "1 task", "3 tasks": the count with the word that goes with it. */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count} ${pluralWord(count, one, other)}`;
}
