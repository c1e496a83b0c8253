// Checks that a minified script means what its original means, without the minifier's own code:
//
//   node check-minified.js original.js minified.js
//
// 1. Both parse as classic scripts (V8, through vm.Script).
// 2. This file's own tokenizer reads the same tokens from both, comments and whitespace aside.
// 3. Where the grammar forbids a line break ("no LineTerminator here": after return, break,
//    continue, throw, yield and async, before postfix ++ and -- and before =>), both have a line
//    break or neither has.
//
// With 1 and 2, a dropped line break can change the meaning only through automatic semicolon
// insertion, and its first rule (a semicolon before a token the grammar does not allow) would leave
// the minified script unparsable, which 1 catches; 3 covers the restricted productions.
// Exit status 0 when the scripts agree, 1 with the first difference on standard error.
"use strict";
const fs = require("fs");
const vm = require("vm");

const lineTerminator = /[\n\r\u2028\u2029]/;
const whitespace = /[\t\v\f \u00a0\ufeff\p{Zs}]/u;
const identifierStart = /[\p{ID_Start}$_\\]/u;
const identifierPart = /[\p{ID_Continue}$\\\u200c\u200d]/u;
const number =
  /^(?:0[xX][\da-fA-F_]+n?|0[oO][0-7_]+n?|0[bB][01_]+n?|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?n?)/;
const punctuators = [
  ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
  "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
  "^=", "<<", ">>", "**",
  "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "?", ":",
  "=", ".", "@",
];
// After these words an expression starts, so a `/` begins a regular expression and a `{` an object.
const expressionKeywords = new Set([
  "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
  "yield", "await", "extends",
]);
// A `(` after these starts a statement's head, and a `/` after its `)` a regular expression.
const keywordHeads = new Set(["if", "while", "for", "with"]);
const restrictedAfter = new Set(["return", "break", "continue", "throw", "yield", "async"]);

/** The tokens of `source`: {type, text, lineBreakBefore}. */
function tokenize(source) {
  const tokens = [];
  const braces = []; // "block", "object" or "template" for each open `{` or `${`
  const parens = []; // whether each open `(` follows if, while, for or with
  let i = 0;
  let lineBreak = false;
  const fail = (message) => {
    throw new Error(`${message} at offset ${i}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  const last = () => tokens[tokens.length - 1];
  const isWord = (token, words) =>
    token && token.type === "name" && words.has(token.text) && !isPropertyName(tokens.length - 1);
  const isPropertyName = (index) => index > 0 && (tokens[index - 1].text === "." || tokens[index - 1].text === "?.");
  const push = (type, text) => {
    tokens.push({ type, text, lineBreakBefore: lineBreak });
    lineBreak = false;
  };
  const regexAllowed = () => {
    const previous = last();
    if (!previous) return true;
    switch (previous.type) {
      case "number": case "string": case "template": case "regex": case "private": return false;
      case "name": return isWord(previous, expressionKeywords);
      default:
        if (previous.text === ")") return previous.afterKeywordHead;
        if (previous.text === "}") return previous.closedBlock;
        return !["]", "++", "--"].includes(previous.text);
    }
  };
  const braceKind = () => {
    const previous = last();
    if (!previous) return "block";
    if (previous.type === "name") return isWord(previous, expressionKeywords) ? "object" : "block";
    if ([";", "{", "}", ")", "=>"].includes(previous.text)) return "block";
    if (previous.text === ":") return braces[braces.length - 1] === "object" ? "object" : "block";
    return "object";
  };
  // The rest of a template after its opening backtick or a `}` that ends a substitution.
  const templateRest = (start) => {
    let j = start;
    while (j < source.length) {
      const c = source[j];
      if (c === "\\") j += 2;
      else if (c === "`") return { end: j + 1, substitution: false };
      else if (c === "$" && source[j + 1] === "{") return { end: j + 2, substitution: true };
      else j += 1;
    }
    fail("unterminated template");
  };

  if (source.startsWith("#!")) {
    while (i < source.length && !lineTerminator.test(source[i])) i++;
  }
  while (i < source.length) {
    const c = source[i];
    if (lineTerminator.test(c)) {
      lineBreak = true;
      i++;
    } else if (whitespace.test(c)) {
      i++;
    } else if (source.startsWith("//", i)) {
      while (i < source.length && !lineTerminator.test(source[i])) i++;
    } else if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      if (end < 0) fail("unterminated comment");
      if (lineTerminator.test(source.slice(i, end))) lineBreak = true;
      i = end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) {
        if (lineTerminator.test(source[j])) fail("line break in a string");
        j += source[j] === "\\" ? 2 : 1;
      }
      if (j >= source.length) fail("unterminated string");
      push("string", source.slice(i, j + 1));
      i = j + 1;
    } else if (c === "`") {
      const { end, substitution } = templateRest(i + 1);
      push("template", source.slice(i, end));
      if (substitution) braces.push("template");
      i = end;
    } else if (c === "}" && braces[braces.length - 1] === "template") {
      braces.pop();
      const { end, substitution } = templateRest(i + 1);
      push("template", source.slice(i, end));
      if (substitution) braces.push("template");
      i = end;
    } else if (c === "/" && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (true) {
        if (j >= source.length || lineTerminator.test(source[j])) fail("unterminated regular expression");
        const d = source[j];
        if (d === "\\") j += 2;
        else {
          if (d === "[") inClass = true;
          else if (d === "]") inClass = false;
          else if (d === "/" && !inClass) break;
          j += 1;
        }
      }
      j += 1;
      while (j < source.length && identifierPart.test(source[j])) j++;
      const text = source.slice(i, j);
      const slash = text.lastIndexOf("/");
      try {
        new RegExp(text.slice(1, slash), text.slice(slash + 1));
      } catch (error) {
        fail(`not a regular expression ${text} (${error.message})`);
      }
      push("regex", text);
      i = j;
    } else if (/\d/.test(c) || (c === "." && /\d/.test(source[i + 1] || ""))) {
      const match = number.exec(source.slice(i));
      push("number", match[0]);
      i += match[0].length;
    } else if (identifierStart.test(c) || (c === "#" && identifierStart.test(source[i + 1] || ""))) {
      let j = i + 1;
      while (j < source.length && identifierPart.test(source[j])) j += source[j] === "\\" ? 6 : 1;
      push(c === "#" ? "private" : "name", source.slice(i, j));
      i = j;
    } else {
      let text = punctuators.find((p) => source.startsWith(p, i));
      if (!text) fail("unexpected character");
      if (text === "?." && /\d/.test(source[i + 2] || "")) text = "?"; // a ? .5 : 1
      if (text === "(") parens.push(isWord(last(), keywordHeads));
      if (text === "{") braces.push(braceKind());
      push("punctuator", text);
      if (text === ")") last().afterKeywordHead = parens.pop() === true;
      if (text === "}") last().closedBlock = braces.pop() === "block";
      i += text.length;
    }
  }
  return tokens;
}

