/**
 * Splits a string into words as a POSIX shell (and Python's shlex.split, which pex uses for --inject-args)
 * does: whitespace separates, '…' keeps everything, "…" keeps everything but \" \\ \$ \`, a backslash
 * outside quotes escapes the next character. Also pip's reading of a requirements line's options.
 */
export function shellWords(text: string, fail: (why: string) => never): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) fail("has an unclosed ' quote");
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      inWord = true;
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1])) j++;
        word += text[j];
      }
      if (j >= text.length) fail('has an unclosed " quote');
      i = j;
    } else if (c === '\\') {
      if (i + 1 >= text.length) fail('ends with a lone backslash');
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
