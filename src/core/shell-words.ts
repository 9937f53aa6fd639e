/**
 * Splits a string into words as a POSIX shell (and Python's shlex.split, which pex uses for --inject-args)
 * does: whitespace separates, '…' keeps everything, "…" keeps everything but \" \\ \$ \`, a backslash
 * outside quotes escapes the next character.
 */
import { UsageError } from '../errors.js';

export function shellWords(text: string, flag: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new UsageError(`${flag} '${text}' has an unclosed ' quote.`);
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
      if (j >= text.length) throw new UsageError(`${flag} '${text}' has an unclosed " quote.`);
      i = j;
    } else if (c === '\\') {
      if (i + 1 >= text.length) throw new UsageError(`${flag} '${text}' ends with a lone backslash.`);
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
