export const id = 411;
export const ids = [411];
export const modules = {

/***/ 7411:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $p: () => (/* binding */ driftOf),
  gK: () => (/* binding */ findPipelineDoc),
  rV: () => (/* binding */ loadRepository),
  CP: () => (/* binding */ pipelineDrift)
});

// UNUSED EXPORTS: pipelineNameOf

// EXTERNAL MODULE: ./build/core/config/buildspec.js
var buildspec = __webpack_require__(9310);
// EXTERNAL MODULE: ./build/core/config/decode.js
var decode = __webpack_require__(5659);
// EXTERNAL MODULE: ./build/core/config/detect.js
var detect = __webpack_require__(8742);
;// CONCATENATED MODULE: ./build/core/config/position.js
/** Line starts of a text; `\r\n`, `\n` and lone `\r` all end a line. */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        if (!text.includes('\r')) {
            // The common case, found by the string search rather than char by char.
            for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
                this.starts.push(i + 1);
            return;
        }
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10)
                this.starts.push(i + 1);
            else if (c === 13 && text.charCodeAt(i + 1) !== 10)
                this.starts.push(i + 1);
        }
    }
    get lineCount() {
        return this.starts.length;
    }
    at(offset) {
        const o = Math.max(0, Math.min(offset, this.text.length));
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= o)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: o - this.starts[lo] + 1 };
    }
    /** Offset of the first character of a 1-based line. */
    lineStart(line) {
        return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
    }
    /** The text of a 1-based line without its line break. */
    lineText(line) {
        const start = this.lineStart(line);
        const next = line < this.starts.length ? this.starts[line] : this.text.length;
        return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
    }
}
function rangeOf(locator, start, end) {
    return { start: locator.at(start), end: locator.at(Math.max(start, end)) };
}
/** The whole first line: where file-level findings go. */
const FILE_START = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

;// CONCATENATED MODULE: ./build/core/config/dockerfile.js

const KEYWORD = /^\s*([A-Za-z]+)(\s+|$)/;
/**
 * Reads a Dockerfile into instructions with positions. Continuation lines end
 * in the escape character (`\`, or the one set by an `# escape=` directive);
 * `RUN <<EOF` heredoc bodies are kept inside their instruction.
 */
