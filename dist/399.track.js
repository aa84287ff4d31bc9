export const id = 399;
export const ids = [399];
export const modules = {

/***/ 9310:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kf: () => (/* binding */ commandsOf),
/* harmony export */   Sw: () => (/* binding */ maskQuotes),
/* harmony export */   tU: () => (/* binding */ envVariables)
/* harmony export */ });
/* unused harmony exports PHASES, envNames, writtenFiles */
/* harmony import */ var _node_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2417);

const PHASES = ['install', 'pre_build', 'build', 'post_build'];
/** Commands of every phase, in the order CodeBuild runs them. */
function commandsOf(root) {
    const out = [];
    const phases = (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(root, 'phases');
    for (const name of PHASES) {
        const phase = (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(phases, name);
        for (const list of ['commands', 'finally']) {
            for (const item of (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .items */ .ld)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(phase, list))) {
                const text = (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(item);
                if (text !== undefined)
                    out.push({ phase: list === 'finally' ? `${name}.finally` : name, text, node: item });
            }
        }
    }
    return out;
}
/** `env.variables` as plain strings (numbers and booleans as CodeBuild would pass them). */
function envVariables(root) {
    const vars = new Map();
    for (const e of (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .entries */ .jO)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__.at)(root, 'env.variables'))) {
        const v = e.value;
        if (v.type === 'string' || v.type === 'number' || v.type === 'boolean')
            vars.set(e.key, String(v.value));
    }
    return vars;
}
/** Names defined anywhere in `env` (variables, parameter-store, secrets-manager). */
function envNames(root) {
    const names = new Set();
    for (const section of ['variables', 'parameter-store', 'secrets-manager']) {
        for (const e of entries(at(root, `env.${section}`)))
            names.add(e.key);
    }
    return names;
}
/**
 * Files a command writes with `> file`, `>> file` or `tee file`. The shell is
 * not fully parsed: redirections inside quotes are skipped, which is what
 * matters for the generated taskdef.json, appspec and imageDetail.json.
 */
function writtenFiles(commands) {
    const out = [];
    for (const c of commands) {
        // Most commands write nothing; skip the masking for them.
        if (!c.text.includes('>') && !c.text.includes('tee'))
            continue;
        const masked = maskQuotes(firstLineOfHeredocs(c.text));
        for (const m of masked.matchAll(/(?<![<>&0-9])>>?\s*([^\s;&|<>()]+)/g)) {
            const path = unquote(c.text.slice(m.index + m[0].length - m[1].length, m.index + m[0].length));
            if (path.startsWith('&') || path === '/dev/null')
                continue;
            out.push({ path, command: c, offset: m.index + m[0].indexOf(m[1]), how: /<<-?\s*['"]?\w/.test(c.text) ? 'heredoc' : 'redirect' });
        }
        for (const m of masked.matchAll(/\btee\s+(?:-a\s+)?([^\s;&|<>()]+)/g)) {
            out.push({ path: unquote(c.text.slice(m.index + m[0].length - m[1].length, m.index + m[0].length)), command: c, offset: m.index + m[0].length - m[1].length, how: 'tee' });
        }
    }
    return out;
}
/** Replaces quoted parts by spaces (same length) so that offsets stay valid. */
function maskQuotes(s) {
    return s.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, (q) => ' '.repeat(q.length));
}
function unquote(s) {
    return s.replace(/^['"]|['"]$/g, '');
}
/** Heredoc bodies are data, not commands: keep only the lines up to the first heredoc opener's line. */
function firstLineOfHeredocs(text) {
    const lines = text.split('\n');
    const out = [];
    let tag;
    for (const line of lines) {
        if (tag !== undefined) {
            out.push(' '.repeat(line.length));
            if (line.trim() === tag)
                tag = undefined;
            continue;
        }
        out.push(line);
        const m = /<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?/.exec(line);
        if (m)
            tag = m[1];
    }
    return out.join('\n');
}


/***/ }),

/***/ 2543:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bg: () => (/* binding */ extractHeredocs)
});

// UNUSED EXPORTS: commandLocator, mapCommandLines

// EXTERNAL MODULE: ./build/core/config/buildspec.js
var buildspec = __webpack_require__(9310);
;// CONCATENATED MODULE: ./build/core/config/scalar-map.js
/**
 * Where each character of a YAML scalar's value stands in the source, for
 * the styles whose value is not a plain copy of the source text: folded (`>`)
 * blocks, quoted and plain scalars over several lines (a line break becomes a
 * space, indentation goes), and escapes or `''` in quotes. The value is built
 * again from the source by YAML's folding rules; when that differs from the
 * parsed value (a case these rules do not cover) there is no map and callers
 * keep their line-by-line estimate. Literal (`|`) blocks are copies line by
 * line and need none.
 *
 * The map has one source offset per character of the value, plus one for the
 * end of the value.
 */
function scalar_map_scalarSourceMap(text, start, end, value) {
    const c = text[start];
    let out;
    if (c === '"' || c === "'") {
        if (end - start < 2 || text[end - 1] !== c)
            return undefined;
        out = flow(text, start + 1, end - 1, c === '"' ? 'double' : 'single');
    }
    else if (c === '>')
        out = folded(text, start, end);
    else if (c === '|')
        return undefined;
    else
        out = flow(text, start, end, 'plain');
    if (!out || out.chars.join('') !== value)
        return undefined;
    return [...out.at, out.end];
}
function isBreak(ch) {
    return ch === '\n' || ch === '\r';
}
function isBlank(ch) {
    return ch === ' ' || ch === '\t';
}
/** Offset after the line break at `i` (`\r\n` is one). */
function afterBreak(text, i) {
    return text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
}
const ESCAPES = {
    '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
    ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES = { x: 2, u: 4, U: 8 };
/**
 * Quoted and plain scalars: a line break with the blanks around it becomes a
 * space, or n newlines when n empty lines follow; blanks before a break go.
 */
function flow(text, from, to, style) {
    const b = { chars: [], at: [], end: from };
    const emit = (s, at, next) => {
        for (const ch of s) {
            b.chars.push(ch);
            b.at.push(at);
            // A character outside the BMP is two UTF-16 units in the value.
            if (ch.length === 2) {
                b.chars[b.chars.length - 1] = ch[0];
                b.chars.push(ch[1]);
                b.at.push(at);
            }
        }
        b.end = next;
    };
    let blanks = [];
    const flush = () => {
        for (const k of blanks)
            emit(text[k], k, k + 1);
        blanks = [];
    };
    /** Empty lines from `j` on: each gives a newline; returns where the next text starts. */
    const fold = (brk, firstEmpty, folding) => {
        let j = firstEmpty;
        const empties = [];
        for (;;) {
            let k = j;
            while (k < to && isBlank(text[k]))
                k++;
            if (k < to && isBreak(text[k])) {
                empties.push(k);
                j = afterBreak(text, k);
                continue;
            }
            j = k;
            break;
        }
        if (empties.length === 0 && folding)
            emit(' ', brk, brk + 1);
        for (const e of empties)
            emit('\n', e, e + 1);
        return j;
    };
    let i = from;
    while (i < to) {
        const ch = text[i];
        if (isBreak(ch)) {
            blanks = [];
            i = fold(i, afterBreak(text, i), true);
            continue;
        }
        if (isBlank(ch)) {
            blanks.push(i);
            i++;
            continue;
        }
        flush();
        if (style === 'double' && ch === '\\') {
            const n = text[i + 1];
            if (n === undefined || i + 1 >= to)
                return undefined;
            if (isBreak(n)) {
                // An escaped line break joins the lines without a space.
                i = fold(i, afterBreak(text, i + 1), false);
                continue;
            }
            if (n in HEX_ESCAPES) {
                const digits = text.slice(i + 2, i + 2 + HEX_ESCAPES[n]);
                if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== HEX_ESCAPES[n])
                    return undefined;
                const cp = parseInt(digits, 16);
                if (cp > 0x10ffff)
                    return undefined;
                emit(String.fromCodePoint(cp), i, i + 2 + digits.length);
                i += 2 + digits.length;
                continue;
            }
            const e = ESCAPES[n];
            if (e === undefined)
                return undefined;
            emit(e, i, i + 2);
            i += 2;
            continue;
        }
        if (style === 'single' && ch === "'") {
            if (text[i + 1] !== "'")
                return undefined;
            emit("'", i, i + 2);
            i += 2;
            continue;
        }
        // A surrogate pair stays together.
        const cp = text.codePointAt(i);
        const s = String.fromCodePoint(cp);
        emit(s, i, i + s.length);
        i += s.length;
    }
    // Blanks before a closing quote are content; a plain scalar's range has none.
    flush();
    return b;
}
/**
 * A folded block: the lines of text, indentation removed; a break between
 * two lines of text becomes a space (or n newlines over n empty lines), but
 * breaks around more-indented lines are kept; the last break is chomped.
 */
function folded(text, start, end) {
    let i = start + 1;
    let chomp = 'clip';
    while (i < end && /[0-9+-]/.test(text[i])) {
        // An explicit indentation needs the parent's, which this reader does not track.
        if (/[0-9]/.test(text[i]))
            return undefined;
        chomp = text[i] === '-' ? 'strip' : 'keep';
        i++;
    }
    while (i < end && !isBreak(text[i])) {
        if (!isBlank(text[i]) && text[i] !== '#')
            return undefined;
        if (text[i] === '#')
            while (i < end && !isBreak(text[i]))
                i++;
        else
            i++;
    }
    if (i >= end)
        return undefined;
    const lines = [];
    for (let j = afterBreak(text, i); j < end;) {
        let k = j;
        while (k < end && !isBreak(text[k]))
            k++;
        lines.push({ start: j, end: k, brk: k });
        j = k < end ? afterBreak(text, k) : end;
    }
    const firstText = lines.find((l) => text.slice(l.start, l.end).trim() !== '');
    if (!firstText)
        return undefined;
    let indent = 0;
    while (isBlank(text[firstText.start + indent]) && text[firstText.start + indent] === ' ')
        indent++;
    const b = { chars: [], at: [], end: start };
    const emit = (ch, at) => {
        b.chars.push(ch);
        b.at.push(at);
        b.end = at + 1;
    };
    let pending = [];
    let prev;
    for (const l of lines) {
        const raw = text.slice(l.start, l.end);
        if (raw.trim() === '') {
            // An empty line with more blanks than the indentation is content in YAML; not covered here.
            if (raw.length > indent)
                return undefined;
            pending.push({ brk: l.brk });
            continue;
        }
        if (l.end - l.start < indent || text.slice(l.start, l.start + indent).trim() !== '')
            return undefined;
        const from = l.start + indent;
        const spaced = isBlank(text[from]);
        if (!prev)
            for (const p of pending)
                emit('\n', p.brk);
        else if (!prev.spaced && !spaced) {
            if (pending.length === 0)
                emit(' ', prev.brk);
            else
                for (const p of pending)
                    emit('\n', p.brk);
        }
        else {
            emit('\n', prev.brk);
            for (const p of pending)
                emit('\n', p.brk);
        }
        pending = [];
        for (let k = from; k < l.end; k++)
            emit(text[k], k);
        prev = { spaced, brk: l.brk };
    }
    if (prev && chomp !== 'strip' && prev.brk < end) {
        emit('\n', prev.brk);
        if (chomp === 'keep')
            for (const p of pending)
                emit('\n', p.brk);
    }
    return b;
}

;// CONCATENATED MODULE: ./build/core/config/heredoc.js


class EmbeddedLocator {
    lines;
    constructor(lines) {
        this.lines = lines;
    }
    at(offset) {
        let lo = 0;
        let hi = this.lines.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lines[mid].start <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        const line = this.lines[lo];
        if (!line)
            return { line: 1, column: 1 };
        const col = Math.max(0, offset - line.start);
        let seg = line.segments[0];
        for (const s of line.segments)
            if (s.from <= col)
                seg = s;
        return { line: line.hostLine, column: seg.fixed ? seg.host : seg.host + (col - seg.from) };
    }
}
const OPENER = /(?:\bcat|\btee)\b[^\n]*?<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2|<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\5[^\n]*?\b(?:cat|tee)\b/;
const TARGET = /(?:>>?|\btee\s+(?:-a\s+)?)\s*(['"]?)([^\s;&|<>()'"]+)\1/;
const VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
/**
 * Finds heredocs that write files in a command and maps every character of
 * their bodies back to the buildspec, so that findings in a generated
 * taskdef.json land on the buildspec line that holds them.
 */
function extractHeredocs(command, host, vars) {
    const out = [];
    const lines = command.text.split('\n');
    const hostLines = mapCommandLines(command, lines, host);
    const lineStarts = [];
    for (let k = 0, o = 0; k < lines.length; o += lines[k].length + 1, k++)
        lineStarts.push(o);
    let i = 0;
    while (i < lines.length) {
        const open = OPENER.exec(lines[i]);
        const t = open ? TARGET.exec((0,buildspec/* maskQuotes */.Sw)(lines[i]).replace(/<<-?\s*['"]?\w+['"]?/, (m) => ' '.repeat(m.length))) : null;
        if (!open || !t) {
            i++;
            continue;
        }
        const dash = (open[1] ?? open[4]) === '-';
        const quotedTag = (open[2] ?? open[5]) !== '';
        const tag = open[3] ?? open[6];
        const targetStart = t.index + t[0].length - t[2].length - t[1].length;
        const target = t[2];
        const body = [];
        const textLines = [];
        const substituted = new Set();
        const unresolved = new Set();
        let pos = 0;
        let j = i + 1;
        for (; j < lines.length; j++) {
            const raw = dash ? lines[j].replace(/^\t+/, '') : lines[j];
            if (raw.trim() === tag)
                break;
            const col = hostLines[j].column + (lines[j].length - raw.length);
            const segments = [{ from: 0, host: col, fixed: false }];
            let outLine = raw;
            if (!quotedTag) {
                let built = '';
                let last = 0;
                for (const m of raw.matchAll(VAR)) {
                    const name = m[1] ?? m[2];
                    const value = vars.get(name);
                    if (value === undefined) {
                        unresolved.add(name);
                        continue;
                    }
                    substituted.add(name);
                    built += raw.slice(last, m.index);
                    segments.push({ from: built.length, host: col + m.index, fixed: true });
                    built += value;
                    last = m.index + m[0].length;
                    segments.push({ from: built.length, host: col + last, fixed: false });
                }
                outLine = built + raw.slice(last);
            }
            body.push({ start: pos, hostLine: hostLines[j].line, segments });
            textLines.push(outLine);
            pos += outLine.length + 1;
        }
        if (body.length === 0)
            body.push({ start: 0, hostLine: hostLines[i].line, segments: [{ from: 0, host: hostLines[i].column, fixed: true }] });
        out.push({
            target,
            command,
            targetOffset: lineStarts[i] + targetStart,
            redirect: {
                start: { line: hostLines[i].line, column: hostLines[i].column + targetStart },
                end: { line: hostLines[i].line, column: hostLines[i].column + targetStart + target.length },
            },
            text: textLines.join('\n') + (textLines.length ? '\n' : ''),
            locator: new EmbeddedLocator(body),
            substituted: [...substituted],
            unresolved: [...unresolved],
        });
        i = j + 1;
    }
    return out;
}
/**
 * Where each line of a command's value stands in the buildspec. A literal
 * block scalar (`- |`) keeps its lines one below the other, indented; other
 * scalars are mapped line by line onto the command's first line.
 */
function mapCommandLines(command, lines, host) {
    const start = command.node.range.start;
    const header = host.lineText(start.line);
    const isBlock = /^[|>][0-9+-]*\s*(#.*)?$/.test(header.slice(start.column - 1).trim());
    if (isBlock) {
        const firstNonBlank = lines.findIndex((l) => l.trim() !== '');
        let indent = 0;
        if (firstNonBlank >= 0) {
            const h = host.lineText(start.line + 1 + firstNonBlank);
            if (h.endsWith(lines[firstNonBlank]))
                indent = h.length - lines[firstNonBlank].length;
        }
        return lines.map((_, k) => ({ line: start.line + 1 + k, column: indent + 1 }));
    }
    return lines.map((_, k) => (k === 0 ? { line: start.line, column: start.column + (command.node.quoted ? 1 : 0) } : { line: start.line + k, column: 1 }));
}
/**
 * Where a character of a command's value stands in the buildspec: exact for
 * folded blocks, quoted and multi-line scalars (through scalarSourceMap),
 * line by line for literal blocks and single-line plain scalars, where the
 * value is a copy of the source.
 */
function commandLocator(command, host) {
    // Rules ask for many words of the same command.
    const hit = locators.get(command.node);
    if (hit && hit.host === host && hit.text === command.text)
        return hit.at;
    const at = buildLocator(command, host);
    locators.set(command.node, { host, text: command.text, at });
    return at;
}
const locators = new WeakMap();
function buildLocator(command, host) {
    const { start, end } = command.node.range;
    const from = host.lineStart(start.line) + start.column - 1;
    const to = host.lineStart(end.line) + end.column - 1;
    const source = host.text.slice(from, to);
    const copy = source === command.text || (source.length === command.text.length + 2 && source.slice(1, -1) === command.text && /^(["']).*\1$/s.test(source));
    // A value that is its source (a one-line plain or quoted scalar without escapes) needs no map.
    const map = copy ? undefined : scalarSourceMap(host.text, from, to, command.text);
    if (map)
        return (offset) => host.at(map[Math.max(0, Math.min(offset, map.length - 1))]);
    const lines = command.text.split('\n');
    const pos = mapCommandLines(command, lines, host);
    return (offset) => {
        let k = 0;
        let o = offset;
        while (k < lines.length - 1 && o > lines[k].length) {
            o -= lines[k].length + 1;
            k++;
        }
        return { line: pos[k].line, column: pos[k].column + o };
    };
}


/***/ }),

/***/ 2417:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ul: () => (/* binding */ toPlain),
/* harmony export */   at: () => (/* binding */ at),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   f_: () => (/* binding */ entry),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   jO: () => (/* binding */ entries),
/* harmony export */   jf: () => (/* binding */ child),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   ld: () => (/* binding */ items),
/* harmony export */   ws: () => (/* binding */ scalarText)
/* harmony export */ });
/* unused harmony exports keyRange, typeName */
/** Small readers over parsed nodes, so that rules stay declarative. */
function entry(node, key) {
    if (!node || node.type !== 'object')
        return undefined;
    // The last duplicate wins, as in JSON.parse and the AWS parsers.
    for (let i = node.entries.length - 1; i >= 0; i--)
        if (node.entries[i].key === key)
            return node.entries[i];
    return undefined;
}
function child(node, key) {
    return entry(node, key)?.value;
}
/** Follows a dotted path of object keys (no array steps). */
function at(node, path) {
    let cur = node;
    for (const k of path.split('.'))
        cur = child(cur, k);
    return cur;
}
function entries(node) {
    return node?.type === 'object' ? node.entries : [];
}
function items(node) {
    return node?.type === 'array' ? node.items : [];
}
function str(node) {
    return node?.type === 'string' ? node.value : undefined;
}
function num(node) {
    return node?.type === 'number' ? node.value : undefined;
}
function bool(node) {
    return node?.type === 'boolean' ? node.value : undefined;
}
/** A scalar as text, whatever its type: `"256"` and `256` both give "256". */
function scalarText(node) {
    if (!node || node.type === 'object' || node.type === 'array' || node.value === null || node.value === undefined)
        return undefined;
    return String(node.value);
}
/** The range to underline for a key: the key itself. */
function keyRange(parent, key) {
    return entry(parent, key)?.keyRange;
}
/** Converts a node to a plain value (for rules that compare whole structures). */
function toPlain(node, budget = { left: 100_000 }) {
    if (!node || --budget.left < 0)
        return undefined;
    switch (node.type) {
        case 'object': {
            const o = {};
            for (const e of node.entries)
                o[e.key] = toPlain(e.value, budget);
            return o;
        }
        case 'array':
            return node.items.map((i) => toPlain(i, budget));
        default:
            return node.value;
    }
}
function typeName(node) {
    return node.type === 'object' ? 'an object' : node.type === 'array' ? 'a list' : `a ${node.type}`;
}


/***/ }),

/***/ 9691:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M1: () => (/* binding */ ecsDeployActions),
/* harmony export */   mb: () => (/* binding */ pipelineActions)
/* harmony export */ });
/* unused harmony exports pipelineNode, ECS_DEPLOY_DEFAULTS */
/* harmony import */ var _node_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2417);

