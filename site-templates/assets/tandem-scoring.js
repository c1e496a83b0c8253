/**
 * tandem-scoring.js: the browser's way into Tandem's scoring module (scoring.wasm).
 *
 * The numbers come from the same Swift code that `tandem score` runs, compiled to WebAssembly.
 * This file only moves values in and out of the module's memory: it does no scoring arithmetic.
 *
 * It is a classic script (not an ES module) so that it also works from file://, where browsers
 * refuse module scripts and `fetch`. It defines the global `TandemScoring` (or `module.exports`
 * under Node). The module's bytes come as base64 from another external script (zlib-compressed
 * by `tandem build`: about 60% of the plain module's base64), for example
 *
 *     <script src="assets/scoring-wasm.js"></script>   <!-- globalThis.TandemScoringWasm = "eNrtfQ…" -->
 *     <script src="assets/tandem-scoring.js"></script>
 *
 * and the page's Content-Security-Policy must allow 'wasm-unsafe-eval' in script-src.
 *
 * Usage:
 *
 *     const scorer = await TandemScoring.instantiate(TandemScoringWasm);  // base64, bytes or a Module
 *     const questionnaire = {
 *       scale: {min: 1, max: 5},
 *       weights: [1, 1, 2],          // by question position
 *       bandMins: [1, 2.5, 4],       // sorted; bands are identified by index
 *       minAnswered: 2,              // optional; default: all questions
 *       gapThreshold: 1.5,
 *       minGroupSize: 3,
 *     };
 *     scorer.scoreRespondent(questionnaire, [4, null, 5]);
 *     // → {mean: 4.666666666666667, percent: 91.66666666666667, answered: 2, complete: true, band: 2}
 *
 *     scorer.scoreGroup(questionnaire, [{department: "sales", answers: [4, 3, 5]}, …]);
 *     // → {all, sales, marketing: {n, mean, band}, gap: {value, flagged},
 *     //    questions: [{n, mean, distribution, sales: {n, mean}, marketing: {n, mean}, gap}]}
 *
 * Absent numbers are `null` (a mean with nothing answered, a band of an incomplete respondent, a
 * gap without enough answers). Invalid input throws a `TandemScoring.ScoringError` whose `code`
 * names the rule (see `CODES`) and whose `question`, `band` and `respondent` are 0-based positions.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.TandemScoring = factory();
  }
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  /** The export ABI this file speaks; see Wasm/Exports.swift. */
  const ABI_VERSION = 1;
  const HEADER_COUNT = 7;
  const RESPONDENT_OUTPUT_COUNT = 5;
  const DETAIL_COUNT = 3;
  const GROUP_HEADER_COUNT = 11;
  const QUESTION_HEADER_COUNT = 8;

  /** Department tags, as the module numbers them; any other department string is OTHER. */
  const Department = Object.freeze({SALES: 0, MARKETING: 1, OTHER: 2});

  /** Status codes of the module, and which detail slots mean what. */
  const CODES = Object.freeze({
    "-1": ["invalidScale", ["min", "max"]],
    "-2": ["noQuestions", []],
    "-3": ["invalidWeight", ["question"]],
    "-4": ["noBands", []],
    "-5": ["firstBandNotAtScaleMin", []],
    "-6": ["bandsNotSorted", ["band"]],
    "-7": ["bandOutOfScale", ["band"]],
    "-8": ["invalidMinAnswered", ["minAnswered", "questionCount"]],
    "-9": ["invalidGapThreshold", []],
    "-10": ["invalidMinGroupSize", ["minGroupSize"]],
    "-11": ["answerCountMismatch", ["respondent", "expected", "actual"]],
    "-12": ["answerOutOfRange", ["respondent", "question", "value"]],
    "-13": ["malformedQuestionnaire", []],
    "-14": ["answerNotInteger", ["respondent", "question"]],
    "-15": ["invalidDepartment", ["respondent"]],
    "-16": ["negativeCount", []],
  });

  /** An input that the scoring rules reject. */
  class ScoringError extends Error {
    constructor(status, details) {
      const [code, names] = CODES[String(status)] || ["unknownStatus", []];
      const fields = {};
      names.forEach((name, i) => {
        // A respondent of -1 means "the only one": leave it out.
        if (!(name === "respondent" && details[i] === -1)) fields[name] = details[i];
      });
      super(code + (names.length ? " " + JSON.stringify(fields) : ""));
      this.name = "TandemScoringError";
      this.status = status;
      this.code = code;
      Object.assign(this, fields);
    }
  }

  function decodeBase64(text) {
    if (typeof atob === "function") {
      const binary = atob(text);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return bytes;
    }
    return new Uint8Array(Buffer.from(text, "base64"));
  }

  /** An answer as the module reads it: NaN for unanswered; anything else it checks itself. */
  function answerValue(answer) {
    if (answer === null || answer === undefined) return NaN;
    if (typeof answer !== "number") throw new TypeError("an answer must be a number, null or undefined");
    return answer;
  }

  function departmentTag(department) {
    if (department === "sales" || department === Department.SALES) return Department.SALES;
    if (department === "marketing" || department === Department.MARKETING) return Department.MARKETING;
    return Department.OTHER;
  }

  /** The questionnaire block: [min, max, Q, B, minAnswered, gapThreshold, minGroupSize, weights…, bandMins…]. */
  function questionnaireBlock(q) {
    const weights = Array.from(q.weights);
    const bandMins = Array.from(q.bandMins);
    const minAnswered = q.minAnswered === undefined || q.minAnswered === null ? weights.length : q.minAnswered;
    return [q.scale.min, q.scale.max, weights.length, bandMins.length, minAnswered, q.gapThreshold,
      q.minGroupSize].concat(weights, bandMins);
  }

  function orNull(value) {
    return Number.isNaN(value) ? null : value;
  }

  function bandOrNull(value) {
    return value < 0 ? null : value;
  }

  /** Scores with one instance of the module. Not safe for reentrant use; make one per worker. */
  class Scorer {
    constructor(exports) {
      this.exports = exports;
      this.memory = exports.memory;
    }

    /**
     * Calls `body` with `counts.length` fresh f64 buffers (pointers), filled from `inputs`
     * (arrays, or null for an output buffer), and frees them afterwards.
     */
    withBuffers(inputs, counts, body) {
      const pointers = counts.map((count) => {
        const pointer = this.exports.tandem_alloc(Math.max(count, DETAIL_COUNT) * 8);
        if (pointer === 0) throw new RangeError("the scoring module is out of memory");
        return pointer;
      });
      try {
        // Allocating can grow memory, which detaches earlier views: make views only now.
        inputs.forEach((values, i) => {
          if (values) new Float64Array(this.memory.buffer, pointers[i], values.length).set(values);
        });
        return body(pointers);
      } finally {
        pointers.forEach((pointer) => this.exports.tandem_free(pointer));
      }
    }

    read(pointer, count) {
      return Array.from(new Float64Array(this.memory.buffer, pointer, count));
    }

    check(status, out) {
      if (status < 0) throw new ScoringError(status, this.read(out, DETAIL_COUNT));
      return status;
    }

    /**
     * Validates a questionnaire.
     * @throws {ScoringError} when it breaks a rule.
     */
    checkQuestionnaire(questionnaire) {
      const block = questionnaireBlock(questionnaire);
      this.withBuffers([block, null], [block.length, DETAIL_COUNT], ([q, out]) => {
        this.check(this.exports.tandem_check_questionnaire(q, block.length, out), out);
      });
    }

    /**
     * Scores one respondent (docs/scoring.md, rule 2).
     * @param questionnaire the numeric questionnaire (see the file header).
     * @param answers one entry per question, by position: an integer on the scale, or null.
     * @returns {{mean: ?number, percent: ?number, answered: number, complete: boolean, band: ?number}}
     * @throws {ScoringError} when the questionnaire or an answer is invalid.
     */
    scoreRespondent(questionnaire, answers) {
      const block = questionnaireBlock(questionnaire);
      const values = Array.from(answers, answerValue);
      return this.withBuffers(
        [block, values, null],
        [block.length, values.length, RESPONDENT_OUTPUT_COUNT],
        ([q, a, out]) => {
          this.check(this.exports.tandem_score_respondent(q, block.length, a, values.length, out), out);
          const [mean, percent, answered, complete, band] = this.read(out, RESPONDENT_OUTPUT_COUNT);
          return {mean: orNull(mean), percent: orNull(percent), answered, complete: complete === 1, band: bandOrNull(band)};
        },
      );
    }

    /**
     * Scores a group, its sales and marketing parts, and the gap between them (docs/scoring.md, rules 3 and 4).
     * @param questionnaire the numeric questionnaire.
     * @param respondents [{department: "sales" | "marketing" | any string, answers: [...]}], in
     *   the order the results were read (the overall mean sums in this order).
     * @throws {ScoringError} when the questionnaire or an answer is invalid.
     */
    scoreGroup(questionnaire, respondents) {
      const block = questionnaireBlock(questionnaire);
      const questionCount = block[2];
      const data = [];
      respondents.forEach((respondent, index) => {
        // The rows have a fixed stride, so a wrong count must be caught before laying them out.
        if (respondent.answers.length !== questionCount) {
          throw new ScoringError(-11, [index, questionCount, respondent.answers.length]);
        }
        data.push(departmentTag(respondent.department));
        for (const answer of respondent.answers) data.push(answerValue(answer));
      });
      return this.withBuffers([block, null], [block.length, DETAIL_COUNT], ([q, detail]) => {
        const outCount = this.check(this.exports.tandem_group_output_count(q, block.length, detail), detail);
        return this.withBuffers([data, null], [data.length, outCount], ([d, out]) => {
          this.check(this.exports.tandem_score_group(q, block.length, d, respondents.length, out), out);
          return decodeGroup(this.read(out, outCount), questionCount);
        });
      });
    }
  }

  function decodeGroup(values, questionCount) {
    let i = 0;
    const next = () => values[i++];
    const group = () => ({n: next(), mean: orNull(next()), band: bandOrNull(next())});
    const part = () => ({n: next(), mean: orNull(next())});
    const gap = () => ({value: orNull(next()), flagged: next() === 1});
    const all = group();
    const sales = group();
    const marketing = group();
    const overallGap = gap();
    const width = (values.length - GROUP_HEADER_COUNT) / questionCount - QUESTION_HEADER_COUNT;
    const questions = [];
    for (let question = 0; question < questionCount; question++) {
      const {n, mean} = part();
      const entry = {n, mean, sales: part(), marketing: part(), gap: gap()};
      entry.distribution = values.slice(i, i + width);
      i += width;
      questions.push(entry);
    }
    return {all, sales, marketing, gap: overallGap, questions};
  }

  /**
   * The module's bytes, inflated when they are zlib-compressed (as `tandem build` ships them:
   * a module starts with "\0asm", a zlib stream with 0x78).
   */
  async function inflated(bytes) {
    if (bytes[0] !== 0x78) return bytes;
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  /**
   * Compiles and instantiates the scoring module.
   * @param source the module as base64 text (of the module's bytes, or of them zlib-compressed),
   *   bytes (ArrayBuffer or typed array), or a compiled WebAssembly.Module.
   * @returns {Promise<Scorer>}
   */
  async function instantiate(source) {
    const bytesOrModule = typeof source === "string" ? await inflated(decodeBase64(source)) : source;
    const result = await WebAssembly.instantiate(bytesOrModule, {});
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const version = instance.exports.tandem_abi_version();
    if (version !== ABI_VERSION) {
      throw new Error(`scoring.wasm speaks ABI ${version}; tandem-scoring.js expects ${ABI_VERSION}`);
    }
    return new Scorer(instance.exports);
  }

  return {instantiate, Department, ScoringError, CODES, ABI_VERSION};
});