function parseDockerfile(text, locator) {
    const lines = text.split(/\r\n|\n|\r/);
    const offsets = [];
    {
        let o = 0;
        const re = /\r\n|\n|\r/g;
        offsets.push(0);
        let m;
        while ((m = re.exec(text)))
            offsets.push((o = m.index + m[0].length));
        void o;
    }
    let escape = '\\';
    const instructions = [];
    const stages = [];
    let i = 0;
    let directives = true;
    while (i < lines.length) {
        const line = lines[i];
        if (/^\s*#/.test(line) || line.trim() === '') {
            const d = directives && /^\s*#\s*escape\s*=\s*([\\`])\s*$/i.exec(line);
            if (d)
                escape = d[1];
            if (line.trim() !== '' && !/^\s*#\s*\w+\s*=/.test(line))
                directives = false;
            i++;
            continue;
        }
        directives = false;
        const m = KEYWORD.exec(line);
        const startLine = i;
        const parts = [];
        let cur = line;
        const heredocs = [];
        for (;;) {
            const trimmed = cur.replace(/\s+$/, '');
            if (cur.includes('<<'))
                for (const h of cur.matchAll(/<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g))
                    heredocs.push(h[1]);
            if (trimmed.endsWith(escape) && i + 1 < lines.length) {
                parts.push(trimmed.slice(0, -1));
                i++;
                // Comment lines inside a continued instruction are removed by Docker.
                while (i < lines.length && /^\s*#/.test(lines[i]))
                    i++;
                cur = lines[i] ?? '';
                continue;
            }
            parts.push(cur);
            break;
        }
        // Heredoc bodies (BuildKit syntax) belong to the instruction.
        for (const tag of heredocs) {
            while (i + 1 < lines.length) {
                i++;
                parts.push(lines[i]);
                if (lines[i].trim() === tag)
                    break;
            }
        }
        const endLine = i;
        i++;
        const keyword = m ? m[1].toUpperCase() : line.trim().split(/\s+/)[0].toUpperCase();
        const joined = parts.join(' ');
        const kwLen = m ? m[0].length : 0;
        const args = joined.slice(kwLen).trim();
        const start = offsets[startLine] + (line.length - line.trimStart().length);
        const end = offsets[endLine] + (lines[endLine]?.length ?? 0);
        const argsStart = offsets[startLine] + Math.min(kwLen, line.length);
        const ins = {
            keyword,
            args,
            range: rangeOf(locator, start, end),
            argsRange: rangeOf(locator, argsStart, end),
            stage: stages.length - 1,
        };
        if (keyword === 'FROM') {
            const words = args.split(/\s+/).filter(Boolean);
            const flags = words.filter((w) => w.startsWith('--'));
            const rest = words.filter((w) => !w.startsWith('--'));
            const platform = flags.find((f) => f.startsWith('--platform='))?.slice('--platform='.length);
            const asIdx = rest.findIndex((w) => w.toLowerCase() === 'as');
            ins.stage = stages.length;
            stages.push({
                index: stages.length,
                image: rest[0] ?? '',
                name: asIdx >= 0 ? rest[asIdx + 1]?.toLowerCase() : undefined,
                platform,
                from: ins,
                instructions: [],
            });
        }
        instructions.push(ins);
        if (stages.length > 0)
            stages[stages.length - 1].instructions.push(ins);
    }
    return { instructions, stages };
}

// EXTERNAL MODULE: ./build/core/config/heredoc.js + 1 modules
var heredoc = __webpack_require__(2543);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
;// CONCATENATED MODULE: ./build/core/config/depth.js
/** Deepest nesting any real configuration file of ours needs is far below this. */
const MAX_DEPTH = 256;
/**
 * Finds the offset where bracket nesting first exceeds the limit, skipping
 * quoted strings, so that pathological input is refused before a recursive
 * parser could exhaust the stack.
 */
function excessiveNesting(text, limit = MAX_DEPTH) {
    let depth = 0;
    let quote = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (quote) {
            if (c === 92 /* \ */ && quote === 34)
                i++;
            else if (c === quote)
                quote = 0;
            continue;
        }
        if (c === 34 /* " */)
            quote = 34;
        else if (c === 91 || c === 123) {
            if (++depth > limit)
                return i;
        }
        else if (c === 93 || c === 125)
            depth = Math.max(0, depth - 1);
    }
    return undefined;
}
/**
 * YAML nests by indentation and by compact `- ` and `? ` indicators as well as
 * by brackets; the yaml package recurses once per level and overflows the
 * stack near 900. A line whose indentation plus chained indicators exceeds
 * this is refused (no real buildspec or appspec comes near it).
 */
const MAX_YAML_INDENT = 512;
function excessiveYamlIndent(text) {
    let lineStart = 0;
    while (lineStart < text.length) {
        let i = lineStart;
        let depth = 0;
        for (;;) {
            const c = text.charCodeAt(i);
            if (c === 32 || c === 9) {
                depth++;
                i++;
            }
            else if ((c === 45 /* - */ || c === 63 /* ? */) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
                depth += 2;
                i += 2;
            }
            else
                break;
            if (depth > MAX_YAML_INDENT)
                return i;
        }
        const nl = text.indexOf('\n', i);
        if (nl < 0)
            break;
        lineStart = nl + 1;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./build/core/config/parsed-node.js

/**
 * A parsed value that keeps its offsets and turns them into a Range only when
 * asked. Most values are never reported: an eager Range (three objects and
 * two line look-ups per value) was a large share of parsing and of garbage
 * collection on big trees. Every node of both parsers is of this one class, so
 * that property reads in the rules see one shape. The Range, once built, is
 * kept: a node answers the same object every time, as a plain one did.
 */
class ParsedNode {
    type;
    value = undefined;
    entries = undefined;
    items = undefined;
    quoted = undefined;
    tag = undefined;
    /** YAML: the scalar as written, from the yaml package. */
    raw = undefined;
    start;
    end;
    from;
    cached = undefined;
    constructor(type, from, start, end) {
        this.type = type;
        this.from = from;
        this.start = start;
        this.end = end;
    }
    get range() {
        return (this.cached ??= rangeOf(this.from.locator, this.start, this.end));
    }
    get source() {
        if (this.raw !== undefined || this.from.text === undefined || this.type === 'object' || this.type === 'array')
            return this.raw;
        return this.from.text.slice(this.start, this.end);
    }
}
/** An object member; its key's range is computed from offsets when asked, like a node's. */
class ParsedEntry {
    key;
    value;
    from;
    start;
    end;
    constructor(key, at, value) {
        this.key = key;
        this.value = value;
        this.from = at.from;
        this.start = at.start;
        this.end = at.end;
    }
    get keyRange() {
        return rangeOf(this.from.locator, this.start, this.end);
    }
}

;// CONCATENATED MODULE: ./build/core/config/json-fast.js


/**
 * A reader for valid JSON without escapes in its strings (what task
 * definitions and pipeline files are), giving exactly the nodes the
 * jsonc-parser path gives, faster and with less garbage. Anything else (a
 * syntax error, an escape, a control character, a comment) gives undefined
 * and the caller parses with jsonc-parser, which reports the error.
 */
function readSimpleJson(text, from, problems) {
    const r = new JsonReader(text, from);
    const root = r.document();
    if (!root)
        return undefined;
    problems.push(...r.duplicates);
    return root;
}
const FEW_KEYS = 16;
class JsonReader {
    text;
    from;
    duplicates = [];
    pos = 0;
    constructor(text, from) {
        this.text = text;
        this.from = from;
    }
    document() {
        this.space();
        const root = this.value();
        if (!root)
            return undefined;
        this.space();
        return this.pos === this.text.length ? root : undefined;
    }
    space() {
        const t = this.text;
        for (;;) {
            const c = t.charCodeAt(this.pos);
            if (c === 32 || c === 10 || c === 13 || c === 9)
                this.pos++;
            else
                return;
        }
    }
    value() {
        const t = this.text;
        const c = t.charCodeAt(this.pos);
        if (c === 123)
            return this.object();
        if (c === 91)
            return this.array();
        if (c === 34) {
            const start = this.pos;
            const s = this.string();
            if (s === undefined)
                return undefined;
            return this.scalar('string', start, s);
        }
        if (c === 45 || (c >= 48 && c <= 57))
            return this.number();
        for (const [word, v] of [['true', true], ['false', false], ['null', null]]) {
            if (t.startsWith(word, this.pos) && !isWordChar(t.charCodeAt(this.pos + word.length))) {
                const start = this.pos;
                this.pos += word.length;
                return this.scalar(v === null ? 'null' : 'boolean', start, v);
            }
        }
        return undefined;
    }
    scalar(type, start, value) {
        const node = new ParsedNode(type, this.from, start, this.pos);
        node.value = value;
        return node;
    }
    /** A string without escapes or control characters (the others are jsonc-parser's); the position moves past it. */
    string() {
        const t = this.text;
        const start = this.pos + 1;
        for (let i = start; i < t.length; i++) {
            const c = t.charCodeAt(i);
            if (c === 34) {
                this.pos = i + 1;
                return t.slice(start, i);
            }
            if (c === 92 || c < 32)
                return undefined;
        }
        return undefined;
    }
    number() {
        const m = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
        m.lastIndex = this.pos;
        const found = m.exec(this.text);
        if (!found)
            return undefined;
        const start = this.pos;
        this.pos += found[0].length;
        // `01`, `1.`, `1e`: jsonc-parser's errors.
        const next = this.text.charCodeAt(this.pos);
        if ((next >= 48 && next <= 57) || next === 46 || next === 101 || next === 69 || isWordChar(next))
            return undefined;
        return this.scalar('number', start, Number(found[0]));
    }
    object() {
        const node = new ParsedNode('object', this.from, this.pos, this.pos);
        const entries = [];
        node.entries = entries;
        let keys;
        this.pos++;
        this.space();
        if (this.text.charCodeAt(this.pos) === 125) {
            this.pos++;
            node.end = this.pos;
            return node;
        }
        for (;;) {
            if (this.text.charCodeAt(this.pos) !== 34)
                return undefined;
            const keyStart = this.pos;
            const key = this.string();
            if (key === undefined)
                return undefined;
            const keyAt = { from: this.from, start: keyStart, end: this.pos };
            // The same test as the jsonc-parser path, in the same order.
            let duplicate;
            if (!keys && entries.length < FEW_KEYS)
                duplicate = entries.some((e) => e.key === key);
            else {
                keys ??= new Set(entries.map((e) => e.key));
                duplicate = keys.has(key);
                keys.add(key);
            }
            if (duplicate)
                this.duplicates.push({ kind: 'duplicate-key', range: rangeOf(this.from.locator, keyStart, keyAt.end), message: `duplicate key "${key}": only the last one counts` });
            this.space();
            if (this.text.charCodeAt(this.pos) !== 58)
                return undefined;
            this.pos++;
            this.space();
            const value = this.value();
            if (!value)
                return undefined;
            entries.push(new ParsedEntry(key, keyAt, value));
            this.space();
            const c = this.text.charCodeAt(this.pos);
            this.pos++;
            if (c === 125) {
                node.end = this.pos;
                return node;
            }
            if (c !== 44)
                return undefined;
            this.space();
        }
    }
    array() {
        const node = new ParsedNode('array', this.from, this.pos, this.pos);
        const items = [];
        node.items = items;
        this.pos++;
        this.space();
        if (this.text.charCodeAt(this.pos) === 93) {
            this.pos++;
            node.end = this.pos;
            return node;
        }
        for (;;) {
            const value = this.value();
            if (!value)
                return undefined;
            items.push(value);
            this.space();
            const c = this.text.charCodeAt(this.pos);
            this.pos++;
            if (c === 93) {
                node.end = this.pos;
                return node;
            }
            if (c !== 44)
                return undefined;
            this.space();
        }
    }
}
/** Characters jsonc-parser reads as part of a word (`truex` is not `true`). */
function isWordChar(c) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}

;// CONCATENATED MODULE: ./build/core/config/json.js





const MESSAGES = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name in double quotes is expected',
    ValueExpected: 'a value is expected',
    ColonExpected: 'a colon is expected',
    CommaExpected: 'a comma is expected',
    CloseBraceExpected: 'a closing brace `}` is expected',
    CloseBracketExpected: 'a closing bracket `]` is expected',
    EndOfFileExpected: 'the document should end here',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'a comment is not closed',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfNumber: 'a number is not complete',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};
/** Parses strict JSON into position-carrying nodes; never throws. */
function parseJson(text, locator) {
    const problems = [];
    const deep = excessiveNesting(text);
    if (deep !== undefined) {
        problems.push({
            kind: 'syntax',
            range: rangeOf(locator, deep, deep + 1),
            message: `JSON nesting is deeper than ${MAX_DEPTH} levels; this is not a configuration file`,
        });
        return { problems };
    }
    if (text.trim() === '') {
        problems.push({ kind: 'syntax', range: rangeOf(locator, 0, 0), message: 'the file is empty; a JSON document is expected' });
        return { problems };
    }
    // Valid JSON without escapes (most task definitions and pipelines) is read without jsonc-parser, to the same nodes.
    const simple = readSimpleJson(text, { locator, text }, problems);
    if (simple)
        return { root: simple, problems };
    return readWithJsonc(text, locator);
}
/** jsonc-parser's reading, built into nodes (parseJson's path for what readSimpleJson leaves). */
function readWithJsonc(text, locator) {
    const problems = [];
    const errors = [];
    const duplicates = [];
    const root = build(text, locator, { errors, duplicates });
    if (errors.length > 0) {
        const e = errors[0];
        const code = (0,main.printParseErrorCode)(e.error);
        problems.push({
            kind: 'syntax',
            range: rangeOf(locator, e.offset, e.offset + Math.max(1, e.length)),
            message: `invalid JSON: ${MESSAGES[code] ?? code}`,
        });
        return { problems };
    }
    if (!root)
        return { problems };
    problems.push(...duplicates);
    return { root, problems };
}
/** Up to this many members, a duplicate key is looked for among the entries themselves. */
const json_FEW_KEYS = 16;
function isDuplicate(open, name) {
    const entries = open.node.entries;
    if (!open.keys) {
        if (entries.length < json_FEW_KEYS)
            return entries.some((e) => e.key === name);
        open.keys = new Set(entries.map((e) => e.key));
    }
    if (open.keys.has(name))
        return true;
    open.keys.add(name);
    return false;
}
/**
 * Builds the nodes straight from the parser's events (what jsonc-parser's
 * parseTree does, without its intermediate tree). The result only counts when
 * no error was found; duplicate keys are collected in document order.
 */
function build(text, locator, found) {
    const from = { locator, text };
    const stack = [];
    let root;
    const add = (node) => {
        const top = stack[stack.length - 1];
        if (!top)
            root ??= node;
        else if (top.node.entries) {
            if (top.key !== undefined)
                top.node.entries.push(new ParsedEntry(top.key, top, node));
            top.key = undefined;
        }
        else
            top.node.items.push(node);
    };
    const close = (offset, length) => {
        const top = stack.pop();
        if (top)
            top.node.end = offset + length;
    };
    (0,main.visit)(text, {
        onObjectBegin: (offset) => {
            const node = new ParsedNode('object', from, offset, offset);
            node.entries = [];
            add(node);
            stack.push({ node, from, key: undefined, start: 0, end: 0 });
        },
        onObjectProperty: (name, offset, length) => {
            const top = stack[stack.length - 1];
            if (isDuplicate(top, name))
                found.duplicates.push({ kind: 'duplicate-key', range: rangeOf(locator, offset, offset + length), message: `duplicate key "${name}": only the last one counts` });
            top.key = name;
            top.start = offset;
            top.end = offset + length;
        },
        onObjectEnd: close,
        onArrayBegin: (offset) => {
            const node = new ParsedNode('array', from, offset, offset);
            node.items = [];
            add(node);
            stack.push({ node, from, key: undefined, start: 0, end: 0 });
        },
        onArrayEnd: close,
        onLiteralValue: (value, offset, length) => {
            const type = typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'null';
            const node = new ParsedNode(type, from, offset, offset + length);
            node.value = type === 'null' ? null : value;
            add(node);
        },
        onError: (error, offset, length) => {
            found.errors.push({ error, offset, length });
        },
    }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    return root;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./build/core/config/yaml-fast.js

/**
 * A reader for the plain YAML most buildspecs and appspecs are written in:
 * block mappings and sequences, one-line plain and quoted scalars, comments.
 * It gives exactly the nodes the `yaml` package gives (values by the YAML 1.2
 * core schema, the same ranges, duplicate keys in the same order) in a small
 * part of the time and memory: on a large tree the `yaml` package's lexer and
 * parser were over half of all allocation. Anything else (anchors, tags, flow
 * collections, block scalars, multi-line scalars, escapes, tabs, non-ASCII,
 * unusual comments) gives undefined, and the caller uses the `yaml` package:
 * this reader never decides a question the full parser would answer
 * differently, and a test compares both on every YAML file of the corpus and
 * on mutations of them.
 */
function readSimpleYaml(text, from, problems) {
    try {
        const r = new Reader(text, from);
        const root = r.document();
        if (!root)
            return undefined;
        problems.push(...r.duplicates);
        return root;
    }
    catch (e) {
        if (e instanceof NotSimple)
            return undefined;
        throw e;
    }
}
class NotSimple extends Error {
}
function notSimple() {
    throw new NotSimple();
}
const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;
/** Beyond this, the full parser's limit on values applies: it says so. */
const MAX_NODES = 200_000;
/** Characters a plain scalar may not start with (YAML indicators). */
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
class Reader {
    text;
    from;
    duplicates = [];
    lines = [];
    count = 0;
    constructor(text, from) {
        this.text = text;
        this.from = from;
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            // Tabs, CR, other control characters and non-ASCII text have rules of their own: the full parser's.
            if ((c < 32 && c !== 10) || c > 126)
                notSimple();
        }
        for (let start = 0; start <= text.length;) {
            let end = text.indexOf('\n', start);
            if (end < 0)
                end = text.length;
            let indent = 0;
            while (start + indent < end && text.charCodeAt(start + indent) === 32)
                indent++;
            const kind = start + indent === end ? BLANK : text[start + indent] === '#' ? COMMENT : CONTENT;
            if (kind === CONTENT && indent === 0 && /^(?:---|\.\.\.)(?:\s|$)|^%/.test(text.slice(start, start + 4)))
                notSimple();
            this.lines.push({ start, end, indent, kind });
            if (end === text.length)
                break;
            start = end + 1;
        }
    }
    document() {
        const first = this.nextContent(0);
        if (first.line < 0 || this.lines[first.line].indent !== 0)
            return undefined;
        const { node, next } = this.map(first.line, 0);
        if (next >= 0)
            notSimple();
        return node;
    }
    /** The next content line from `i` on, and whether comment lines came before it. */
    nextContent(i) {
        let comments = false;
        let indentedComments = false;
        for (; i < this.lines.length; i++) {
            const l = this.lines[i];
            if (l.kind === CONTENT)
                return { line: i, comments, indentedComments };
            if (l.kind === COMMENT) {
                comments = true;
                if (l.indent > 0)
                    indentedComments = true;
            }
        }
        return { line: -1, comments, indentedComments };
    }
    node(type, start, end) {
        if (++this.count > MAX_NODES)
            notSimple();
        return new ParsedNode(type, this.from, start, end);
    }
    /** Where the key of a mapping entry starting at `pos` ends (its `:`), or -1 when the text there is not an entry. */
    entryColon(pos, end) {
        const c = this.text[pos];
        if (c === '"' || c === "'") {
            // A quoted key, or a quoted scalar followed by `:`: the full parser's.
            const close = this.text.indexOf(c, pos + 1);
            if (close >= 0 && close < end && /^\s*:/.test(this.text.slice(close + 1, end)))
                notSimple();
            return -1;
        }
        for (let i = pos; i < end; i++) {
            const ch = this.text[i];
            if (ch === '#' && i > pos && this.text[i - 1] === ' ')
                return -1;
            if (ch === ':' && (i + 1 === end || this.text[i + 1] === ' '))
                return i;
        }
        return -1;
    }
    isSeqItem(pos, end) {
        return this.text[pos] === '-' && (pos + 1 === end || this.text[pos + 1] === ' ');
    }
    /** A block mapping whose first key is at column `col` of line `li` (mid-line after `- `, for a compact one). */
    map(li, col) {
        const t = this.text;
        const first = this.lines[li];
        const node = this.node('object', first.start + col, first.start + col);
        node.entries = [];
        const seen = new Set();
        let line = li;
        let at = first.start + col;
        for (;;) {
            const l = this.lines[line];
            const colon = this.entryColon(at, l.end);
            if (colon < 0)
                notSimple();
            // `key :` and keys that begin with an indicator are left to the full parser.
            if (colon === at || t[colon - 1] === ' ' || INDICATORS.has(t[at]))
                notSimple();
            const keyText = t.slice(at, colon);
            const keyNode = this.plain(at, colon, keyText);
            const key = keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
            if (seen.has(key))
                this.duplicates.push({ kind: 'duplicate-key', range: keyNode.range, message: `duplicate key "${key}": only one of them is used` });
            seen.add(key);
            const v = this.value({ line, from: colon + 1, col, allowSameIndentSeq: true });
            node.entries.push(new ParsedEntry(key, keyNode, v.node));
            node.end = v.end;
            const n = v.next;
            // A collection's range ends where its last value's does; after an empty last value, or indented comments
            // after the last item, that depends on the surrounding lines in ways left to the full parser.
            if ((n.line < 0 || this.lines[n.line].indent < col) && (n.indentedComments || v.empty))
                notSimple();
            if (n.line < 0)
                return { node, next: -1 };
            const nl = this.lines[n.line];
            if (nl.indent === col && !this.isSeqItem(nl.start + col, nl.end)) {
                line = n.line;
                at = nl.start + col;
                continue;
            }
            if (nl.indent < col)
                return { node, next: n.line };
            notSimple();
        }
    }
    /** A block sequence whose dashes are at column `col`, the first on line `li`. */
    seq(li, col, parentCol) {
        const first = this.lines[li];
        const node = this.node('array', first.start + col, first.start + col);
        node.items = [];
        let line = li;
        for (;;) {
            const l = this.lines[line];
            const dash = l.start + col;
            const v = this.value({ line, from: dash + 1, col, allowSameIndentSeq: false, item: true });
            node.items.push(v.node);
            node.end = v.end;
            const n = v.next;
            if ((n.line < 0 || this.lines[n.line].indent <= col) && (n.indentedComments || v.empty))
                notSimple();
            if (n.line < 0)
                return { node, next: -1 };
            const nl = this.lines[n.line];
            if (nl.indent === col && this.isSeqItem(nl.start + col, nl.end)) {
                line = n.line;
                continue;
            }
            // Back to the parent: a less indented line, or the parent map's next key at the same column.
            if (nl.indent < col || (nl.indent === col && col === parentCol))
                return { node, next: n.line };
            notSimple();
        }
    }
    /**
     * What follows an indicator (`key:` or `-`) that ends at `from` on `line`:
     * an inline scalar, a compact mapping (sequence items), a nested block on
     * the next lines, or nothing (null). Returns the node, where its range ends
     * (what the parent's range ends with), and the next content line.
     */
    value(o) {
        const t = this.text;
        const l = this.lines[o.line];
        let p = o.from;
        while (p < l.end && t[p] === ' ')
            p++;
        if (p < l.end) {
            if (p === o.from)
                notSimple();
            if (t[p] === '#')
                notSimple();
            if (o.item) {
                if (this.isSeqItem(p, l.end))
                    notSimple();
                if (this.entryColon(p, l.end) >= 0) {
                    const m = this.map(o.line, p - l.start);
                    return { node: m.node, end: m.node.end, next: m.next < 0 ? { line: -1, comments: false, indentedComments: false } : this.nextContent(m.next) };
                }
            }
            const scalar = this.inline(p, l.end);
            const next = this.nextContent(o.line + 1);
            // A scalar's range ends after its line break; the next line may not continue it.
            if (next.line >= 0 && this.lines[next.line].indent > o.col)
                notSimple();
            return { node: scalar, end: l.end < t.length ? l.end + 1 : l.end, next };
        }
        const next = this.nextContent(o.line + 1);
        if (next.line >= 0) {
            const nl = this.lines[next.line];
            const nested = nl.indent > o.col || (o.allowSameIndentSeq && nl.indent === o.col && this.isSeqItem(nl.start + nl.indent, nl.end));
            if (nested) {
                if (next.comments)
                    notSimple();
                const b = this.isSeqItem(nl.start + nl.indent, nl.end) ? this.seq(next.line, nl.indent, o.col) : this.map(next.line, nl.indent);
                return { node: b.node, end: b.node.end, next: b.next < 0 ? { line: -1, comments: false, indentedComments: false } : this.nextContent(b.next) };
            }
        }
        // An empty value, placed after the blanks that follow its indicator; a comment after it would extend its range.
        if (next.comments)
            notSimple();
        const empty = this.node('null', p, p);
        empty.value = null;
        empty.quoted = false;
        empty.raw = '';
        return { node: empty, end: p, next, empty: true };
    }
    /** A scalar on one line from `p`: quoted, or plain up to a comment. */
    inline(p, end) {
        const t = this.text;
        const q = t[p];
        if (q === '"' || q === "'") {
            let i = p + 1;
            let value = '';
            for (;;) {
                const close = t.indexOf(q, i);
                if (close < 0 || close >= end)
                    notSimple();
                const part = t.slice(i, close);
                // Escapes are the full parser's.
                if (q === '"' && part.includes('\\'))
                    notSimple();
                value += part;
                if (q === "'" && t[close + 1] === "'") {
                    value += "'";
                    i = close + 2;
                    continue;
                }
                i = close + 1;
                break;
            }
            // After the closing quote: blanks, then a comment or the end of the line.
            let k = i;
            while (k < end && t[k] === ' ')
                k++;
            if (k < end && (t[k] !== '#' || k === i))
                notSimple();
            const node = this.node('string', p, i);
            node.value = value;
            node.quoted = true;
            node.raw = value;
            return node;
        }
        if (INDICATORS.has(q))
            notSimple();
        let stop = end;
        for (let i = p; i < end; i++) {
            if (t[i] === '#' && t[i - 1] === ' ') {
                stop = i;
                break;
            }
            // `a: b: c` and a value ending in `:` are mappings the full parser rejects or reads otherwise.
            if (t[i] === ':' && (i + 1 === end || t[i + 1] === ' '))
                notSimple();
        }
        while (stop > p && t[stop - 1] === ' ')
            stop--;
        return this.plain(p, stop, t.slice(p, stop));
    }
    /** A plain scalar, typed by the YAML 1.2 core schema as the `yaml` package types it. */
    plain(start, end, s) {
        const resolved = coreValue(s);
        const node = this.node(resolved === null ? 'null' : typeof resolved === 'number' ? 'number' : typeof resolved === 'boolean' ? 'boolean' : 'string', start, end);
        node.value = resolved;
        node.quoted = false;
        node.raw = s;
        return node;
    }
}
/** The `yaml` package's core schema tests and conversions, in its order. */
function coreValue(s) {
    if (/^(?:~|[Nn]ull|NULL)?$/.test(s))
        return null;
    if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s))
        return s[0] === 't' || s[0] === 'T';
    if (/^0o[0-7]+$/.test(s))
        return parseInt(s.substring(2), 8);
    if (/^[-+]?[0-9]+$/.test(s))
        return parseInt(s, 10);
    if (/^0x[0-9a-fA-F]+$/.test(s))
        return parseInt(s.substring(2), 16);
    if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
        return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s))
        return parseFloat(s);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s))
        return parseFloat(s);
    return s;
}