/** The `pipeline` object of a create-pipeline document (or get-pipeline output). */
function pipelineNode(root) {
    return child(root, 'pipeline');
}
/** Every action of every stage, in declaration order. */
function pipelineActions(root) {
    const out = [];
    (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .items */ .ld)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__.at)(root, 'pipeline.stages')).forEach((stageNode, stageIndex) => {
        const stage = (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(stageNode, 'name')) ?? `#${stageIndex + 1}`;
        for (const node of (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .items */ .ld)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(stageNode, 'actions'))) {
            const type = (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(node, 'actionTypeId');
            const configurationNode = (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(node, 'configuration');
            const configuration = new Map();
            for (const e of (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .entries */ .jO)(configurationNode)) {
                const v = (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .scalarText */ .ws)(e.value);
                if (v !== undefined)
                    configuration.set(e.key, v);
            }
            out.push({
                stage,
                stageIndex,
                stageNode,
                name: (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(node, 'name')) ?? '',
                node,
                category: (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(type, 'category')),
                owner: (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(type, 'owner')),
                provider: (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(type, 'provider')),
                runOrder: (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(node, 'runOrder')) ?? 1,
                configuration,
                configurationNode,
                inputs: (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .items */ .ld)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(node, 'inputArtifacts')).map((a) => (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(a, 'name')) ?? ''),
                outputs: (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .items */ .ld)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(node, 'outputArtifacts')).map((a) => (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(a, 'name')) ?? ''),
                namespace: (0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_node_js__WEBPACK_IMPORTED_MODULE_0__/* .child */ .jf)(node, 'namespace')),
            });
        }
    });
    return out;
}
const ECS_DEPLOY_DEFAULTS = { taskdef: 'taskdef.json', appspec: 'appspec.yaml' };
/** The CodeDeployToECS actions and the file paths they read. */
function ecsDeployActions(root) {
    return pipelineActions(root)
        .filter((a) => a.provider === 'CodeDeployToECS')
        .map((a) => ({
        ...a,
        taskdefPath: a.configuration.get('TaskDefinitionTemplatePath') ?? ECS_DEPLOY_DEFAULTS.taskdef,
        appspecPath: a.configuration.get('AppSpecTemplatePath') ?? ECS_DEPLOY_DEFAULTS.appspec,
    }));
}


/***/ }),

/***/ 1295:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fE: () => (/* binding */ docsOf),
/* harmony export */   g7: () => (/* binding */ docAt),
/* harmony export */   yv: () => (/* binding */ pathInProject)
/* harmony export */ });
/** docsOf's answers per project: some forty rules ask each project for the same kinds. */
const byKind = new WeakMap();
/** The parsed docs of one kind (read-only: the same array is handed to every rule that asks). */
function docsOf(project, kind) {
    let kinds = byKind.get(project);
    if (!kinds)
        byKind.set(project, (kinds = new Map()));
    let docs = kinds.get(kind);
    if (!docs) {
        docs = Object.freeze(project.docs.filter((d) => d.kind === kind && (d.root !== undefined || d.dockerfile !== undefined)));
        kinds.set(kind, docs);
    }
    return docs;
}
/** A doc's path relative to the project root (`taskdef.json`), as the pipeline names it. */
function pathInProject(project, doc) {
    return project.root && doc.name.startsWith(project.root + '/') ? doc.name.slice(project.root.length + 1) : doc.name;
}
/** The doc (committed or generated) at a path relative to the project root. */
function docAt(project, path) {
    const want = path.replace(/^\.\//, '');
    return project.docs.filter((d) => pathInProject(project, d) === want);
}


/***/ }),

/***/ 6440:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Vq: () => (/* binding */ OUTPUT_MAX),
  GQ: () => (/* binding */ TITLE_MAX),
  Hn: () => (/* reexport */ cell),
  $Q: () => (/* binding */ clip),
  DH: () => (/* binding */ clipTail),
  aY: () => (/* binding */ code),
  EU: () => (/* binding */ fence),
  nf: () => (/* binding */ md_link),
  TN: () => (/* binding */ oneLine),
  E$: () => (/* binding */ redact),
  Pl: () => (/* binding */ safeUrl)
});

;// CONCATENATED MODULE: ./build/core/report/summary.js


/** A job summary may be at most 1 MiB; past this many rows the rest is counted, not listed. */
const MAX_ROWS = 1000;
const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
/**
 * A table cell: one line, pipes escaped, and outside code spans the Markdown
 * punctuation escaped too, so that `<IMAGE1_NAME>` or `buildspec*.yml` show as written.
 */
function cell(s) {
    const flat = s.replace(/\s*[\r\n]+\s*/g, ' ');
    let out = '';
    let last = 0;
    for (const m of flat.matchAll(/(`+)[^`]+?\1(?!`)/g)) {
        out += escapeText(flat.slice(last, m.index)) + m[0].replace(/\|/g, '\\|');
        last = m.index + m[0].length;
    }
    return out + escapeText(flat.slice(last));
}
function escapeText(s) {
    return s.replace(/[\\`*_[\]<>|~]/g, (c) => '\\' + c);
}
function codeSpan(s) {
    const ticks = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map((t) => t.length)) + 1);
    const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${s.replace(/\|/g, '\\|')}${pad}${ticks}`;
}
function encodePath(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
/**
 * The job summary (GitHub-flavoured Markdown): counts, then one table per
 * file with each finding's place, severity, rule (linked to docs/rules.md)
 * and message.
 */
function renderSummary(findings, options = {}) {
    const docsUrl = options.docsUrl ?? DEFAULT_DOCS_URL;
    const counts = countFindings(findings);
    const files = byFile(findings);
    const out = [];
    out.push(`## ecs-codepipeline check${options.checked ? ` of ${codeSpan(options.checked)}` : ''}`, '');
    out.push(`${ICON.error} ${plural(counts.error, 'error')} · ${ICON.warning} ${plural(counts.warning, 'warning')} · ${ICON.notice} ${plural(counts.notice, 'notice')}${files.size ? ` in ${plural(files.size, 'file')}` : ''}`, '');
    if (findings.length === 0) {
        out.push('No problems found.', '');
        return out.join('\n');
    }
    let rows = 0;
    for (const [file, list] of files) {
        if (rows >= MAX_ROWS)
            break;
        out.push(`### ${codeSpan(file)}`, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |');
        for (const f of list) {
            if (rows >= MAX_ROWS)
                break;
            rows++;
            const where = `${f.line}:${f.column}`;
            const place = options.blobUrl ? `[${where}](${options.blobUrl}/${encodePath(f.file)}#L${f.line})` : where;
            out.push(`| ${place} | ${ICON[f.severity]} ${f.severity} | [${cell(f.rule)}](${ruleUrl(f.rule, docsUrl)}) | ${cell(f.message)} |`);
        }
        out.push('');
    }
    if (rows < findings.length) {
        out.push(`…and ${plural(findings.length - rows, 'more finding')}, not listed here: see the annotations or run \`npx ecs-codepipeline check\`.`, '');
    }
    out.push(`Rules and fixes: [docs/rules.md](${docsUrl})`, '');
    return out.join('\n');
}

;// CONCATENATED MODULE: ./build/core/pipeline/md.js
/**
 * Markdown and text helpers for check runs: everything that goes to GitHub
 * passes through here, so limits, escaping and redaction live in one place.
 */


/** GitHub's limits for a check run's output. */
const TITLE_MAX = 255;
const OUTPUT_MAX = 65_535;
/** An inline code span that survives backticks and pipes inside the value (for table cells too). */
function code(s) {
    const flat = s.replace(/\s*[\r\n]+\s*/g, ' ');
    const ticks = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((t) => t.length)) + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${flat.replace(/\|/g, '\\|')}${pad}${ticks}`;
}
/** A fenced block whose fence is longer than any backtick run inside, so foreign text cannot close it. */
function fence(text, lang = '') {
    const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((t) => t.length));
    const f = '`'.repeat(longest + 1);
    return `${f}${lang}\n${text.replace(/\n+$/, '')}\n${f}`;
}
/** Only http(s) URLs become links; anything else (javascript:, garbage) is dropped. */
function safeUrl(url) {
    if (!url)
        return undefined;
    const trimmed = url.trim();
    if (!/^https?:\/\/[^\s<>"]+$/i.test(trimmed))
        return undefined;
    return trimmed;
}
function md_link(label, url) {
    const u = safeUrl(url);
    if (!u)
        return cell(label);
    return `[${cell(label)}](${u.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}
/** One line, at most `max` characters, ending with `…` when cut. */
function oneLine(s, max) {
    const flat = s.replace(/\s+/g, ' ').trim();
    return flat.length <= max ? flat : cutAt(flat, max - 1).trimEnd() + '…';
}
/** Cut at `n` UTF-16 units without splitting a surrogate pair. */
function cutAt(s, n) {
    if (n <= 0)
        return '';
    let end = Math.min(n, s.length);
    const c = s.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff)
        end--;
    return s.slice(0, end);
}
function cutFrom(s, n) {
    let start = Math.max(0, s.length - n);
    const c = s.charCodeAt(start);
    if (c >= 0xdc00 && c <= 0xdfff)
        start++;
    return s.slice(start);
}
/** Fence lines that are open at the end of `s` (so a cut can close them). */
function openFence(s) {
    let open;
    for (const m of s.matchAll(/^(`{3,})[^`\n]*$/gm)) {
        if (open === undefined)
            open = m[1];
        else if (m[1].length >= open.length)
            open = undefined;
    }
    return open;
}
/**
 * Keep the head of a Markdown text within `max` characters. A cut inside a
 * code block closes the block, and a note says what was left out.
 */
function clip(s, max = OUTPUT_MAX, note = 'the rest is in the CodePipeline console') {
    if (s.length <= max)
        return s;
    const tail = (omitted) => `\n\n_… ${omitted.toLocaleString('en-US')} characters cut to fit GitHub's limit; ${note}._`;
    let budget = max - tail(s.length).length - 8;
    for (;;) {
        let head = cutAt(s, budget);
        const nl = head.lastIndexOf('\n');
        if (nl > budget * 0.8)
            head = head.slice(0, nl);
        const fenceOpen = openFence(head);
        const out = `${head}${fenceOpen ? `\n${fenceOpen}` : ''}${tail(s.length - head.length)}`;
        if (out.length <= max || budget <= 0)
            return out.slice(0, max);
        budget -= out.length - max;
    }
}
/** Keep the end of a plain text (a log: the last lines matter most) within `max` characters. */
function clipTail(s, max) {
    if (s.length <= max)
        return s;
    const head = `… ${(s.length - max).toLocaleString('en-US')} characters cut …\n`;
    let kept = cutFrom(s, max - head.length - 12);
    const nl = kept.indexOf('\n');
    if (nl >= 0 && nl < kept.length * 0.2)
        kept = kept.slice(nl + 1);
    return head + kept;
}
/** Access keys, secret keys and session tokens that a log line or message might echo. */
const SECRET_PATTERNS = [
    /\b(?:AKIA|ASIA|AROA|AIDA)[0-9A-Z]{16}\b/g,
    /((?:aws_secret_access_key|aws_session_token|secret_access_key|session_token|password|passwd|token)\s*[=:]\s*["']?)[^\s"',;]{8,}/gi,
    /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g,
    /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/g,
];
/**
 * Remove known secrets (the approval tokens of this execution) and anything
 * that looks like a credential from text that goes to GitHub.
 */
function redact(s, secrets = []) {
    let out = s;
    for (const secret of secrets)
        if (secret && secret.length >= 6)
            out = out.split(secret).join('***');
    for (const re of SECRET_PATTERNS) {
        out = out.replace(re, (m, keep) => (typeof keep === 'string' && keep.length > 0 && m.startsWith(keep) ? `${keep}***` : '***'));
    }
    return out;
}


/***/ }),

/***/ 6521:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fG: () => (/* binding */ effectiveTaskdefs),
  aF: () => (/* binding */ fieldKey),
  x5: () => (/* binding */ locate),
  be: () => (/* binding */ taggedImages),
  DZ: () => (/* binding */ wouldBeImages)
});