/** Whether the grammar forbids a line break before `tokens[index]`. */
function restricted(tokens, index) {
  const previous = tokens[index - 1];
  const token = tokens[index];
  if (!previous) return false;
  const previousIsWord =
    previous.type === "name" && restrictedAfter.has(previous.text) &&
    !(index > 1 && (tokens[index - 2].text === "." || tokens[index - 2].text === "?."));
  return previousIsWord || ["++", "--", "=>"].includes(token.text);
}

function main() {
  const [originalPath, minifiedPath] = process.argv.slice(2);
  const original = fs.readFileSync(originalPath, "utf8");
  const minified = fs.readFileSync(minifiedPath, "utf8");
  for (const [path, source] of [[originalPath, original], [minifiedPath, minified]]) {
    try {
      new vm.Script(source, { filename: path });
    } catch (error) {
      throw new Error(`${path} does not parse: ${error.message}`);
    }
  }
  const a = tokenize(original);
  const b = tokenize(minified);
  const show = (token) => (token ? `${token.type} ${JSON.stringify(token.text)}` : "the end");
  const context = (tokens, index) => tokens.slice(Math.max(0, index - 4), index + 2).map((t) => t.text).join(" ");
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const x = a[index];
    const y = b[index];
    if (!x || !y || x.type !== y.type || x.text !== y.text) {
      throw new Error(
        `token ${index} differs: ${show(x)} in the original, ${show(y)} in the minified script\n` +
          `  original: … ${context(a, index)}\n  minified: … ${context(b, index)}`);
    }
    if (restricted(a, index) && Boolean(x.lineBreakBefore) !== Boolean(y.lineBreakBefore)) {
      throw new Error(
        `token ${index} (${show(x)}) has ${x.lineBreakBefore ? "a" : "no"} line break before it in the original ` +
          `and ${y.lineBreakBefore ? "one" : "none"} in the minified script, where a line break changes the meaning\n` +
          `  original: … ${context(a, index)}`);
    }
  }
  console.log(`${a.length} tokens agree`);
}

try {
  main();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