;// CONCATENATED MODULE: ./build/core/config/yaml.js





/** Converted nodes are shared through aliases, so an alias bomb stays linear. */
const yaml_MAX_NODES = 200_000;
/** Parses one YAML document into position-carrying nodes; never throws. */
function parseYaml(text, locator) {
    const problems = [];
    const deep = excessiveNesting(text);
    if (deep !== undefined) {
        problems.push({
            kind: 'syntax',
            range: rangeOf(locator, deep, deep + 1),
            message: `YAML flow nesting is deeper than ${MAX_DEPTH} levels; this is not a configuration file`,
        });
        return { problems };
    }
    const indent = excessiveYamlIndent(text);
    if (indent !== undefined) {
        problems.push({
            kind: 'syntax',
            range: rangeOf(locator, indent, indent + 1),
            message: `YAML nesting is deeper than ${MAX_YAML_INDENT / 2} levels (indentation and "- " indicators); this is not a configuration file`,
        });
        return { problems };
    }
    // Plain YAML (most buildspecs and appspecs) is read without the yaml package, to the same nodes.
    const simple = readSimpleYaml(text, { locator }, problems);
    if (simple)
        return { root: simple, problems };
    return readWithYamlPackage(text, locator);
}
/** The `yaml` package's reading, converted to nodes (parseYaml's path for what readSimpleYaml leaves). */
function readWithYamlPackage(text, locator) {
    const problems = [];
    let doc;
    try {
        doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, strict: false });
    }
    catch (e) {
        problems.push({ kind: 'syntax', range: rangeOf(locator, 0, 0), message: `the YAML could not be read: ${e.message}` });
        return { problems };
    }
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        problems.push({
            kind: 'syntax',
            range: rangeOf(locator, e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
            message: `invalid YAML: ${firstLine(e.message)}`,
        });
        return { problems };
    }
    if (doc.contents === null || doc.contents === undefined) {
        problems.push({ kind: 'syntax', range: rangeOf(locator, 0, 0), message: 'the file is empty; a YAML document is expected' });
        return { problems };
    }
    const state = { seen: new Map(), count: 0, doc, from: { locator }, problems };
    try {
        return { root: convert(doc.contents, state, yaml_FILE_START), problems };
    }
    catch (e) {
        if (e instanceof TooLarge) {
            problems.push({ kind: 'syntax', range: rangeOf(locator, 0, 0), message: `the YAML expands to more than ${yaml_MAX_NODES} values (aliases?); refusing to read it` });
            return { problems };
        }
        throw e;
    }
}
const yaml_FILE_START = { start: 0, end: 0 };
class TooLarge extends Error {
}
function firstLine(s) {
    return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
function nullAt(st, at) {
    const node = new ParsedNode('null', st.from, at.start, at.end);
    node.value = null;
    return node;
}
function convert(n, st, fallback) {
    if (n === null || n === undefined)
        return nullAt(st, fallback);
    const cached = st.seen.get(n);
    if (cached)
        return cached;
    if (++st.count > yaml_MAX_NODES)
        throw new TooLarge();
    if ((0,dist/* isAlias */.Vj)(n)) {
        const target = n.resolve(st.doc);
        const node = target ? convert(target, st, fallback) : nullAt(st, fallback);
        st.seen.set(n, node);
        return node;
    }
    const r = n.range;
    const span = r ? { start: r[0], end: r[1] } : fallback;
    const tag = n.tag;
    const userTag = tag && tag.startsWith('!') ? tag : undefined;
    if ((0,dist/* isScalar */.jn)(n)) {
        const v = n.value;
        let node;
        if (v === null || v === undefined)
            node = nullAt(st, span);
        else if (typeof v === 'boolean')
            node = valued(st, span, 'boolean', v);
        else if (typeof v === 'number' || typeof v === 'bigint')
            node = valued(st, span, 'number', Number(v));
        else
            node = valued(st, span, 'string', v instanceof Date ? v.toISOString() : String(v));
        node.quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
        if (userTag)
            node.tag = userTag;
        if (typeof n.source === 'string')
            node.raw = n.source;
        st.seen.set(n, node);
        return node;
    }
    if ((0,dist/* isMap */.jh)(n)) {
        const node = new ParsedNode('object', st.from, span.start, span.end);
        node.entries = [];
        if (userTag)
            node.tag = userTag;
        st.seen.set(n, node);
        const seenKeys = new Set();
        for (const pair of n.items) {
            if (!(0,dist/* isPair */.tO)(pair))
                continue;
            const keyNode = convert(pair.key, st, node);
            const key = keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
            if (seenKeys.has(key)) {
                st.problems.push({ kind: 'duplicate-key', range: keyNode.range, message: `duplicate key "${key}": only one of them is used` });
            }
            seenKeys.add(key);
            node.entries.push(new ParsedEntry(key, keyNode, convert(pair.value, st, keyNode)));
        }
        return node;
    }
    if ((0,dist/* isSeq */.oP)(n)) {
        const node = new ParsedNode('array', st.from, span.start, span.end);
        node.items = [];
        if (userTag)
            node.tag = userTag;
        st.seen.set(n, node);
        for (const item of n.items)
            node.items.push(convert(item, st, node));
        return node;
    }
    return nullAt(st, span);
}
function valued(st, at, type, value) {
    const node = new ParsedNode(type, st.from, at.start, at.end);
    node.value = value;
    return node;
}

;// CONCATENATED MODULE: ./build/core/config/load.js








/**
 * Reads one file into the docs to check: the file itself, plus the files its
 * buildspec commands write with heredocs. Files of no known kind give nothing.
 */
function loadFile(file) {
    const source = readSource(file);
    return 'docs' in source ? source.docs : parseSource(file.path, source);
}
/** The first half of loadFile: decoding and kind detection, which is all that grouping needs of most files. */
function readSource(file) {
    const byName = (0,detect/* kindByName */.vt)(file.path);
    const decoded = (0,decode/* decode */.D)(file);
    if ('problem' in decoded) {
        if (!byName)
            return { docs: [] };
        const locator = new LineIndex('');
        return { docs: [{ kind: byName, path: file.path, name: file.path, text: '', locator, problems: [{ kind: 'unreadable', range: rangeOf(locator, 0, 0), message: decoded.problem }] }] };
    }
    const text = decoded.text;
    const kind = byName ?? (0,detect/* kindByContent */.vm)(file.path, text);
    return kind ? { kind, text } : { docs: [] };
}
/** The second half of loadFile: the parsed doc, and for a buildspec the files its heredocs write. */
function parseSource(path, source) {
    const doc = parseDoc({ kind: source.kind, path, name: path, text: source.text, locator: new LineIndex(source.text) });
    return doc.kind === 'buildspec' ? [doc, ...embeddedDocs(doc)] : [doc];
}
function parseDoc(o) {
    const syntax = (0,detect/* syntaxOf */.rS)(o.kind, o.name);
    if (syntax === 'dockerfile')
        return { ...o, dockerfile: parseDockerfile(o.text, o.locator), problems: [] };
    const parsed = syntax === 'json' ? parseJson(o.text, o.locator) : parseYaml(o.text, o.locator);
    return { ...o, root: parsed.root, problems: parsed.problems };
}
function embeddedDocs(host) {
    if (!host.root)
        return [];
    const vars = (0,buildspec/* envVariables */.tU)(host.root);
    const dir = host.path.includes('/') ? host.path.slice(0, host.path.lastIndexOf('/') + 1) : '';
    const out = [];
    for (const command of (0,buildspec/* commandsOf */.Kf)(host.root)) {
        if (!command.text.includes('<<'))
            continue;
        for (const h of (0,heredoc/* extractHeredocs */.bg)(command, host.locator, vars)) {
            const kind = (0,detect/* kindByName */.vt)(h.target) ?? (0,detect/* kindByContent */.vm)(h.target, h.text);
            if (!kind || kind === 'buildspec' || kind === 'dockerfile')
                continue;
            const doc = parseDoc({ kind, path: host.path, name: dir + h.target.replace(/^\.\//, ''), text: h.text, locator: h.locator });
            doc.embedded = {
                host,
                command: command.node,
                redirect: h.redirect,
                phase: command.phase,
                substituted: h.substituted,
                unresolved: h.unresolved,
            };
            out.push(doc);
        }
    }
    return out;
}

// EXTERNAL MODULE: ./build/core/config/node.js
var node = __webpack_require__(2417);
// EXTERNAL MODULE: ./build/core/config/pipeline.js
var pipeline = __webpack_require__(9691);
;// CONCATENATED MODULE: ./build/core/group.js



function dirOf(path) {
    const i = path.lastIndexOf('/');
    return i < 0 ? '' : path.slice(0, i);
}
function join(dir, rel) {
    const clean = rel.replace(/^\.\//, '');
    return dir ? `${dir}/${clean}` : clean;
}
function ancestors(dir) {
    const out = [dir];
    while (dir)
        out.push((dir = dirOf(dir)));
    return out;
}
function summarize(d) {
    const s = { kind: d.kind, path: d.path, name: d.name, embedded: d.embedded !== undefined };
    if (d.kind === 'pipeline') {
        if (!d.embedded)
            s.templates = (0,pipeline/* ecsDeployActions */.M1)(d.root).flatMap((a) => [a.taskdefPath, a.appspecPath]);
        s.buildProjects = (0,pipeline/* pipelineActions */.mb)(d.root)
            .filter((a) => a.provider === 'CodeBuild')
            .map((a) => a.configuration.get('ProjectName'));
    }
    else if (d.kind === 'buildspec' && !d.embedded) {
        s.baseDirectory = (0,node/* str */.gx)((0,node.at)(d.root, 'artifacts.base-directory'));
        s.dockerfiles = dockerfilesBuilt(d);
    }
    else if (d.kind === 'codebuild-project') {
        s.projectName = (0,node/* str */.gx)((0,node.at)(d.root, 'name'));
    }
    return s;
}
/** The project of `members` under `root`; `tree` answers whether a file exists. */
function makeProject(root, members, tree) {
    return { root, docs: members, exists: (p) => tree.has(join(root, p)) };
}
/**
 * Groups docs into projects. A pipeline definition claims the files it reads
 * (its template paths and the buildspec) relative to the nearest folder,
 * from its own up, where they exist, and the other files of those folders.
 * Files no pipeline claims are grouped by folder.
 */
function groupDocs(docs, tree) {
    return planProjects(docs.map(summarize), tree).map((p) => makeProject(p.root, p.members.map((i) => docs[i]), tree));
}
/** groupDocs over summaries: the same projects, as indices into `docs`. */
function planProjects(docs, tree) {
    const byDir = new Map();
    docs.forEach((d, i) => {
        const dir = dirOf(d.path);
        const list = byDir.get(dir);
        if (list)
            list.push(i);
        else
            byDir.set(dir, [i]);
    });
    const known = new Set(docs.map((d) => d.name));
    const present = (p) => tree.has(p) || known.has(p);
    const claimed = new Set();
    const projects = [];
    docs.forEach((p, pi) => {
        if (p.kind !== 'pipeline' || p.embedded)
            return;
        const refs = ['buildspec.yml', 'buildspec.yaml', ...(p.templates ?? [])];
        const root = ancestors(dirOf(p.path)).find((dir) => refs.some((r) => present(join(dir, r)))) ?? dirOf(p.path);
        const dirs = new Set([dirOf(p.path), root]);
        for (const r of refs)
            if (present(join(root, r)))
                dirs.add(dirOf(join(root, r)));
        // The build output may be taken from a sub-folder (`artifacts.base-directory`): its files are the templates.
        for (const i of [...dirs].flatMap((x) => byDir.get(x) ?? [])) {
            const d = docs[i];
            if (d.kind !== 'buildspec' || d.embedded)
                continue;
            const base = d.baseDirectory;
            if (base && !base.includes('$') && !base.includes('*'))
                dirs.add(join(root, base.replace(/\/+$/, '')));
        }
        const members = [...dirs].flatMap((d) => byDir.get(d) ?? []);
        for (const m of members)
            claimed.add(m);
        projects.push({ root, members: members.filter((m) => docs[m].kind !== 'pipeline' || m === pi) });
    });
    for (const [dir, members] of byDir) {
        const rest = members.filter((m) => !claimed.has(m));
        if (rest.length > 0)
            projects.push({ root: dir, members: rest });
    }
    const byName = new Map();
    docs.forEach((d, i) => {
        if (d.kind === 'dockerfile')
            byName.set(d.name, i);
    });
    const buildProjects = [];
    docs.forEach((d, i) => {
        if (d.kind === 'codebuild-project')
            buildProjects.push(i);
    });
    for (const p of projects) {
        const built = p.members.flatMap((i) => docs[i].dockerfiles ?? []);
        for (const path of built) {
            const d = byName.get(join(p.root, path));
            if (d !== undefined && !p.members.includes(d))
                p.members.push(d);
        }
        // The CodeBuild project a pipeline's build action names belongs with it, wherever the JSON is kept.
        const names = new Set(p.members.filter((i) => docs[i].kind === 'pipeline').flatMap((i) => docs[i].buildProjects ?? []));
        for (const d of buildProjects) {
            if (!p.members.includes(d) && names.has(docs[d].projectName))
                p.members.push(d);
        }
    }
    return projects;
}
/**
 * Dockerfiles a buildspec builds from another folder (`docker build -f
 * app/Dockerfile .` or `docker build app`): CodeBuild runs commands from the
 * source root, so the paths are relative to the project root.
 */
function dockerfilesBuilt(doc) {
    const out = [];
    for (const c of (0,buildspec/* commandsOf */.Kf)(doc.root)) {
        for (const m of c.text.matchAll(/docker\s+(?:image\s+|buildx\s+)?build\b([^\n;&|]*)/g)) {
            const words = m[1].trim().split(/\s+/).filter(Boolean);
            let file;
            let context;
            for (let i = 0; i < words.length; i++) {
                const w = words[i];
                if (w === '-f' || w === '--file')
                    file = words[++i];
                else if (w.startsWith('--file='))
                    file = w.slice(7);
                else if (/^-(t|-tag|-build-arg|-platform|-target|-label|-network|-cache-from|-secret|-ssh|-progress|-output|o)$/.test(w))
                    i++;
                else if (!w.startsWith('-'))
                    context = w;
            }
            const clean = (s) => (s && !s.includes('$') ? s.replace(/^["']|["']$/g, '').replace(/^\.\/?/, '') : undefined);
            const f = clean(file);
            const ctx = clean(context);
            if (f)
                out.push(f);
            else if (ctx !== undefined)
                out.push(ctx ? `${ctx.replace(/\/$/, '')}/Dockerfile` : 'Dockerfile');
        }
    }
    return out;
}

// EXTERNAL MODULE: ./build/core/preview/index.js + 4 modules
var preview = __webpack_require__(1399);
;// CONCATENATED MODULE: ./build/services/preview-drift.js




function loadRepository(r) {
    const docs = r.files.flatMap(loadFile);
    const projects = groupDocs(docs, new Set(r.tree ?? r.files.map((f) => f.path)));
    return { docs, projects };
}
/** The name a pipeline definition gives (`{"pipeline": {"name"}}`, or a bare pipeline object). */
function pipelineNameOf(doc) {
    return (0,node/* str */.gx)((0,node/* child */.jf)((0,node/* child */.jf)(doc.root, 'pipeline') ?? doc.root, 'name'));
}
/**
 * The repository's definition of the pipeline: the pipeline file that names
 * it, else the only pipeline file when it names none. `others` lists the
 * names the other pipeline files give, for a message.
 */
function findPipelineDoc(loaded, pipelineName) {
    const pipelines = loaded.docs.filter((d) => d.kind === 'pipeline' && !d.embedded && d.root !== undefined);
    const named = pipelines.filter((d) => pipelineNameOf(d) === pipelineName);
    const unnamed = pipelines.filter((d) => pipelineNameOf(d) === undefined);
    const doc = named[0] ?? (pipelines.length === 1 && unnamed.length === 1 ? unnamed[0] : undefined);
    const project = doc ? loaded.projects.find((p) => p.docs.includes(doc)) : undefined;
    const others = pipelines.filter((d) => d !== doc).map((d) => `${d.path}${pipelineNameOf(d) ? ` (${pipelineNameOf(d)})` : ''}`);
    return { ...(doc ? { doc } : {}), ...(project ? { project } : {}), others };
}
/** Drift of the pipeline file from the live pipeline; a live pipeline that cannot be read is said, not thrown. */
function driftOf(doc, pipelineName, live) {
    if (!live.ok)
        return { file: doc.path, pipeline: pipelineName, items: [], unavailable: live.message };
    return { file: doc.path, pipeline: pipelineName, items: (0,preview.diffPipeline)({ repository: doc, live: live.value }) };
}
/**
 * For `mode: track`: drift of the repository's pipeline file from the live
 * pipeline (one GetPipeline), or undefined when the repository has no file
 * for this pipeline.
 */
async function pipelineDrift(r, port) {
    const found = findPipelineDoc(loadRepository(r), r.pipelineName);
    if (!found.doc)
        return undefined;
    return driftOf(found.doc, r.pipelineName, await port.pipeline(r.pipelineName));
}


/***/ })

};