// EXTERNAL MODULE: ./build/core/config/node.js
var config_node = __webpack_require__(2417);
// EXTERNAL MODULE: ./build/core/model.js
var model = __webpack_require__(1295);
// EXTERNAL MODULE: ./build/core/config/pipeline.js
var pipeline = __webpack_require__(9691);
;// CONCATENATED MODULE: ./build/core/rules/crossfile/artifacts.js

const specs = new WeakMap();
function primarySpec(root) {
    const e = (0,config_node/* entry */.f_)(root, 'artifacts');
    if (!e || e.value.type !== 'object')
        return undefined;
    let spec = specs.get(e.value);
    if (!spec)
        specs.set(e.value, (spec = specOf(e.value, e.keyRange)));
    return spec;
}
const secondaries = new WeakMap();
/** `secondary-artifacts`, by identifier. */
function secondarySpecs(root) {
    const cached = root ? secondaries.get(root) : undefined;
    if (cached)
        return cached;
    const out = new Map();
    if (root)
        secondaries.set(root, out);
    for (const e of (0,config_node/* entries */.jO)((0,config_node/* child */.jf)((0,config_node/* child */.jf)(root, 'artifacts'), 'secondary-artifacts'))) {
        if (e.value.type === 'object')
            out.set(e.key, { ...specOf(e.value, e.keyRange), identifier: e.key });
    }
    return out;
}
function specOf(node, keyRange) {
    const filesEntry = (0,config_node/* entry */.f_)(node, 'files');
    const files = filesEntry?.value;
    const patterns = files?.type === 'array' ? (0,config_node/* items */.ld)(files) : files ? [files] : [];
    const globs = [];
    for (const n of patterns) {
        const p = (0,config_node/* str */.gx)(n);
        if (p === undefined || p.trim() === '')
            continue;
        globs.push({ pattern: p, node: n, re: globRe(p), lastRe: globRe(lastSegment(p)) });
    }
    const baseNode = (0,config_node/* child */.jf)(node, 'base-directory');
    const baseText = baseNode && baseNode.type !== 'null' ? String(baseNode.value ?? '') : '';
    const base = /[$*?{[]/.test(baseText) ? null : baseText.replace(/^\.\/?/, '').replace(/\/+$/, '');
    const discardNode = (0,config_node/* child */.jf)(node, 'discard-paths');
    const discard = (0,config_node/* bool */.lc)(discardNode) === true || /^(yes|true|on)$/i.test((0,config_node/* str */.gx)(discardNode) ?? '');
    const exclude = (0,config_node/* items */.ld)((0,config_node/* child */.jf)(node, 'exclude-paths'))
        .map((n) => (0,config_node/* str */.gx)(n))
        .concat((0,config_node/* str */.gx)((0,config_node/* child */.jf)(node, 'exclude-paths')) ?? [])
        .flatMap((p) => (p ? [globRe(p)].filter((r) => r !== undefined) : []));
    return { node, range: filesEntry?.keyRange ?? keyRange, globs, base, discard, exclude };
}
function lastSegment(p) {
    const clean = p.replace(/\/+$/, '');
    const last = clean.slice(clean.lastIndexOf('/') + 1);
    return last === '**' ? '*' : last;
}
/**
 * A CodeBuild file pattern as a regular expression over paths relative to
 * the base directory. A pattern without wildcards also takes in the folder of
 * that name, since listing a folder ships what is inside.
 */
function globRe(pattern) {
    if (/[$`]/.test(pattern))
        return undefined;
    const p = pattern.trim().replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    let re = '';
    for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === '*') {
            if (p[i + 1] === '*') {
                if (p[i + 2] === '/') {
                    re += '(?:.*/)?';
                    i += 2;
                }
                else {
                    re += '.*';
                    i += 1;
                }
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else if (c === '{') {
            const end = p.indexOf('}', i);
            if (end < 0)
                return undefined;
            re += '(?:' + p.slice(i + 1, end).split(',').map(artifacts_escape).join('|') + ')';
            i = end;
        }
        else if (c === '[') {
            const end = p.indexOf(']', i);
            if (end < 0)
                return undefined;
            re += '[' + p.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
            i = end;
        }
        else
            re += artifacts_escape(c);
    }
    const lastHasWildcard = /[*?[{]/.test(lastSegment(p));
    try {
        return new RegExp('^' + re + (lastHasWildcard ? '' : '(?:/.*)?') + '$');
    }
    catch {
        return undefined;
    }
}
function artifacts_escape(s) {
    return /[.*+?^${}()|[\]\\/]/.test(s) ? s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : s;
}
function basename(p) {
    return p.slice(p.lastIndexOf('/') + 1);
}
/** Where a workspace file lands in the artifact, or undefined when the spec leaves it out. */
function artifacts_artifactPath(spec, source) {
    if (spec.base === null)
        return undefined;
    const rel = spec.base ? (source.startsWith(spec.base + '/') ? source.slice(spec.base.length + 1) : undefined) : source;
    if (rel === undefined)
        return undefined;
    if (!spec.globs.some((g) => g.re?.test(rel)))
        return undefined;
    if (spec.exclude.some((x) => x.test(rel)))
        return undefined;
    return spec.discard ? basename(rel) : rel;
}
/** Whether some file could land at `path` in the artifact, whatever the workspace holds. */
function couldHold(spec, path) {
    if (spec.base === null || spec.globs.some((g) => !g.re))
        return true;
    if (spec.discard)
        return !path.includes('/') && spec.globs.some((g) => g.lastRe === undefined || g.lastRe.test(path));
    return spec.globs.some((g) => g.re.test(path)) && !spec.exclude.some((x) => x.test(path));
}
/** The workspace path a file at `path` in the artifact comes from, when the spec keeps paths. */
function sourcePath(spec, path) {
    if (spec.discard || spec.base === null)
        return undefined;
    return spec.base ? `${spec.base}/${path}` : path;
}

// EXTERNAL MODULE: ./build/core/config/buildspec.js
var buildspec = __webpack_require__(9310);
// EXTERNAL MODULE: ./build/core/config/heredoc.js + 1 modules
var heredoc = __webpack_require__(2543);
;// CONCATENATED MODULE: ./build/core/memo-by-text.js
/**
 * A pure function of one string, remembered for the texts seen lately. In a
 * monorepo most services share their RUN lines and buildspec commands word for
 * word, so the same few hundred texts are split thousands of times. Answers
 * are shared between callers: they must treat them as read-only.
 */
function memoByText(fn, max = 4_096) {
    const seen = new Map();
    return (text) => {
        let hit = seen.get(text);
        if (hit === undefined && !seen.has(text)) {
            hit = fn(text);
            // Past the bound, start afresh: cheaper than an LRU, and a burst of new texts costs one miss each.
            if (seen.size >= max)
                seen.clear();
            seen.set(text, hit);
        }
        return hit;
    };
}

;// CONCATENATED MODULE: ./build/core/rules/crossfile/shell.js
/**
 * Just enough of the shell to follow what a buildspec does with files and
 * images: words with their quoting, `$VAR` references, assignments, `cd` and
 * redirections. Anything it cannot follow (command substitution, loops) is
 * marked as such, so that rules stay silent instead of guessing.
 */

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', '!', '{', '}', 'time']);
const LOOPS = new Set(['for', 'while', 'until', 'select']);
/** Heredoc bodies are data: blanked (same length) so that offsets stay valid. */
function blankHeredocBodies(text) {
    const lines = text.split('\n');
    let tags = [];
    return lines
        .map((line) => {
        if (tags.length > 0) {
            if (line.replace(/^\t+/, '').trim() === tags[0])
                tags = tags.slice(1);
            return ' '.repeat(line.length);
        }
        for (const m of line.matchAll(/<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/g))
            tags.push(m[2]);
        return line;
    })
        .join('\n');
}
/** Splits one buildspec command into simple commands, in order (read-only: shared by equal commands). */
const parseShell = memoByText(splitShell);
function splitShell(input) {
    const text = input.includes('<<') ? blankHeredocBodies(input) : input;
    const out = [];
    let words = [];
    let redirects = [];
    let pendingRedirect;
    let depth = 0;
    let loopDepth = 0;
    let i = 0;
    const finish = () => {
        pendingRedirect = undefined;
        if (words.length === 0 && redirects.length === 0)
            return;
        // Leading `then`, `do` … belong to the compound command around this one.
        while (words.length > 0 && KEYWORDS.has(litOf(words[0]) ?? ''))
            words.shift();
        const first = words.length > 0 ? litOf(words[0]) : undefined;
        if (first !== undefined && LOOPS.has(first))
            loopDepth++;
        const assigns = [];
        while (words.length > 0) {
            const a = assignmentOf(words[0]);
            if (!a)
                break;
            assigns.push(a);
            words.shift();
        }
        out.push({ words, assigns, redirects, subshell: depth > 0, loop: loopDepth > 0 });
        words = [];
        redirects = [];
    };
    while (i < text.length) {
        const c = text[i];
        if (isBlank(c)) {
            i++;
            continue;
        }
        if (c === '#') {
            while (i < text.length && text[i] !== '\n')
                i++;
            continue;
        }
        if (c === '\n' || c === ';' || c === '|' || c === '&') {
            const two = text.slice(i, i + 2);
            if (c === '&' && text[i + 1] === '>') {
                pendingRedirect = '>';
                i += text[i + 2] === '>' ? 3 : 2;
                continue;
            }
            i += two === '&&' || two === '||' || two === ';;' ? 2 : 1;
            finish();
            continue;
        }
        if (c === '(' || c === ')') {
            finish();
            depth = Math.max(0, depth + (c === '(' ? 1 : -1));
            i++;
            continue;
        }
        if (c === '<' || c === '>' || (/[0-9]/.test(c) && /^[0-9]+>/.test(text.slice(i, i + 3)))) {
            const m = /^([0-9]*)(<<<|<<-?|>>|>\||>&|<&|<>|<|>)/.exec(text.slice(i));
            i += m[0].length;
            if (m[2] === '>&' || m[2] === '<&') {
                // `2>&1`: the target is a descriptor, not a file.
                const d = /^\s*[0-9-]+/.exec(text.slice(i));
                if (d)
                    i += d[0].length;
                continue;
            }
            pendingRedirect = m[1] === '' || m[1] === '1' ? m[2] : `${m[1]}${m[2]}`;
            continue;
        }
        const [word, next] = readWord(text, i);
        i = next;
        if (pendingRedirect !== undefined) {
            redirects.push({ op: pendingRedirect, target: word });
            pendingRedirect = undefined;
        }
        else {
            const lit = litOf(word);
            words.push(word);
            if (lit === 'done' && words.length === 1) {
                words = [];
                loopDepth = Math.max(0, loopDepth - 1);
            }
        }
    }
    finish();
    return out;
}
/** Whitespace that separates words (a newline separates commands). */
function isBlank(c) {
    if (c === ' ' || c === '\t' || c === '\r')
        return true;
    return c !== '\n' && /\s/.test(c);
}
function assignmentOf(w) {
    const first = w.parts[0];
    if (!first || first.t !== 'lit')
        return undefined;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.s);
    if (!m)
        return undefined;
    const rest = first.s.slice(m[0].length);
    const parts = rest ? [{ t: 'lit', s: rest }, ...w.parts.slice(1)] : w.parts.slice(1);
    return { name: m[1], value: { parts, start: w.start + m[0].length, end: w.end } };
}
/** The word as plain text when it has no expansions. */
function litOf(w) {
    if (!w)
        return undefined;
    let s = '';
    for (const p of w.parts) {
        if (p.t !== 'lit')
            return undefined;
        s += p.s;
    }
    return s;
}
function pushLit(parts, s) {
    const last = parts[parts.length - 1];
    if (last && last.t === 'lit')
        last.s += s;
    else
        parts.push({ t: 'lit', s });
}
const PLAIN = /[^\s;&|()<>\\'"$`]+/y;
const WORD_END = /[\s;&|()<>]/;
function readWord(text, start) {
    const parts = [];
    let i = start;
    while (i < text.length) {
        PLAIN.lastIndex = i;
        const run = PLAIN.exec(text);
        if (run) {
            pushLit(parts, run[0]);
            i += run[0].length;
            continue;
        }
        const c = text[i];
        if (WORD_END.test(c))
            break;
        if (c === '\\') {
            if (text[i + 1] !== '\n' && i + 1 < text.length)
                pushLit(parts, text[i + 1]);
            i += 2;
        }
        else if (c === "'") {
            const end = text.indexOf("'", i + 1);
            const close = end < 0 ? text.length : end;
            pushLit(parts, text.slice(i + 1, close));
            if (close === i + 1)
                pushLit(parts, '');
            i = close + 1;
        }
        else if (c === '"') {
            i = readDoubleQuoted(text, i + 1, parts);
        }
        else if (c === '$') {
            i = readDollar(text, i, parts);
        }
        else if (c === '`') {
            const end = text.indexOf('`', i + 1);
            parts.push({ t: 'opaque' });
            i = end < 0 ? text.length : end + 1;
        }
        else {
            pushLit(parts, c);
            i++;
        }
    }
    return [{ parts, start, end: i }, i];
}
function readDoubleQuoted(text, from, parts) {
    let i = from;
    pushLit(parts, '');
    while (i < text.length && text[i] !== '"') {
        const c = text[i];
        if (c === '\\' && /["\\$`\n]/.test(text[i + 1] ?? '')) {
            if (text[i + 1] !== '\n')
                pushLit(parts, text[i + 1]);
            i += 2;
        }
        else if (c === '$') {
            i = readDollar(text, i, parts);
        }
        else if (c === '`') {
            const end = text.indexOf('`', i + 1);
            parts.push({ t: 'opaque' });
            i = end < 0 ? text.length : end + 1;
        }
        else {
            pushLit(parts, c);
            i++;
        }
    }
    return i + 1;
}
function readDollar(text, i, parts) {
    const rest = text.slice(i + 1);
    let m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (m) {
        parts.push({ t: 'var', name: m[0] });
        return i + 1 + m[0].length;
    }
    m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    if (m) {
        parts.push({ t: 'var', name: m[1] });
        return i + 1 + m[0].length;
    }
    if (rest.startsWith('(') || rest.startsWith('{')) {
        const open = rest[0];
        const close = open === '(' ? ')' : '}';
        let level = 0;
        let j = i + 1;
        for (; j < text.length; j++) {
            if (text[j] === open)
                level++;
            else if (text[j] === close && --level === 0)
                break;
        }
        parts.push({ t: 'opaque' });
        return j + 1;
    }
    if (/^[0-9@*#?$!-]/.test(rest)) {
        parts.push({ t: 'opaque' });
        return i + 2;
    }
    pushLit(parts, '$');
    return i + 1;
}
/** Markers that cannot occur in a buildspec, so that expanded text can be compared as strings. */
const VAR_OPEN = '\u0001';
const VAR_CLOSE = '\u0002';
const OPAQUE = '\u0003';
/**
 * Variables as the shell would see them at one point of the build: a known
 * value (itself made of parts), or absent when nothing in the buildspec sets it.
 */
class ShellEnv {
    values = new Map();
    serial = 0;
    constructor(initial) {
        for (const [k, v] of initial)
            this.values.set(k, [{ t: 'lit', s: v }]);
    }
    /** Expands a word; unknown variables stay as symbols, so `$REPO:$TAG` equals `$REPO:$TAG`. */
    expand(w) {
        const out = [];
        for (const p of w.parts) {
            if (p.t === 'lit')
                pushLit(out, p.s);
            else if (p.t === 'opaque')
                out.push(p);
            else {
                const v = this.values.get(p.name);
                if (v)
                    for (const q of v)
                        q.t === 'lit' ? pushLit(out, q.s) : out.push(q);
                else
                    out.push(p);
            }
        }
        return out;
    }
    text(w) {
        return partsText(this.expand(w));
    }
    /** Expands `$NAME` references of some names in a text that the core already half-substituted. */
    expandText(s, names) {
        return s.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a, b) => {
            const name = (a ?? b);
            if (!names.has(name))
                return m;
            return partsText(this.values.get(name) ?? [{ t: 'var', name }]);
        });
    }
    clone() {
        const c = new ShellEnv(new Map());
        for (const [k, v] of this.values)
            c.values.set(k, v);
        c.serial = this.serial;
        return c;
    }
    /** Runs a command's assignments (plain or after `export`/`declare`/`readonly`). */
    apply(cmd) {
        const assigns = [...cmd.assigns];
        const head = litOf(cmd.words[0]);
        if (cmd.words.length === 0 || head === 'export' || head === 'declare' || head === 'readonly' || head === 'local') {
            for (const w of cmd.words.slice(1)) {
                const a = assignmentOf(w);
                if (a)
                    assigns.push(a);
            }
        }
        // `read X`, `for X in …` and the like give values this reader cannot know.
        if (head === 'read' || cmd.loop) {
            for (const w of cmd.words.slice(1)) {
                const name = litOf(w);
                if (name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
                    this.values.set(name, [{ t: 'var', name: `${name}#${++this.serial}` }]);
            }
        }
        if (head === 'unset')
            for (const w of cmd.words.slice(1))
                this.values.delete(litOf(w) ?? '');
        for (const a of assigns) {
            const v = this.expand(a.value);
            // A value computed at run time is a fresh unknown: equal only to itself.
            this.values.set(a.name, v.some((p) => p.t === 'opaque') || cmd.loop ? [{ t: 'var', name: `${a.name}#${++this.serial}` }] : v);
        }
    }
}
function partsText(parts) {
    return parts.map((p) => (p.t === 'lit' ? p.s : p.t === 'var' ? `${VAR_OPEN}${p.name}${VAR_CLOSE}` : OPAQUE)).join('');
}
/** Whether expanded text holds a value only known at run time. */
function hasSymbols(s) {
    return s.includes(VAR_OPEN) || s.includes(OPAQUE);
}
function hasOpaque(s) {
    return s.includes(OPAQUE);
}
/** Expanded text for a message: variables back as `$NAME`. */
function display(s) {
    return s
        .replace(new RegExp(`${VAR_OPEN}([^${VAR_CLOSE}#]*)(?:#\\d+)?${VAR_CLOSE}`, 'g'), (_m, n) => '$' + n)
        .replace(new RegExp(OPAQUE, 'g'), '$(…)');
}
/** The root of the build (`$CODEBUILD_SRC_DIR`) as it appears in expanded text. */
const SRC_DIR = `${VAR_OPEN}CODEBUILD_SRC_DIR${VAR_CLOSE}`;

;// CONCATENATED MODULE: ./build/core/rules/crossfile/workspace.js



const cache = new WeakMap();
/** Programs that may create files from code this reader does not see. */
const SCRIPT_RUNNERS = new Set(['sh', 'bash', 'zsh', 'source', '.', 'make', 'python', 'python3', 'node', 'ruby', 'perl', 'php', 'unzip', 'tar', 'ansible-playbook', 'terraform', 'cdk', 'rsync', 'eval', 'exec', 'xargs', 'find', 'ln']);
/** Tools other than the docker CLI that push images. */
const OTHER_PUSHERS = new Set(['skopeo', 'crane', 'buildah', 'podman', 'docker-compose', 'kaniko', 'jib', 'pack', 'ko', 'gradle', 'mvn', 'copilot']);
const BUILD_VALUE_FLAGS = new Set(['-t', '--tag', '-f', '--file', '--platform', '--build-arg', '--target', '--cache-from', '--cache-to', '--label', '--network', '--secret', '--ssh', '-o', '--output', '--iidfile', '--progress', '--builder', '--build-context', '--add-host', '--shm-size', '--ulimit', '--metadata-file', '--provenance', '--sbom', '--attest', '-m', '--memory', '--cgroup-parent', '--isolation']);
/**
 * Reads a buildspec into a workspace model, cached per doc. `docs` are the
 * project's docs, among which the files its heredocs generate.
 */
function workspaceOf(doc, docs) {
    const hit = cache.get(doc);
    if (hit)
        return hit;
    const ws = { doc, writes: [], builds: [], pushes: [], tags: [], pushesUncertain: false, mayWriteUnseen: false, commandText: '' };
    cache.set(doc, ws);
    const env = new ShellEnv((0,buildspec/* envVariables */.tU)(doc.root));
    let cwd = '';
    const texts = [];
    for (const command of (0,buildspec/* commandsOf */.Kf)(doc.root)) {
        texts.push(command.text);
        for (const sc of parseShell(command.text)) {
            const head = litOf(sc.words[0]);
            const words = head === 'sudo' ? sc.words.slice(1) : sc.words;
            const name = litOf(words[0]);
            for (const r of sc.redirects) {
                if (r.op === '>' || r.op === '>>' || r.op === '>|')
                    addWrite(ws, { env, cwd, command, word: r.target, content: contentOf(env, words, name) });
            }
            if (name === 'tee')
                for (const w of words.slice(1))
                    if (!(litOf(w) ?? '').startsWith('-'))
                        addWrite(ws, { env, cwd, command, word: w });
            if ((name === 'cp' || name === 'mv') && words.length >= 3)
                copyWrites(ws, { env, cwd, command, words });
            if (name === 'curl' || name === 'wget') {
                const i = words.findIndex((w) => ['-o', '--output', '-O', '--output-document'].includes(litOf(w) ?? '') && (name === 'wget' || litOf(w) !== '-O'));
                if (i > 0 && words[i + 1])
                    addWrite(ws, { env, cwd, command, word: words[i + 1] });
            }
            if (name === 'aws' && litOf(words[1]) === 's3' && (litOf(words[2]) === 'cp' || litOf(words[2]) === 'sync')) {
                const dst = words[words.length - 1];
                if (!env.text(dst).startsWith('s3://')) {
                    if (litOf(words[2]) === 'sync')
                        ws.mayWriteUnseen = true;
                    else
                        addWrite(ws, { env, cwd, command, word: dst });
                }
            }
            if (name === 'docker')
                readDocker(ws, { env, command, words, sc });
            else if (name !== undefined && (OTHER_PUSHERS.has(name) || /executor$/.test(name)))
                ws.pushesUncertain = true;
            if (name !== undefined && (SCRIPT_RUNNERS.has(name) || name.includes('/') || /gradlew|mvnw/.test(name))) {
                // A script or build tool may write files and push images (`./gradlew jib`) out of sight.
                ws.mayWriteUnseen = true;
                ws.pushesUncertain = true;
            }
            if (name === 'cd' || name === 'pushd' || name === 'popd') {
                if (!sc.subshell)
                    cwd = name === 'popd' ? undefined : cdTarget(env, cwd, words[1]);
            }
            env.apply(sc);
        }
    }
    ws.commandText = texts.join('\n');
    linkEmbedded(ws, docs);
    return ws;
}
function addWrite(ws, o) {
    const t = o.env.text(o.word);
    const last = t.slice(t.lastIndexOf('/') + 1);
    const name = last && !hasSymbols(last) ? last : undefined;
    if (t === '/dev/null' || t.startsWith('/dev/'))
        return;
    let path;
    if (t.startsWith(SRC_DIR))
        path = normalize(t.slice(SRC_DIR.length).replace(/^\/+/, ''));
    else if (t.startsWith('/') || t.startsWith('~'))
        return;
    else if (o.cwd !== undefined && !hasSymbols(t))
        path = normalize(join(o.cwd, t));
    // Outside the source root: never part of an artifact.
    if (path === null)
        return;
    const env = o.command.text.includes('<<') ? o.env.clone() : undefined;
    ws.writes.push({ path: path ?? undefined, name, command: o.command, word: o.word, docs: [], content: o.content, env });
    if (!name)
        ws.mayWriteUnseen = true;
}
function copyWrites(ws, o) {
    const args = o.words.slice(1).filter((w) => !(litOf(w) ?? '').startsWith('-'));
    if (args.length < 2)
        return;
    const dst = args[args.length - 1];
    const d = o.env.text(dst);
    const intoDir = args.length > 2 || d === '.' || d === './' || d.endsWith('/');
    if (!intoDir)
        return addWrite(ws, { ...o, word: dst });
    for (const src of args.slice(0, -1)) {
        const s = o.env.text(src);
        const base = s.slice(s.lastIndexOf('/') + 1);
        if (!base || hasSymbols(base) || /[*?[]/.test(base)) {
            ws.mayWriteUnseen = true;
            continue;
        }
        const word = { parts: [...dst.parts, { t: 'lit', s: (d.endsWith('/') ? '' : '/') + base }], start: dst.start, end: dst.end };
        addWrite(ws, { ...o, word });
    }
}
function cdTarget(env, cwd, w) {
    if (!w)
        return undefined;
    const t = env.text(w);
    if (t === SRC_DIR || t.startsWith(SRC_DIR + '/'))
        return normalize(t.slice(SRC_DIR.length).replace(/^\/+/, '')) ?? undefined;
    if (cwd === undefined || hasSymbols(t) || t.startsWith('/') || t.startsWith('~') || t === '-')
        return undefined;
    return normalize(join(cwd, t)) ?? undefined;
}
function join(dir, rel) {
    return dir ? `${dir}/${rel}` : rel;
}
/** Collapses `.` and `..`; null when the path leaves the source root. */
function normalize(p) {
    const out = [];
    for (const seg of p.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (out.length === 0)
                return null;
            out.pop();
        }
        else
            out.push(seg);
    }
    return out.join('/');
}
/** What `printf`/`echo` print, so that an imageDetail.json written by them can be read. */
function contentOf(env, words, name) {
    if (name === 'echo') {
        let args = words.slice(1);
        while (args.length > 0 && /^-[neE]+$/.test(litOf(args[0]) ?? ''))
            args = args.slice(1);
        const pieces = [];
        let text = '';
        for (const w of args) {
            if (text)
                text += ' ';
            const t = env.text(w);
            pieces.push({ from: text.length, to: text.length + t.length, word: w });
            text += t;
        }
        return { text, pieces };
    }
    if (name === 'printf' && words.length >= 2) {
        let args = words.slice(1);
        if (litOf(args[0]) === '--')
            args = args.slice(1);
        if (!args[0] || (litOf(args[0]) ?? '').startsWith('-v'))
            return undefined;
        const format = env.text(args[0]);
        const values = args.slice(1);
        const pieces = [];
        let text = '';
        let k = 0;
        let last = 0;
        let formatPieceFrom = 0;
        for (const m of format.matchAll(/%%|%[-0-9.]*[sbdq]/g)) {
            text += format.slice(last, m.index);
            last = m.index + m[0].length;
            if (m[0] === '%%') {
                text += '%';
                continue;
            }
            pieces.push({ from: formatPieceFrom, to: text.length, word: args[0] });
            const v = values[k++];
            const t = v ? env.text(v) : '';
            if (v)
                pieces.push({ from: text.length, to: text.length + t.length, word: v });
            text += t;
            formatPieceFrom = text.length;
        }
        text += format.slice(last);
        pieces.push({ from: formatPieceFrom, to: text.length, word: args[0] });
        return { text, pieces };
    }
    return undefined;
}
function readDocker(ws, o) {
    const { env, words } = o;
    let i = 1;
    let sub = litOf(words[i]);
    if (sub === 'image' || sub === 'buildx')
        sub = litOf(words[++i]) ?? sub;
    const rest = words.slice(i + 1);
    const uncertain = o.sc.loop;
    if (sub === 'build' || sub === 'b') {
        const build = { tags: [], push: false, command: o.command };
        const positional = [];
        for (let k = 0; k < rest.length; k++) {
            const flag = litOf(rest[k]) ?? '';
            const eq = /^(--[a-z-]+)=(.*)$/.exec(flag);
            const key = eq ? eq[1] : flag;
            const takesValue = BUILD_VALUE_FLAGS.has(key);
            const valueWord = eq ? { ...rest[k], parts: [{ t: 'lit', s: eq[2] }] } : takesValue ? rest[++k] : undefined;
            if (key === '-t' || key === '--tag') {
                if (valueWord)
                    build.tags.push({ ref: env.text(valueWord), word: valueWord });
            }
            else if (key === '--platform') {
                if (valueWord)
                    build.platforms = { values: env.text(valueWord).split(','), word: valueWord };
            }
            else if (key === '-f' || key === '--file') {
                if (valueWord)
                    build.file = env.text(valueWord);
            }
            else if (key === '--push')
                build.push = true;
            else if ((key === '-o' || key === '--output') && valueWord && /type=registry|push=true/.test(env.text(valueWord)))
                build.push = true;
            else if (!takesValue && !flag.startsWith('-') && rest[k])
                positional.push(env.text(rest[k]));
        }
        build.context = positional[0];
        ws.builds.push(build);
        if (build.push) {
            if (uncertain || build.tags.some((t) => hasOpaque(t.ref)))
                ws.pushesUncertain = true;
            for (const t of build.tags)
                ws.pushes.push({ ref: t.ref, allTags: false, word: t.word, command: o.command });
        }
    }
    else if (sub === 'push') {
        const args = rest.filter((w) => !(litOf(w) ?? '').startsWith('-'));
        const allTags = rest.some((w) => litOf(w) === '-a' || litOf(w) === '--all-tags');
        const platformIdx = rest.findIndex((w) => litOf(w) === '--platform');
        const target = args.find((w) => platformIdx < 0 || w !== rest[platformIdx + 1]);
        if (!target || uncertain) {
            ws.pushesUncertain = true;
            return;
        }
        const ref = env.text(target);
        if (hasOpaque(ref))
            ws.pushesUncertain = true;
        ws.pushes.push({ ref, allTags, word: target, command: o.command });
    }
    else if (sub === 'tag') {
        const args = rest.filter((w) => !(litOf(w) ?? '').startsWith('-'));
        if (args.length === 2)
            ws.tags.push({ src: env.text(args[0]), dst: env.text(args[1]) });
    }
    else if (sub === 'cp' || (sub === 'run' && rest.some((w) => /^(-v|--volume|--mount)/.test(litOf(w) ?? '')))) {
        ws.mayWriteUnseen = true;
    }
    else if (sub === 'compose' && rest.some((w) => litOf(w) === 'push'))
        ws.pushesUncertain = true;
}
/** Connects heredoc docs (from the core) to the writes that create them, by command and file name. */
function linkEmbedded(ws, docs) {
    for (const d of docs) {
        if (!d.embedded || d.embedded.host !== ws.doc)
            continue;
        const base = d.name.slice(d.name.lastIndexOf('/') + 1);
        const w = ws.writes.find((x) => x.command.node === d.embedded.command && x.name === base && !x.docs.includes(d));
        if (w)
            w.docs.push(d);
    }
}
/** Where a piece of a command stands in the buildspec. */
function commandRange(doc, command, start, end) {
    const host = (doc.embedded ? doc.embedded.host : doc).locator;
    let r;
    try {
        const at = commandLocator(command, host);
        r = { start: at(start), end: at(Math.max(start, end)) };
    }
    catch {
        return command.node.range;
    }
    // Escapes in a quoted scalar shift columns; never point outside the command.
    const n = command.node.range;
    const before = (a, b) => a.line < b.line || (a.line === b.line && a.column < b.column);
    if (before(r.start, n.start) || before(n.end, r.end))
        return n;
    return r;
}
function wordRange(doc, command, word) {
    return commandRange(doc, command, word.start, word.end);
}

;// CONCATENATED MODULE: ./build/core/rules/crossfile/context.js





const context_cache = new WeakMap();
function contextOf(project) {
    const hit = context_cache.get(project);
    if (hit)
        return hit;
    const pipelines = (0,model/* docsOf */.fE)(project, 'pipeline')
        .filter((d) => !d.embedded)
        .map((doc) => ({ doc, actions: (0,pipeline/* pipelineActions */.mb)(doc.root), deploys: (0,pipeline/* ecsDeployActions */.M1)(doc.root) }));
    const buildspecs = (0,model/* docsOf */.fE)(project, 'buildspec').filter((d) => !d.embedded);
    // Every rule asks the same questions: answers are kept for the project's lifetime.
    const origins = new Map();
    const found = new WeakMap();
    const ctx = {
        project,
        pipelines,
        buildspecs,
        workspace: (doc) => workspaceOf(doc, project.docs),
        origin: (p, name) => memo(memo(origins, p, () => new Map()), name, () => originOf(ctx, p, name)),
        lookup: (o, path) => memo(memo(found, o, () => new Map()), path, () => lookup(ctx, o, path)),
        repositoryKnown: (p) => repositoryKnown(ctx, p),
    };
    context_cache.set(project, ctx);
    return ctx;
}
function memo(m, k, make) {
    let v = m.get(k);
    if (v === undefined)
        m.set(k, (v = make()));
    return v;
}
/** Image<N>ArtifactName / Image<N>ContainerName pairs of a CodeDeployToECS action. */
function imageSlots(a) {
    const out = [];
    for (let n = 1; n <= 9; n++) {
        const artifactNode = (0,config_node/* child */.jf)(a.configurationNode, `Image${n}ArtifactName`);
        const placeholderNode = (0,config_node/* child */.jf)(a.configurationNode, `Image${n}ContainerName`);
        if (!artifactNode && !placeholderNode)
            continue;
        out.push({ n, artifactNode, placeholderNode, artifact: (0,config_node/* str */.gx)(artifactNode), placeholder: (0,config_node/* str */.gx)(placeholderNode) });
    }
    return out;
}
const REPOSITORY_SOURCES = new Set(['CodeCommit', 'GitHub', 'CodeStarSourceConnection', 'Bitbucket', 'GitHubEnterpriseServer', 'GitLab', 'GitLabSelfManaged']);
function originOf(ctx, p, name) {
    const action = p.actions.find((a) => a.outputs.includes(name));
    if (!action)
        return { kind: 'opaque', name };
    if (action.category === 'Source') {
        if (action.provider === 'ECR')
            return { kind: 'ecr', name, action };
        // A clone reference holds a pointer to the repository, not its files.
        if (action.configuration.get('OutputArtifactFormat') === 'CODEBUILD_CLONE_REF')
            return { kind: 'opaque', name, action };
        if (REPOSITORY_SOURCES.has(action.provider ?? '') && ctx.repositoryKnown(p))
            return { kind: 'repository', name, action };
        return { kind: 'opaque', name, action };
    }
    if (action.provider === 'CodeBuild') {
        if (action.configuration.get('BatchEnabled') === 'true')
            return { kind: 'opaque', name, action };
        const buildspec = buildspecFor(ctx, p, action);
        if (!buildspec?.root)
            return { kind: 'opaque', name, action };
        const ws = ctx.workspace(buildspec);
        const secondary = secondarySpecs(buildspec.root);
        let spec;
        let specMissing = 'none';
        if (action.outputs.length > 1) {
            spec = secondary.get(name);
            if (!spec)
                specMissing = 'no-identifier';
        }
        else {
            const primary = primarySpec(buildspec.root);
            spec = primary && primary.globs.length > 0 ? primary : (secondary.get(name) ?? primary);
            if (!spec)
                specMissing = (0,config_node/* child */.jf)(buildspec.root, 'artifacts') ? 'none' : 'no-artifacts';
        }
        return { kind: 'build', name, action, buildspec, ws, spec, specMissing };
    }
    return { kind: 'opaque', name, action };
}
/** CodeBuild projects described in the repository (create-project JSON), by name. */
function codebuildProjects(project) {
    const out = [];
    for (const doc of (0,model/* docsOf */.fE)(project, 'codebuild-project')) {
        const list = (0,config_node/* child */.jf)(doc.root, 'projects')?.type === 'array' ? (0,config_node/* items */.ld)((0,config_node/* child */.jf)(doc.root, 'projects')) : [doc.root];
        for (const node of list)
            if (node?.type === 'object')
                out.push({ doc, node, name: (0,config_node/* str */.gx)((0,config_node/* child */.jf)(node, 'name')) });
    }
    return out;
}
/**
 * The buildspec a CodeBuild action runs. The pipeline names only the project,
 * so this is known when the project's JSON says it, or when there is one
 * buildspec and one build action that can run it.
 */
function buildspecFor(ctx, p, action) {
    const projectName = action.configuration.get('ProjectName');
    const described = codebuildProjects(ctx.project).find((c) => c.name !== undefined && c.name === projectName);
    if (described) {
        const spec = (0,config_node/* str */.gx)((0,config_node/* child */.jf)((0,config_node/* child */.jf)(described.node, 'source'), 'buildspec'));
        if (spec && !spec.includes('\n'))
            return (0,model/* docAt */.g7)(ctx.project, spec).find((d) => d.kind === 'buildspec' && !d.embedded);
        if (spec)
            return undefined;
    }
    const builds = p.actions.filter((a) => a.provider === 'CodeBuild');
    if (builds.length > 1) {
        // Several build actions: only the one that feeds the deploy is taken to run the single buildspec.
        const deployInputs = new Set(p.deploys.flatMap((d) => d.inputs));
        const feeders = builds.filter((a) => a.outputs.some((o) => deployInputs.has(o)));
        if (feeders.length !== 1 || feeders[0] !== action || ctx.buildspecs.length !== 1)
            return undefined;
        return ctx.buildspecs[0];
    }
    if (ctx.buildspecs.length === 1)
        return ctx.buildspecs[0];
    return ctx.buildspecs.find((d) => (0,model/* pathInProject */.yv)(ctx.project, d) === 'buildspec.yml');
}
function repositoryKnown(ctx, p) {
    const refs = ['buildspec.yml', 'buildspec.yaml', ...p.deploys.flatMap((d) => [d.taskdefPath, d.appspecPath])];
    if (refs.some((r) => ctx.project.exists(r.replace(/^\.\//, ''))))
        return true;
    return ctx.buildspecs.some((d) => !(0,model/* pathInProject */.yv)(ctx.project, d).includes('/'));
}
function committedAt(ctx, path) {
    return (0,model/* docAt */.g7)(ctx.project, path).filter((d) => !d.embedded);
}
function lookup(ctx, o, rawPath) {
    const path = rawPath.replace(/^(\.\/)+/, '');
    switch (o.kind) {
        case 'repository':
            return ctx.project.exists(path) ? { state: 'present', docs: committedAt(ctx, path), source: path, written: false } : { state: 'absent', docs: [] };
        case 'ecr':
            return path === 'imageDetail.json' ? { state: 'present', docs: [] } : { state: 'absent', docs: [] };
        case 'opaque':
            return { state: 'unknown', docs: (0,model/* docAt */.g7)(ctx.project, path) };
        case 'build':
            return lookupBuild(ctx, o, path);
    }
}
function lookupBuild(ctx, o, path) {
    const spec = o.spec;
    if (!spec)
        return o.specMissing === 'no-artifacts' ? { state: 'absent', docs: [] } : { state: 'unknown', docs: [] };
    if (spec.base === null)
        return { state: 'unknown', docs: (0,model/* docAt */.g7)(ctx.project, path) };
    const written = o.ws.writes.filter((w) => w.path !== undefined && artifacts_artifactPath(spec, w.path) === path);
    if (written.length > 0) {
        // What a command other than a heredoc writes is unknown, even where a committed file had that name.
        const last = written[written.length - 1];
        return { state: 'present', docs: last.docs, source: last.path, written: true };
    }
    const direct = spec.discard ? [] : [spec.base ? `${spec.base}/${path}` : path].filter((s) => ctx.project.exists(s));
    for (const s of [...direct, ...committedCandidates(ctx, spec, path.slice(path.lastIndexOf('/') + 1))]) {
        if (artifacts_artifactPath(spec, s) === path)
            return { state: 'present', docs: committedAt(ctx, s), source: s, written: false };
    }
    const base = path.slice(path.lastIndexOf('/') + 1);
    const hidden = o.ws.writes.some((w) => w.path === undefined && (w.name === undefined || w.name === base));
    if (couldHold(spec, path) || hidden)
        return { state: 'listed', docs: [] };
    return { state: 'absent', docs: [] };
}
/**
 * Committed files named `name` that an artifact spec may pick up. The
 * project only answers "does this path exist", so the paths to ask about
 * come from the spec's folders and the parsed docs.
 */
function committedCandidates(ctx, spec, name) {
    const out = new Set();
    const join = (...parts) => parts.filter(Boolean).join('/');
    for (const d of ctx.project.docs)
        if (!d.embedded && (0,model/* pathInProject */.yv)(ctx.project, d).split('/').pop() === name)
            out.add((0,model/* pathInProject */.yv)(ctx.project, d));
    const base = spec?.base ?? '';
    out.add(join(base, name));
    for (const g of spec?.globs ?? []) {
        const pattern = g.pattern.trim().replace(/^(\.\/)+/, '').replace(/\/+$/, '');
        const dir = pattern.includes('/') ? pattern.slice(0, pattern.lastIndexOf('/')) : '';
        if (!/[*?[{]/.test(dir))
            out.add(join(base, dir, name));
        if (!/[*?[{]/.test(pattern))
            out.add(join(base, pattern));
    }
    return [...out].filter((p) => p.split('/').pop() === name && ctx.project.exists(p));
}
/** Files of a kind that a known artifact holds, for "did you mean" suggestions. */
function filesOfKind(ctx, o, kinds) {
    const out = new Map();
    if (o.kind === 'repository') {
        for (const d of ctx.project.docs)
            if (!d.embedded && kinds.includes(d.kind))
                out.set(pathInProject(ctx.project, d), false);
    }
    else if (o.kind === 'build' && o.spec && o.spec.base !== null) {
        const spec = o.spec;
        for (const w of o.ws.writes) {
            if (w.path === undefined)
                continue;
            const at = artifactPath(spec, w.path);
            if (at !== undefined && (w.docs.some((x) => kinds.includes(x.kind)) || kinds.some((k) => kindOfName(w.path) === k)))
                out.set(at, true);
        }
        for (const d of ctx.project.docs) {
            if (d.embedded || !kinds.includes(d.kind))
                continue;
            const at = artifactPath(spec, pathInProject(ctx.project, d));
            if (at !== undefined && !out.has(at))
                out.set(at, false);
        }
    }
    return [...out].map(([path, generated]) => ({ path, generated }));
}
/** The kind a generated file's name suggests, for files the core did not parse (printf output). */
function kindOfName(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (/^appspec.*\.(ya?ml|json)$/i.test(name))
        return 'appspec';
    if (/^imagedetail\.json$/i.test(name))
        return 'imagedetail';
    if (/^imagedefinitions.*\.json$/i.test(name))
        return 'imagedefinitions';
    if (/^(taskdef|task[-_]?def(inition)?)([-_.].*)?\.json$/i.test(name))
        return 'taskdef';
    return undefined;
}
/** The task definition template a CodeDeployToECS action reads, when it is in the project. */
function deployTaskdef(ctx, p, d) {
    const artifact = d.configuration.get('TaskDefinitionTemplateArtifact');
    if (!artifact)
        return undefined;
    return ctx.lookup(ctx.origin(p, artifact), d.taskdefPath).docs.filter((x) => x.kind === 'taskdef' && x.root).pop();
}
/** Whether a buildspec command edits this text itself (`sed -i "s|<IMAGE1_NAME>|…|"`), so the action does not have to. */
function editedByBuild(ctx, text) {
    return ctx.buildspecs.some((b) => {
        const t = ctx.workspace(b).commandText;
        return t.includes(text) && /\b(sed|perl|awk|jq|yq|python3?|envsubst)\b/.test(t);
    });
}

;// CONCATENATED MODULE: ./build/core/rules/crossfile/templates.js


/** Text filled in later by a tool (envsubst, Jinja, Terraform, an unresolved shell variable): its value is unknown here. */
function templated(s) {
    return /\$[A-Za-z_{(]|\{\{|#\{|%\{|\{%/.test(s);
}
/** The task definition object: the file's root, or `taskDefinition` in describe-task-definition output. */
function taskdefRoot(doc) {
    const root = doc.root;
    if (root?.type !== 'object')
        return undefined;
    const inner = (0,config_node/* child */.jf)(root, 'taskDefinition');
    if (!(0,config_node/* child */.jf)(root, 'containerDefinitions') && inner?.type === 'object')
        return inner;
    return root;
}
function containersOf(doc) {
    return (0,config_node/* items */.ld)((0,config_node/* child */.jf)(taskdefRoot(doc), 'containerDefinitions'))
        .filter((n) => n.type === 'object')
        .map((node) => {
        const nameNode = (0,config_node/* child */.jf)(node, 'name');
        const imageNode = (0,config_node/* child */.jf)(node, 'image');
        const ports = (0,config_node/* items */.ld)((0,config_node/* child */.jf)(node, 'portMappings')).map((m) => {
            const n = (0,config_node/* child */.jf)(m, 'containerPort');
            const t = (0,config_node/* scalarText */.ws)(n);
            return { port: t !== undefined && /^\d+$/.test(t) ? Number(t) : undefined, node: n ?? m };
        });
        return { node, name: (0,config_node/* str */.gx)(nameNode), nameNode, image: (0,config_node/* str */.gx)(imageNode), imageNode, ports };
    });
}
/** `<NAME>` placeholders in an image value. */
function placeholdersIn(image) {
    return [...image.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
}
/** Every `Resources[].<name>.Properties` of an ECS appspec, with its load-balancer settings. */
function targetServices(doc) {
    const out = [];
    for (const res of (0,config_node/* items */.ld)((0,config_node/* child */.jf)(doc.root, 'Resources'))) {
        for (const e of (0,config_node/* entries */.jO)(res)) {
            const properties = (0,config_node/* child */.jf)(e.value, 'Properties');
            if (properties?.type !== 'object')
                continue;
            const nameNode = (0,config_node.at)(properties, 'LoadBalancerInfo.ContainerName');
            const portNode = (0,config_node.at)(properties, 'LoadBalancerInfo.ContainerPort');
            const portText = (0,config_node/* scalarText */.ws)(portNode);
            const platformNode = (0,config_node/* child */.jf)(properties, 'PlatformVersion');
            out.push({
                doc,
                properties,
                containerName: (0,config_node/* scalarText */.ws)(nameNode),
                nameNode,
                port: portText !== undefined && /^\d+$/.test(portText.trim()) ? Number(portText) : undefined,
                portText,
                portNode,
                platformVersion: (0,config_node/* scalarText */.ws)(platformNode),
                platformNode,
                taskDefinition: (0,config_node/* scalarText */.ws)((0,config_node/* child */.jf)(properties, 'TaskDefinition')),
            });
        }
    }
    return out;
}
/**
 * The task definitions an appspec is deployed with. Through the pipeline when
 * a CodeDeployToECS action reads both; otherwise every task definition of the
 * project (rules then report only what is wrong with each of them), narrowed
 * by family when the appspec names a registered task definition.
 */
function taskdefsFor(ctx, appspec, ts) {
    for (const p of ctx.pipelines) {
        for (const d of p.deploys) {
            const asArtifact = d.configuration.get('AppSpecTemplateArtifact');
            const tdArtifact = d.configuration.get('TaskDefinitionTemplateArtifact');
            if (!asArtifact || !tdArtifact)
                continue;
            const found = ctx.lookup(ctx.origin(p, asArtifact), d.appspecPath);
            if (!found.docs.includes(appspec))
                continue;
            return ctx.lookup(ctx.origin(p, tdArtifact), d.taskdefPath).docs.filter((x) => x.kind === 'taskdef' && x.root).slice(-1);
        }
    }
    const all = docsOf(ctx.project, 'taskdef');
    const ref = ts.taskDefinition;
    if (ref && !/^<.*>$/.test(ref.trim()) && !templated(ref)) {
        // `arn:aws:ecs:…:task-definition/myapp:3` or `myapp:3`: only that family can be meant.
        const family = ref.replace(/^.*task-definition\//, '').replace(/:\d+$/, '');
        return all.filter((d) => str(child(taskdefRoot(d), 'family')) === family);
    }
    return all;
}
/** Closest candidate by edit distance, for "did you mean" hints. */
function closest(word, candidates) {
    let best;
    let bestD = Infinity;
    for (const c of candidates) {
        const d = distance(word.toLowerCase(), c.toLowerCase());
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
function distance(a, b) {
    if (a.length > 200 || b.length > 200)
        return Infinity;
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++)
            cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        prev = cur;
    }
    return prev[b.length];
}
/** `"a", "b" and "c"` for messages. */
function list(values, quote = true) {
    const q = values.map((v) => (quote ? `"${v}"` : v));
    return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}
/** The file name for messages: the logical name, and where it comes from when generated. */
function fileLabel(doc, relative) {
    return doc.embedded ? `${relative} (written by ${doc.embedded.host.path.slice(doc.embedded.host.path.lastIndexOf('/') + 1)})` : relative;
}

// EXTERNAL MODULE: ./build/core/preview/normalize.js
var preview_normalize = __webpack_require__(3278);
;// CONCATENATED MODULE: ./build/core/preview/effective.js






/** Stable key of a field path (`["containerDefinitions","web","memory"]`). */
function fieldKey(path) {
    return path.join('\u001f');
}
/** The nearest located field at or above a path: a removed variable points to its list. */
function locate(locations, path) {
    for (let n = path.length; n > 0; n--) {
        const hit = locations.get(fieldKey(path.slice(0, n)));
        if (hit)
            return hit;
    }
    return undefined;
}
/**
 * Every task definition a CodeDeployToECS action of the project registers;
 * without a pipeline, the project's only task definition (with its only appspec).
 */
function effectiveTaskdefs(project, options = {}) {
    const ctx = contextOf(project);
    const out = [];
    for (const p of ctx.pipelines) {
        for (const d of p.deploys) {
            const doc = deployTaskdef(ctx, p, d);
            if (!doc)
                continue;
            const appspecArtifact = d.configuration.get('AppSpecTemplateArtifact');
            const appspec = appspecArtifact ? ctx.lookup(ctx.origin(p, appspecArtifact), d.appspecPath).docs.filter((x) => x.kind === 'appspec' && x.root).pop() : undefined;
            out.push(build({ doc, appspec, placeholders: placeholdersOf(d), options, deploy: deployInfo(p, d) }));
        }
    }
    if (out.length > 0 || ctx.pipelines.some((p) => p.deploys.length > 0))
        return out;
    const taskdefs = (0,model/* docsOf */.fE)(project, 'taskdef');
    const appspecs = (0,model/* docsOf */.fE)(project, 'appspec');
    if (taskdefs.length !== 1)
        return [];
    return [build({ doc: taskdefs[0], appspec: appspecs.length === 1 ? appspecs[0] : undefined, placeholders: ['IMAGE1_NAME'], options })];
}
function deployInfo(p, d) {
    return {
        pipeline: (0,config_node/* str */.gx)((0,config_node/* child */.jf)((0,config_node/* child */.jf)(p.doc.root, 'pipeline'), 'name')) ?? p.doc.path,
        stage: d.stage,
        action: d.name,
        applicationName: d.configuration.get('ApplicationName'),
        deploymentGroupName: d.configuration.get('DeploymentGroupName'),
    };
}
/** The placeholder names the action fills in; an artifact without a container name uses `IMAGE<N>_NAME`. */
function placeholdersOf(d) {
    return imageSlots(d).map((s) => s.placeholder ?? `IMAGE${s.n}_NAME`);
}
function build(o) {
    const root = taskdefRoot(o.doc);
    const plain = (0,config_node/* toPlain */.Ul)(root);
    const taskdef = (0,preview_normalize/* isObj */.sA)(plain) ? plain : {};
    const images = [];
    const known = new Set(o.placeholders);
    const byName = new Map();
    for (const c of Array.isArray(taskdef.containerDefinitions) ? taskdef.containerDefinitions : []) {
        if ((0,preview_normalize/* isObj */.sA)(c) && typeof c.name === 'string')
            byName.set(c.name, c);
    }
    for (const c of containersOf(o.doc)) {
        if (c.image === undefined || c.name === undefined)
            continue;
        const target = byName.get(c.name);
        let image = c.image;
        for (const ph of placeholdersIn(c.image)) {
            if (!known.has(ph))
                continue;
            const choice = o.options.images?.[ph];
            images.push({ container: c.name, placeholder: ph, uri: choice?.uri, wouldBe: choice?.wouldBe ?? false });
            if (choice)
                image = image.split(`<${ph}>`).join(choice.uri);
        }
        if (target)
            target.image = image;
    }
    const locations = new Map();
    walk(root, [], o.doc.path, locations);
    return {
        taskdef,
        file: o.doc.path,
        name: o.doc.name,
        generated: o.doc.embedded !== undefined,
        deploy: o.deploy,
        images,
        loadBalancers: o.appspec ? loadBalancersOf(o.appspec) : [],
        unresolved: o.doc.embedded ? o.doc.embedded.unresolved.map((n) => '$' + n) : [],
        locations,
    };
}
function loadBalancersOf(appspec) {
    return targetServices(appspec)
        .filter((t) => t.nameNode || t.portNode)
        .map((t) => ({
        containerName: t.containerName,
        containerPort: t.port,
        location: t.nameNode ? toLocation(appspec.path, t.nameNode) : t.portNode ? toLocation(appspec.path, t.portNode) : undefined,
    }));
}
function toLocation(file, node, from = node.range.start) {
    return { file, line: from.line, column: from.column, endLine: node.range.end.line, endColumn: node.range.end.column };
}
const ID_FIELDS = ['name', 'containerPort', 'containerPath', 'containerName', 'namespace', 'hostname'];
/** Records where each field stands, keyed as normalizeTaskdef keys them. */
function walk(node, path, file, out) {
    if (!node)
        return;
    if (node.type === 'object') {
        for (const e of (0,config_node/* entries */.jO)(node)) {
            const p = [...path, e.key];
            out.set(fieldKey(p), toLocation(file, e.value, e.keyRange.start));
            if (e.value.type === 'array') {
                for (const item of (0,config_node/* items */.ld)(e.value)) {
                    const key = (0,preview_normalize/* itemKey */.Dh)(e.key, (0,config_node/* toPlain */.Ul)(item));
                    if (key === undefined)
                        continue;
                    // The item's identity (`"name": "LOG_LEVEL"`) is the line a reviewer looks for, even when the item spans several.
                    const id = ID_FIELDS.map((k) => (0,config_node/* entry */.f_)(item, k)).find((x) => x !== undefined);
                    out.set(fieldKey([...p, key]), id ? toLocation(file, id.value, id.keyRange.start) : toLocation(file, item));
                    walk(item, [...p, key], file, out);
                }
            }
            else
                walk(e.value, p, file, out);
        }
    }
}
/**
 * For a pull request: the images a build of the head commit would push, by
 * placeholder. Known when the buildspec pushes one repository whose name it
 * spells out and tags it with a value computed at build time (the commit):
 * that tag is taken to be the 7-character short SHA, as in the blog's buildspec.
 */
function wouldBeImages(project, headSha) {
    return taggedImages(project, headSha.slice(0, 7), { wouldBe: true });
}
/**
 * The images of the repository the buildspec pushes, with this tag, by
 * placeholder (`ecs-codepipeline preview --image-tag 1a2b3c4`); empty when
 * the buildspec does not name exactly one repository.
 */
function taggedImages(project, tag, o = { wouldBe: false }) {
    const ctx = contextOf(project);
    const repos = new Set();
    for (const b of ctx.buildspecs) {
        const ws = ctx.workspace(b);
        for (const p of ws.pushes) {
            const slash = p.ref.lastIndexOf('/');
            const colon = p.ref.lastIndexOf(':');
            if (colon <= slash || p.ref.includes('@'))
                continue;
            const repo = p.ref.slice(0, colon);
            const tag = p.ref.slice(colon + 1);
            if (!hasSymbols(repo) && hasSymbols(tag))
                repos.add(repo);
        }
    }
    if (repos.size !== 1)
        return {};
    const uri = `${[...repos][0]}:${tag}`;
    const out = {};
    for (const p of ctx.pipelines)
        for (const d of p.deploys)
            for (const ph of placeholdersOf(d))
                out[ph] = { uri, wouldBe: o.wouldBe };
    if (ctx.pipelines.every((p) => p.deploys.length === 0))
        out.IMAGE1_NAME = { uri, wouldBe: o.wouldBe };
    return out;
}


/***/ }),

/***/ 1399:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PREVIEW_CHECK_NAME: () => (/* reexport */ render/* PREVIEW_CHECK_NAME */.qp),
  READ_ONLY_FIELDS: () => (/* reexport */ normalize/* READ_ONLY_FIELDS */.O6),
  diffPipeline: () => (/* reexport */ diffPipeline),
  diffTaskdef: () => (/* reexport */ diffTaskdef),
  effectiveTaskdefs: () => (/* reexport */ effective/* effectiveTaskdefs */.fG),
  fieldKey: () => (/* reexport */ effective/* fieldKey */.aF),
  locate: () => (/* reexport */ effective/* locate */.x5),
  normalizeTaskdef: () => (/* reexport */ normalize/* normalizeTaskdef */.qW),
  previewCheckRun: () => (/* reexport */ previewCheckRun),
  previewConclusion: () => (/* reexport */ render/* previewConclusion */.gX),
  previewCounts: () => (/* reexport */ render/* previewCounts */.hL),
  previewExternalId: () => (/* reexport */ previewExternalId),
  previewJobSummary: () => (/* reexport */ previewJobSummary),
  previewTitle: () => (/* reexport */ render/* previewTitle */.Vf),
  renderDriftSection: () => (/* reexport */ render/* renderDriftSection */.RX),
  renderPreview: () => (/* reexport */ render/* renderPreview */.Bt),
  renderPreviewText: () => (/* reexport */ renderPreviewText),
  taggedImages: () => (/* reexport */ effective/* taggedImages */.be),
  wouldBeImages: () => (/* reexport */ effective/* wouldBeImages */.DZ)
});

// EXTERNAL MODULE: ./build/core/preview/effective.js + 6 modules
var effective = __webpack_require__(6521);
// EXTERNAL MODULE: ./build/core/preview/normalize.js
var normalize = __webpack_require__(3278);
;// CONCATENATED MODULE: ./build/core/preview/diff.js

const CATEGORY = {
    image: 'image',
    cpu: 'resources',
    memory: 'resources',
    memoryReservation: 'resources',
    ephemeralStorage: 'resources',
    resourceRequirements: 'resources',
    environment: 'environment',
    environmentFiles: 'environment',
    secrets: 'secrets',
    repositoryCredentials: 'secrets',
    portMappings: 'ports',
    healthCheck: 'health check',
    logConfiguration: 'logging',
    firelensConfiguration: 'logging',
    executionRoleArn: 'roles',
    taskRoleArn: 'roles',
};
function diffTaskdef(o) {
    const after = (0,normalize/* normalizeTaskdef */.qW)(o.effective);
    const before = (0,normalize/* normalizeTaskdef */.qW)(o.live);
    const changes = [];
    compare(before, after, [], changes);
    for (const c of changes)
        describe(c, o.images ?? []);
    const problems = checkLoadBalancers(after, o.loadBalancers ?? [], changes);
    const ordered = [...changes.filter((c) => c.risky), ...changes.filter((c) => !c.risky)];
    return { changes: ordered, problems };
}
function compare(a, b, path, out) {
    if ((0,normalize/* same */.FB)(a, b))
        return;
    if (normalize/* KEYED_LISTS */.JH.has(path[path.length - 1] ?? '') && !isPortMapping(path)) {
        // All variables removed is one change per variable, as one removed would be.
        if (a === undefined && (0,normalize/* isObj */.sA)(b))
            a = {};
        if (b === undefined && (0,normalize/* isObj */.sA)(a))
            b = {};
    }
    if ((0,normalize/* isObj */.sA)(a) && (0,normalize/* isObj */.sA)(b) && !isPortMapping(path)) {
        // The new task definition's order first: the order a reviewer reads the file in.
        for (const k of [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))])
            compare(a[k], b[k], [...path, k], out);
        return;
    }
    const kind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    out.push({ path, field: '', kind, category: 'other', before: a, after: b });
}
/** Port mappings are shown whole (`8080/tcp` with its host port and name), not field by field. */
function isPortMapping(path) {
    return path.length === 4 && path[0] === 'containerDefinitions' && path[2] === 'portMappings';
}
function describe(c, images) {
    const inContainer = c.path[0] === 'containerDefinitions' && c.path.length >= 2;
    c.container = inContainer ? c.path[1] : undefined;
    const rest = inContainer ? c.path.slice(2) : c.path;
    c.field = rest.length === 0 ? 'container' : rest.join('.');
    c.category = rest.length === 0 ? 'other' : (CATEGORY[rest[0]] ?? (rest[0] === 'logConfiguration' ? 'logging' : 'other'));
    if (c.category === 'environment' && rest[0] === 'environment' && rest[1] !== undefined && ((0,normalize/* secretLooking */.oE)(rest[1]) || (0,normalize/* secretValue */.aF)(c.before) || (0,normalize/* secretValue */.aF)(c.after))) {
        if (c.before !== undefined)
            c.before = normalize/* MASK */.v5;
        if (c.after !== undefined)
            c.after = normalize/* MASK */.v5;
        c.masked = true;
    }
    if (c.category === 'image' && c.container !== undefined) {
        const use = images.find((i) => i.container === c.container);
        if (use?.wouldBe)
            c.note = 'would be: the image a build of this commit tags';
        else if (use && use.uri === undefined)
            c.note = `<${use.placeholder}> is replaced by the image the pipeline builds`;
        if (use?.wouldBe || (use && use.uri === undefined))
            c.expected = true;
    }
    if (c.category === 'roles')
        c.risky = `${rest[0]} ${c.kind}: the tasks get other permissions`;
    if (c.category === 'secrets' && c.kind === 'removed' && rest[0] === 'secrets')
        c.risky = `secret ${rest[1] ?? ''} removed: the container no longer receives it`.replace('  ', ' ');
    if (c.category === 'resources' && (rest[rest.length - 1] === 'memory' || rest[rest.length - 1] === 'memoryReservation')) {
        const was = (0,normalize/* memoryMiB */.Ii)(c.before);
        const now = (0,normalize/* memoryMiB */.Ii)(c.after);
        if (was !== undefined && now !== undefined && now < was)
            c.risky = `memory lowered from ${was} to ${now} MiB: tasks may run out of memory`;
    }
    if (c.kind === 'removed' && rest.length === 0)
        c.risky = c.risky ?? `container ${c.container} removed`;
}
/**
 * The appspec sends traffic to a container name and port: the new task
 * definition must have both, or CodeDeploy cannot create the replacement task set.
 */
function checkLoadBalancers(after, targets, changes) {
    const problems = [];
    const containers = (0,normalize/* isObj */.sA)(after.containerDefinitions) ? after.containerDefinitions : {};
    for (const t of targets) {
        if (t.containerName === undefined)
            continue;
        const c = containers[t.containerName];
        if (!(0,normalize/* isObj */.sA)(c)) {
            const names = Object.keys(containers);
            problems.push({
                message: `the appspec's LoadBalancerInfo sends traffic to container "${t.containerName}", which the new task definition does not have${names.length ? ` (it has ${names.map((n) => `"${n}"`).join(', ')})` : ''}; rename the container or change ContainerName in the appspec`,
                location: t.location,
            });
            for (const ch of changes)
                if (ch.path.length === 2 && ch.container === t.containerName)
                    ch.risky = `container ${t.containerName} removed: the appspec's load balancer mapping no longer matches`;
            continue;
        }
        if (t.containerPort === undefined)
            continue;
        const ports = (0,normalize/* isObj */.sA)(c.portMappings) ? Object.values(c.portMappings).filter(normalize/* isObj */.sA).map((p) => p.containerPort) : [];
        if (ports.includes(t.containerPort))
            continue;
        problems.push({
            message: `the appspec's LoadBalancerInfo sends traffic to port ${t.containerPort} of container "${t.containerName}", which maps ${ports.length ? `only ${ports.join(', ')}` : 'no port'} in the new task definition; change ContainerPort in the appspec or the container's portMappings`,
            location: t.location,
        });
        for (const ch of changes) {
            if (ch.container !== t.containerName || ch.category !== 'ports')
                continue;
            ch.risky = `the appspec's load balancer mapping expects port ${t.containerPort}`;
        }
    }
    return problems;
}

// EXTERNAL MODULE: ./build/core/config/node.js
var node = __webpack_require__(2417);
;// CONCATENATED MODULE: ./build/core/preview/pipeline-diff.js


/** Top-level fields CodePipeline fills in when the file leaves them out: compared only when the file sets them. */
const DEFAULTED = new Set(['pipelineType', 'executionMode', 'triggers', 'variables']);
const IGNORED = new Set(['version', 'metadata', 'stages']);
/** GetPipeline hides secret configuration values (a GitHub OAuth token) behind asterisks. */
const HIDDEN = /^\*+$/;
function diffPipeline(o) {
    const repoNode = (0,node/* child */.jf)(o.repository.root, 'pipeline') ?? o.repository.root;
    const repo = (0,node/* toPlain */.Ul)(repoNode);
    const live = (0,normalize/* isObj */.sA)(o.live) && (0,normalize/* isObj */.sA)(o.live.pipeline) ? o.live.pipeline : o.live;
    if (!(0,normalize/* isObj */.sA)(repo) || !(0,normalize/* isObj */.sA)(live))
        return [];
    const loc = (node, from) => (node ? pipeline_diff_location(o.repository.path, node, from) : undefined);
    const out = [];
    for (const k of new Set([...Object.keys(repo), ...Object.keys(live)])) {
        if (IGNORED.has(k) || (DEFAULTED.has(k) && !(k in repo)))
            continue;
        if ((0,normalize/* same */.FB)(repo[k], live[k]))
            continue;
        out.push({
            kind: 'pipeline-changed',
            field: k,
            repository: repo[k],
            live: live[k],
            location: loc((0,node/* entry */.f_)(repoNode, k)?.value),
            message: `pipeline ${k} differs: the repository has ${show(repo[k])}, the live pipeline ${show(live[k])}`,
        });
    }
    const stagesNode = (0,node/* child */.jf)(repoNode, 'stages');
    const stagesKey = (0,node/* entry */.f_)(repoNode, 'stages');
    const stagesLoc = stagesKey ? pipeline_diff_location(o.repository.path, { range: stagesKey.keyRange }) : undefined;
    const repoStages = byName(repo.stages);
    const liveStages = byName(live.stages);
    const stageNode = (name) => (0,node/* items */.ld)(stagesNode).find((n) => (0,node/* str */.gx)((0,node/* child */.jf)(n, 'name')) === name);
    for (const [name, ls] of liveStages) {
        if (repoStages.has(name))
            continue;
        const actions = byName(ls.actions);
        out.push({
            kind: 'stage-added',
            stage: name,
            live: ls,
            location: stagesLoc,
            message: `stage "${name}"${actions.size ? ` (${[...actions.keys()].map((a) => `"${a}"`).join(', ')})` : ''} exists in the live pipeline but not in the repository; add it to the file or remove it from the pipeline`,
        });
    }
    for (const [name] of repoStages) {
        if (liveStages.has(name))
            continue;
        out.push({ kind: 'stage-removed', stage: name, location: loc(stageNode(name)), message: `stage "${name}" is in the repository but not in the live pipeline; it was removed in the console or never applied` });
    }
    const commonRepo = [...repoStages.keys()].filter((n) => liveStages.has(n));
    const commonLive = [...liveStages.keys()].filter((n) => repoStages.has(n));
    if (commonRepo.join('\n') !== commonLive.join('\n')) {
        out.push({ kind: 'stage-moved', location: stagesLoc, repository: commonRepo, live: commonLive, message: `stages run in another order: the repository has ${commonRepo.join(' → ')}, the live pipeline ${commonLive.join(' → ')}` });
    }
    for (const name of commonRepo) {
        const rs = repoStages.get(name);
        const ls = liveStages.get(name);
        const sNode = stageNode(name);
        for (const k of new Set([...Object.keys(rs), ...Object.keys(ls)])) {
            if (k === 'name' || k === 'actions' || (0,normalize/* same */.FB)(rs[k], ls[k]))
                continue;
            out.push({ kind: 'stage-changed', stage: name, field: k, repository: rs[k], live: ls[k], location: loc((0,node/* entry */.f_)(sNode, k)?.value ?? sNode), message: `stage "${name}": ${k} differs` });
        }
        diffActions({ stage: name, repo: byName(rs.actions), live: byName(ls.actions), stageNode: sNode, loc, out });
    }
    return out;
}
function diffActions(o) {
    const actionNode = (name) => (0,node/* items */.ld)((0,node/* child */.jf)(o.stageNode, 'actions')).find((n) => (0,node/* str */.gx)((0,node/* child */.jf)(n, 'name')) === name);
    for (const [name] of o.live) {
        if (!o.repo.has(name))
            o.out.push({ kind: 'action-added', stage: o.stage, action: name, location: o.loc((0,node/* child */.jf)(o.stageNode, 'actions') ?? o.stageNode), message: `action "${name}" of stage "${o.stage}" exists only in the live pipeline` });
    }
    for (const [name, ra] of o.repo) {
        const la = o.live.get(name);
        const aNode = actionNode(name);
        if (!la) {
            o.out.push({ kind: 'action-removed', stage: o.stage, action: name, location: o.loc(aNode), message: `action "${name}" of stage "${o.stage}" is not in the live pipeline` });
            continue;
        }
        const r = normalizeAction(ra);
        const l = normalizeAction(la);
        for (const k of new Set([...Object.keys(r), ...Object.keys(l)])) {
            if (k === 'configuration')
                continue;
            if ((0,normalize/* same */.FB)(r[k], l[k]))
                continue;
            o.out.push({ kind: 'action-changed', stage: o.stage, action: name, field: k, repository: r[k], live: l[k], location: o.loc((0,node/* child */.jf)(aNode, k) ?? aNode), message: `action "${name}": ${k} is ${show(l[k])} live, ${show(r[k])} in the repository` });
        }
        const rc = (0,normalize/* isObj */.sA)(r.configuration) ? r.configuration : {};
        const lc = (0,normalize/* isObj */.sA)(l.configuration) ? l.configuration : {};
        const cNode = (0,node/* child */.jf)(aNode, 'configuration');
        for (const k of new Set([...Object.keys(rc), ...Object.keys(lc)])) {
            if (typeof lc[k] === 'string' && HIDDEN.test(lc[k]))
                continue;
            if ((0,normalize/* same */.FB)(rc[k], lc[k]))
                continue;
            o.out.push({
                kind: 'action-changed',
                stage: o.stage,
                action: name,
                field: `configuration.${k}`,
                repository: rc[k],
                live: lc[k],
                location: o.loc((0,node/* entry */.f_)(cNode, k)?.value ?? cNode ?? aNode, (0,node/* entry */.f_)(cNode, k)?.value),
                message: `action "${name}": configuration ${k} is ${show(lc[k])} live, ${show(rc[k])} in the repository`,
            });
        }
    }
}
/** Defaults CodePipeline writes out, and artifacts as lists of names. */
function normalizeAction(a) {
    const out = { ...a, runOrder: a.runOrder ?? 1 };
    delete out.name;
    for (const k of ['inputArtifacts', 'outputArtifacts']) {
        const list = Array.isArray(a[k]) ? a[k] : [];
        out[k] = list.map((x) => ((0,normalize/* isObj */.sA)(x) ? x.name : x));
    }
    if ((0,normalize/* isObj */.sA)(a.configuration)) {
        const c = {};
        for (const [k, v] of Object.entries(a.configuration))
            c[k] = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
        out.configuration = c;
    }
    for (const k of Object.keys(out)) {
        const v = out[k];
        if (v === undefined || v === null || (Array.isArray(v) && v.length === 0) || ((0,normalize/* isObj */.sA)(v) && Object.keys(v).length === 0))
            delete out[k];
    }
    return out;
}
function byName(list) {
    const out = new Map();
    if (!Array.isArray(list))
        return out;
    list.forEach((x, i) => {
        if ((0,normalize/* isObj */.sA)(x))
            out.set(typeof x.name === 'string' ? x.name : `#${i + 1}`, x);
    });
    return out;
}
function pipeline_diff_location(file, node, from) {
    const n = from ?? node;
    return { file, line: n.range.start.line, column: n.range.start.column, endLine: n.range.end.line, endColumn: n.range.end.column };
}
function show(v) {
    if (v === undefined)
        return 'nothing';
    if ((0,normalize/* secretValue */.aF)(typeof v === 'string' ? v : JSON.stringify(v)))
        return normalize/* MASK */.v5;
    const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
    return s.length > 80 ? s.slice(0, 77) + '…' : s;
}

// EXTERNAL MODULE: ./build/core/preview/render.js
var render = __webpack_require__(5469);
;// CONCATENATED MODULE: ./build/core/preview/text.js

const COLOR = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1, underline: 4 };
function paint(on, code, s) {
    return on ? `\u001b[${code}m${s}\u001b[0m` : s;
}
/** One line, so that a value never breaks the layout. */
function flat(v, max = 100) {
    if (v === undefined)
        return '(none)';
    const s = (typeof v === 'string' ? v : JSON.stringify(v)).replace(/\s*[\r\n]+\s*/g, ' ');
    return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
function changeLine(c, width, color) {
    const mark = c.risky ? paint(color, COLOR.yellow, '⚠') : ' ';
    const before = c.kind === 'added' ? '(none)' : flat(c.before);
    const after = c.kind === 'removed' ? '(removed)' : flat(c.after);
    const out = [`    ${mark} ${c.field.padEnd(width)}  ${paint(color, COLOR.dim, before)} → ${after}${c.note ? paint(color, COLOR.dim, `  (${c.note})`) : ''}`];
    if (c.risky)
        out.push(`      ${' '.repeat(width)}  ${paint(color, COLOR.yellow, c.risky)}`);
    return out;
}
function renderPreviewText(input, options = {}) {
    const color = options.color === true;
    const out = [];
    for (const s of input.sections) {
        const e = s.effective;
        const target = e.deploy ? [e.deploy.applicationName, e.deploy.deploymentGroupName].filter(Boolean).join(' / ') : '';
        const by = e.deploy ? `${e.deploy.stage} / ${e.deploy.action}, ` : '';
        const from = e.generated ? `${e.name} written by ${e.file}` : e.file;
        out.push(`${paint(color, COLOR.underline, s.service ?? (target || e.name))}  ${paint(color, COLOR.dim, `(${by}task definition from ${from})`)}`);
        if (!s.diff) {
            out.push(`  ${paint(color, COLOR.yellow, 'cannot compare')}: ${s.unavailable ?? 'the live task definition is unknown'}`, '');
            continue;
        }
        for (const p of s.diff.problems)
            out.push(`  ${paint(color, COLOR.red, '✖ deploy would fail')}: ${flat(p.message, 1000)}${p.location ? paint(color, COLOR.dim, `  ${p.location.file}:${p.location.line}`) : ''}`);
        if (s.diff.changes.length === 0)
            out.push('  no deployable change: the task definition matches the one the service runs');
        const groups = new Map();
        for (const c of s.diff.changes)
            groups.set(c.container ?? '', [...(groups.get(c.container ?? '') ?? []), c]);
        const width = Math.min(40, Math.max(0, ...s.diff.changes.map((c) => c.field.length)));
        for (const k of [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0))) {
            out.push(`  ${k === '' ? 'task' : `container ${k}`}`);
            for (const c of groups.get(k))
                out.push(...changeLine(c, width, color));
        }
        if (e.unresolved.length > 0)
            out.push(paint(color, COLOR.dim, `  values only known at build time: ${e.unresolved.join(', ')}`));
        out.push('');
    }
    const d = input.drift;
    if (d) {
        out.push(`${paint(color, COLOR.underline, `pipeline drift: ${d.file} vs the live pipeline${d.pipeline ? ` ${d.pipeline}` : ''}`)}`);
        if (d.unavailable)
            out.push(`  ${paint(color, COLOR.yellow, 'cannot compare')}: ${d.unavailable}`);
        else if (d.items.length === 0)
            out.push('  the live pipeline matches the file');
        for (const i of d.items)
            out.push(`  ${paint(color, COLOR.yellow, '⚠')} ${flat(i.message, 1000)}${i.location ? paint(color, COLOR.dim, `  ${i.location.file}:${i.location.line}`) : ''}`);
        out.push('');
    }
    const conclusion = (0,render/* previewConclusion */.gX)(input);
    const last = (0,render/* previewTitle */.Vf)(input);
    out.push(conclusion === 'failure' ? paint(color, COLOR.red, `✖ ${last}`) : conclusion === 'success' ? paint(color, COLOR.green, `✔ ${last}`) : paint(color, COLOR.yellow, `● ${last}`));
    return out.join('\n') + '\n';
}

// EXTERNAL MODULE: ./build/core/pipeline/md.js + 1 modules
var md = __webpack_require__(6440);
;// CONCATENATED MODULE: ./build/core/preview/check-run.js


/** The run's external id: a re-run of the workflow, or a redelivered webhook, updates the same run. */
function previewExternalId(pipelineName) {
    return `preview:${pipelineName}`;
}
function body(report, o) {
    const head = `**Pipeline** ${(0,md/* code */.aY)(o.pipelineName)} · **Commit** ${(0,md/* code */.aY)(o.headSha.slice(0, 7))}`;
    const notes = (o.notes ?? []).map((n) => `> ${(0,md/* cell */.Hn)(n)}`);
    return [head, '', ...(notes.length ? [...notes, ''] : []), report.summary].join('\n');
}
function previewCheckRun(report, o) {
    const details = (0,md/* safeUrl */.Pl)(o.detailsUrl);
    return {
        name: o.name ?? render/* PREVIEW_CHECK_NAME */.qp,
        headSha: o.headSha,
        externalId: previewExternalId(o.pipelineName),
        status: 'completed',
        conclusion: report.conclusion,
        completedAt: o.now,
        ...(details ? { detailsUrl: details } : {}),
        output: { title: report.title, summary: (0,md/* clip */.$Q)(body(report, o), md/* OUTPUT_MAX */.Vq, 'the job summary has the whole preview'), annotations: report.annotations },
    };
}
const ICON = { success: '✅', neutral: '🔎', failure: '❌' };
function previewJobSummary(report, o) {
    return `## ${ICON[report.conclusion]} ${(0,md/* cell */.Hn)(o.name ?? render/* PREVIEW_CHECK_NAME */.qp)}: ${(0,md/* cell */.Hn)(report.title)}\n\n${body(report, o)}`;
}

;// CONCATENATED MODULE: ./build/core/preview/index.js
/** Deploy preview: what merging would change in the running service, and pipeline drift. Pure; the live side is read by adapters. */









/***/ }),

/***/ 3278:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dh: () => (/* binding */ itemKey),
/* harmony export */   FB: () => (/* binding */ same),
/* harmony export */   Ii: () => (/* binding */ memoryMiB),
/* harmony export */   JH: () => (/* binding */ KEYED_LISTS),
/* harmony export */   O6: () => (/* binding */ READ_ONLY_FIELDS),
/* harmony export */   aF: () => (/* binding */ secretValue),
/* harmony export */   oE: () => (/* binding */ secretLooking),
/* harmony export */   qW: () => (/* binding */ normalizeTaskdef),
/* harmony export */   sA: () => (/* binding */ isObj),
/* harmony export */   v5: () => (/* binding */ MASK)
/* harmony export */ });
/* unused harmony export cpuUnits */
/**
 * One shape for both sides of the task definition diff: the template the
 * deploy registers and DescribeTaskDefinition output. Lists whose items have
 * an identity (containers, variables, ports …) become objects keyed by it, and
 * the defaults the ECS API fills in are written out, so that equal task
 * definitions normalise to equal values.
 */
/** Set by ECS on registration: never part of what a deploy changes. */
const READ_ONLY_FIELDS = new Set([
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
]);
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The identity of an item of a list, by the list's key (`environment`,
 * `portMappings` …); undefined for lists compared as a whole (`command`).
 */
function itemKey(list, item) {
    if (!isObj(item))
        return undefined;
    const s = (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
    switch (list) {
        case 'containerDefinitions':
        case 'environment':
        case 'secrets':
        case 'volumes':
        case 'ulimits':
        case 'inferenceAccelerators':
        case 'secretOptions':
            return s(item.name);
        case 'portMappings': {
            const port = s(item.containerPort) ?? (s(item.containerPortRange) ? `range ${s(item.containerPortRange)}` : undefined);
            return port === undefined ? undefined : `${port}/${(s(item.protocol) ?? 'tcp').toLowerCase()}`;
        }
        case 'mountPoints':
            return s(item.containerPath);
        case 'dependsOn':
            return s(item.containerName);
        case 'systemControls':
            return s(item.namespace);
        case 'extraHosts':
            return s(item.hostname);
        default:
            return undefined;
    }
}
/** Lists whose items itemKey identifies: compared item by item even when the whole list appears or goes. */
const KEYED_LISTS = new Set(['containerDefinitions', 'environment', 'secrets', 'volumes', 'ulimits', 'inferenceAccelerators', 'secretOptions', 'portMappings', 'mountPoints', 'dependsOn', 'systemControls', 'extraHosts']);
/** Lists whose items are name/value pairs: compared as name → value. */
const VALUE_OF = { environment: 'value', secrets: 'valueFrom', secretOptions: 'valueFrom' };
/** `"1 vCPU"` → 1024, `"256"` → 256; undefined when it is not a CPU amount. */
function cpuUnits(v) {
    if (typeof v === 'number')
        return v;
    if (typeof v !== 'string')
        return undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(v);
    if (!m)
        return undefined;
    return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}
/** `"1 GB"` → 1024, `"512"` → 512 (MiB); undefined when it is not a memory amount. */
function memoryMiB(v) {
    if (typeof v === 'number')
        return v;
    if (typeof v !== 'string')
        return undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(gb|gib|mb|mib)?\s*$/i.exec(v);
    if (!m)
        return undefined;
    return /^g/i.test(m[2] ?? '') ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}
const HEALTH_DEFAULTS = { interval: 30, timeout: 5, retries: 3 };
/** The normalised task definition; the input is not modified. Accepts DescribeTaskDefinition output as is. */
function normalizeTaskdef(input) {
    const raw = isObj(input) && isObj(input.taskDefinition) && !('containerDefinitions' in input) ? input.taskDefinition : input;
    if (!isObj(raw))
        return {};
    const td = { ...raw };
    for (const k of READ_ONLY_FIELDS)
        delete td[k];
    const awsvpc = td.networkMode === 'awsvpc';
    if (td.cpu !== undefined)
        td.cpu = cpuUnits(td.cpu) ?? td.cpu;
    if (td.memory !== undefined)
        td.memory = memoryMiB(td.memory) ?? td.memory;
    if (Array.isArray(td.requiresCompatibilities))
        td.requiresCompatibilities = [...td.requiresCompatibilities].map(String).sort();
    if (Array.isArray(td.containerDefinitions)) {
        td.containerDefinitions = td.containerDefinitions.map((c) => (isObj(c) ? normalizeContainer(c, awsvpc) : c));
    }
    return clean(keyLists(td, ''));
}
function normalizeContainer(input, awsvpc) {
    const c = { ...input };
    if (c.essential === undefined)
        c.essential = true;
    // The API reports an unset container cpu as 0.
    if (c.cpu === 0 || c.cpu === '0')
        delete c.cpu;
    for (const k of ['cpu', 'memory', 'memoryReservation']) {
        if (c[k] !== undefined)
            c[k] = (k === 'cpu' ? cpuUnits(c[k]) : memoryMiB(c[k])) ?? c[k];
    }
    if (Array.isArray(c.portMappings)) {
        c.portMappings = c.portMappings.map((p) => {
            if (!isObj(p))
                return p;
            const q = { ...p, protocol: typeof p.protocol === 'string' ? p.protocol.toLowerCase() : 'tcp' };
            if (typeof q.containerPort === 'string' && /^\d+$/.test(q.containerPort))
                q.containerPort = Number(q.containerPort);
            if (typeof q.hostPort === 'string' && /^\d+$/.test(q.hostPort))
                q.hostPort = Number(q.hostPort);
            // With awsvpc the host port is the container port; the API writes it out.
            if (awsvpc && q.hostPort === undefined && q.containerPort !== undefined)
                q.hostPort = q.containerPort;
            return q;
        });
    }
    if (isObj(c.healthCheck))
        c.healthCheck = { ...HEALTH_DEFAULTS, ...c.healthCheck };
    if (Array.isArray(c.environment)) {
        c.environment = c.environment.map((e) => (isObj(e) && e.value !== undefined && e.value !== null ? { ...e, value: String(e.value) } : e));
    }
    return c;
}
/** Turns keyed lists into objects (name → item, or name → value for pairs), recursively. */
function keyLists(v, name) {
    if (Array.isArray(v)) {
        const keys = v.map((item) => itemKey(name, item));
        if (v.length > 0 && keys.every((k) => k !== undefined) && new Set(keys).size === keys.length) {
            const o = {};
            v.forEach((item, i) => {
                const field = VALUE_OF[name];
                o[keys[i]] = field ? item[field] : keyLists(item, '');
            });
            return o;
        }
        return v.map((item) => keyLists(item, ''));
    }
    if (isObj(v)) {
        const o = {};
        for (const [k, x] of Object.entries(v))
            o[k] = keyLists(x, k);
        return o;
    }
    return v;
}
/** Drops nulls, empty lists and empty objects: the API returns `[]` where a template says nothing. */
function clean(v) {
    if (Array.isArray(v))
        return v.map(clean);
    if (!isObj(v))
        return v;
    const o = {};
    for (const [k, x] of Object.entries(v)) {
        const c = clean(x);
        if (c === null || c === undefined)
            continue;
        if (Array.isArray(c) && c.length === 0)
            continue;
        if (isObj(c) && Object.keys(c).length === 0)
            continue;
        o[k] = c;
    }
    return o;
}
/** Names whose values must not be shown, even in a task definition's plain environment. */
function secretLooking(name) {
    return /pass(word|wd)?|secret|token|api_?key|private|credential|access_?key|auth|dsn|conn(ection)?_?str/i.test(name);
}
/**
 * Values that are credentials whatever the variable is called: a URL with a
 * password (`postgres://app:s3cret@db/…`), access keys, tokens, private keys.
 */
const SECRET_VALUES = [
    /:\/\/[^/\s:@]+:[^/\s@]+@/,
    /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /\bgh[pousr]_[A-Za-z0-9]{20,}\b/,
    /\bxox[abprs]-[A-Za-z0-9-]{10,}/,
    /\b[sr]k_(?:live|test)_[A-Za-z0-9]{8,}/,
];
function secretValue(v) {
    return typeof v === 'string' && SECRET_VALUES.some((re) => re.test(v));
}
const MASK = '••••••';
/** Deep equality of plain values (object key order ignored). */
function same(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => same(x, b[i]));
    if (isObj(a) && isObj(b)) {
        const ka = Object.keys(a);
        return ka.length === Object.keys(b).length && ka.every((k) => k in b && same(a[k], b[k]));
    }
    return false;
}


/***/ }),

/***/ 5469:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ renderPreview),
/* harmony export */   RX: () => (/* binding */ renderDriftSection),
/* harmony export */   Vf: () => (/* binding */ previewTitle),
/* harmony export */   gX: () => (/* binding */ previewConclusion),
/* harmony export */   hL: () => (/* binding */ previewCounts),
/* harmony export */   qp: () => (/* binding */ PREVIEW_CHECK_NAME)
/* harmony export */ });
/* harmony import */ var _pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6440);
/* harmony import */ var _effective_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6521);


