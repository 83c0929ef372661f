// A command line typed in the inspector, split into the program and its
// arguments as a POSIX shell would split words (quotes and backslashes; no
// variables, globs or pipes: the handler runs the program directly), and
// joined back for showing.

/** Splits line into words; an unclosed quote is an error. */
export function splitCommand(line: string): { argv: string[]; error: string | null } {
  const argv: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) argv.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { argv: [], error: `a ${quote === "'" ? "single" : "double"} quote is not closed` };
  if (inWord) argv.push(word);
  return { argv, error: null };
}

/** Joins argv into a line splitCommand reads back the same (as the trust card shows it). */
export function joinCommand(argv: string[]): string {
  return argv.map((a) => (a !== "" && !/[\s'"\\$`!*?[\]{}()<>|&;#~]/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(" ");
}