/** The `ECS deploy preview` check run (and job summary, and terminal text) from the diffs. */
const PREVIEW_CHECK_NAME = 'ECS deploy preview';
const RISK = '⚠️';
/**
 * Failure only when the deployment itself would fail; neutral when anything
 * changes, drifts or cannot be compared; success when nothing deployable changes.
 */
function previewConclusion(input) {
    if (input.sections.some((s) => (s.diff?.problems.length ?? 0) > 0))
        return 'failure';
    const changed = input.sections.some((s) => !s.diff || s.diff.changes.some((c) => !c.expected));
    const drifted = input.drift !== undefined && (input.drift.items.length > 0 || input.drift.unavailable !== undefined);
    return changed || drifted ? 'neutral' : 'success';
}
function previewCounts(input) {
    const changes = input.sections.flatMap((s) => s.diff?.changes ?? []).filter((c) => !c.expected);
    return {
        changes: changes.length,
        risky: changes.filter((c) => c.risky).length,
        problems: input.sections.reduce((n, s) => n + (s.diff?.problems.length ?? 0), 0),
        drift: input.drift?.items.length ?? 0,
        unavailable: input.sections.filter((s) => !s.diff).length + (input.drift?.unavailable !== undefined ? 1 : 0),
    };
}
/** The check run's title: what changes, else why the preview is incomplete, else that nothing changes. */
function previewTitle(input) {
    const n = previewCounts(input);
    const parts = [];
    if (n.problems > 0)
        parts.push(`${n.problems} deploy-breaking problem${n.problems === 1 ? '' : 's'}`);
    if (n.changes > 0)
        parts.push(`${n.changes} change${n.changes === 1 ? '' : 's'}${n.risky ? ` (${n.risky} risky)` : ''}${changedFields(input)}`);
    if (n.drift > 0)
        parts.push(`pipeline drift (${n.drift})`);
    const unavailable = [...input.sections.map((s) => (s.diff ? undefined : (s.unavailable ?? 'the live task definition is unknown'))), input.drift?.unavailable].filter((u) => u !== undefined);
    if (parts.length === 0 && unavailable.length > 0)
        return (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(`Preview incomplete: ${unavailable[0]}`, _pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .TITLE_MAX */ .GQ);
    if (parts.length === 0) {
        const expected = input.sections.some((s) => s.diff?.changes.some((c) => c.expected));
        return input.sections.length === 0 ? 'Nothing to preview' : expected ? 'No deployable change besides the new image' : 'No deployable change';
    }
    return (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(parts.join(', '), _pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .TITLE_MAX */ .GQ);
}
/** `: memory, environment.FEATURE_CHECKOUT` for a few changes; nothing for many (the tables say it). */
function changedFields(input) {
    const fields = [...new Set(input.sections.flatMap((s) => s.diff?.changes ?? []).filter((c) => !c.expected).map((c) => c.field))];
    return fields.length > 0 && fields.length <= 3 ? `: ${fields.join(', ')}` : '';
}
function renderPreview(input) {
    const conclusion = previewConclusion(input);
    const title = previewTitle(input);
    const md = [];
    for (const s of input.sections)
        md.push(...section(s));
    if (input.drift)
        md.push(...driftSection(input.drift));
    return { conclusion, title, summary: (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(md.join('\n').trim() + '\n'), annotations: annotations(input) };
}
function section(s) {
    const e = s.effective;
    const target = e.deploy ? [e.deploy.applicationName, e.deploy.deploymentGroupName].filter(Boolean).join(' / ') : '';
    const from = e.generated ? `${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(e.name)} written by ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(e.file)}` : (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(e.file);
    const out = [`### ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(s.service ?? (target || e.name))}`, '', `Task definition from ${from}${e.deploy ? `, deployed by ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(`${e.deploy.stage} / ${e.deploy.action}`)}` : ''}.`, ''];
    if (!s.diff) {
        out.push(`Cannot compare with the running service: ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(s.unavailable ?? 'the live task definition is unknown')}.`, '');
        return out;
    }
    for (const p of s.diff.problems)
        out.push(`❌ **Deploy would fail:** ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(p.message)}${p.location ? ` (${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(`${p.location.file}:${p.location.line}`)})` : ''}`, '');
    if (s.diff.changes.length === 0) {
        out.push('No deployable change: the task definition this would register matches the one the service runs.', '');
        return out;
    }
    if (s.diff.changes.every((c) => c.category === 'image'))
        out.push(s.diff.changes.every((c) => c.expected) ? 'Only the image changes: the rest of the task definition matches the one the service runs.' : 'Only the image changes.', '');
    const groups = new Map();
    for (const c of s.diff.changes) {
        const k = c.container === undefined ? '' : c.container;
        groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    // Task-level fields first, then each container; risky changes lead inside each table (the diff orders them).
    const keys = [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
    for (const k of keys) {
        out.push(k === '' ? '**Task**' : `**Container ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(k)}**`, '', '| | Field | Before | After |', '|---|---|---|---|');
        for (const c of groups.get(k)) {
            const after = c.kind === 'removed' ? '*(removed)*' : value(c.after) + (c.note ? ` *(${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(c.note)})*` : '');
            const marker = c.risky ? `${RISK}` : '';
            const field = (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(c.field) + (c.risky ? `<br>${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(c.risky)}` : '');
            out.push(`| ${marker} | ${field} | ${c.kind === 'added' ? '*(none)*' : value(c.before)} | ${after} |`);
        }
        out.push('');
    }
    if (s.effective.unresolved.length > 0)
        out.push(`Values only known at build time: ${s.effective.unresolved.map(_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY).join(', ')}.`, '');
    return out;
}
function value(v) {
    if (v === undefined)
        return '—';
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(s.length > 120 ? s.slice(0, 117) + '…' : s);
}
/**
 * The drift alone, as Markdown: what `mode: track` adds once to the
 * execution's check run. No drift, or a pipeline that cannot be read, is one line.
 */
function renderDriftSection(d) {
    if (d.unavailable)
        return `${RISK} Pipeline drift not compared: ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(d.unavailable)}.\n`;
    if (d.items.length === 0)
        return `No pipeline drift: ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(d.file)} matches the live pipeline${d.pipeline ? ` ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(d.pipeline)}` : ''}.\n`;
    return driftSection(d).join('\n').trim() + '\n';
}
function driftSection(d) {
    const out = [`### Pipeline drift: ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(d.file)} vs the live pipeline${d.pipeline ? ` ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(d.pipeline)}` : ''}`, ''];
    if (d.unavailable)
        return [...out, `Cannot compare: ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(d.unavailable)}.`, ''];
    if (d.items.length === 0)
        return [...out, 'The live pipeline matches the file.', ''];
    for (const i of d.items)
        out.push(`- ${RISK} ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(i.message)}`);
    return [...out, ''];
}
function annotations(input) {
    const out = [];
    const add = (loc, level, title, message) => {
        if (loc)
            out.push({ path: loc.file, start_line: loc.line, end_line: loc.line, annotation_level: level, title, message });
    };
    for (const s of input.sections) {
        for (const p of s.diff?.problems ?? [])
            add(p.location, 'failure', 'Deploy would fail', p.message);
        for (const c of s.diff?.changes ?? []) {
            // The new image is on no line the pull request changed.
            if (c.expected)
                continue;
            const what = `${c.container ? `container ${c.container}: ` : ''}${c.field}`;
            const text = c.kind === 'added' ? `${what} added: ${plain(c.after)}` : c.kind === 'removed' ? `${what} removed (was ${plain(c.before)})` : `${what}: ${plain(c.before)} → ${plain(c.after)}`;
            add((0,_effective_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(s.effective.locations, c.path), c.risky ? 'warning' : 'notice', `Deploy changes ${c.category}`, c.risky ? `${text}. ${c.risky}` : text);
        }
    }
    for (const i of input.drift?.items ?? [])
        add(i.location, 'warning', 'Pipeline drift', i.message);
    return out;
}
function plain(v) {
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return s === undefined ? 'nothing' : s.length > 200 ? s.slice(0, 197) + '…' : s;
}


/***/ })

};
