// A small OData $filter parser and evaluator covering what apps send to Outlook and directory endpoints:
// eq/ne/gt/ge/lt/le, and/or/not, parentheses, startswith/endswith/contains, lambda any/all over
// collections (categories/any(c:c eq 'X')), property paths (from/emailAddress/address), and literals
// (strings, numbers, booleans, null, ISO date-times).
import { badRequest } from './errors.js';

type Node =
  | { t: 'lit'; v: unknown }
  | { t: 'path'; parts: string[] }
  | { t: 'cmp'; op: string; l: Node; r: Node }
  | { t: 'and' | 'or'; l: Node; r: Node }
  | { t: 'not'; e: Node }
  | { t: 'fn'; name: string; args: Node[] }
  | { t: 'lambda'; kind: 'any' | 'all'; coll: Node; varName: string; body: Node };

interface Tok {
  k: 'str' | 'num' | 'word' | 'punct' | 'date';
  v: string;
}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw invalidFilter(src);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i];
        i++;
      }
      toks.push({ k: 'str', v: s });
      continue;
    }
    if ('(),:'.includes(c)) {
      toks.push({ k: 'punct', v: c });
      i++;
      continue;
    }
    const date = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?/.exec(src.slice(i));
    if (date) {
      toks.push({ k: 'date', v: date[0] });
      i += date[0].length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      toks.push({ k: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_@][\w./@-]*/.exec(src.slice(i));
    if (word) {
      toks.push({ k: 'word', v: word[0] });
      i += word[0].length;
      continue;
    }
    throw invalidFilter(src);
  }
  return toks;
}

const invalidFilter = (src: string) =>
  badRequest(`Invalid filter clause: syntax error in '${src}'.`, 'BadRequest');

const CMP = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly src: string,
  ) {}

  parse(): Node {
    const n = this.or();
    if (this.i !== this.toks.length) throw invalidFilter(this.src);
    return n;
  }
  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return !!t && t.k === 'word' && t.v.toLowerCase() === v;
  }
  private expect(v: string): void {
    const t = this.toks[this.i++];
    if (!t || t.v !== v) throw invalidFilter(this.src);
  }
  private or(): Node {
    let l = this.and();
    while (this.isWord('or')) {
      this.i++;
      l = { t: 'or', l, r: this.and() };
    }
    return l;
  }
  private and(): Node {
    let l = this.unary();
    while (this.isWord('and')) {
      this.i++;
      l = { t: 'and', l, r: this.unary() };
    }
    return l;
  }
  private unary(): Node {
    if (this.isWord('not')) {
      this.i++;
      return { t: 'not', e: this.unary() };
    }
    return this.cmp();
  }
  private cmp(): Node {
    const l = this.primary();
    const t = this.peek();
    if (t && t.k === 'word' && CMP.has(t.v.toLowerCase())) {
      this.i++;
      return { t: 'cmp', op: t.v.toLowerCase(), l, r: this.primary() };
    }
    return l;
  }
  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw invalidFilter(this.src);
    if (t.k === 'punct' && t.v === '(') {
      const n = this.or();
      this.expect(')');
      return n;
    }
    if (t.k === 'str') return { t: 'lit', v: t.v };
    if (t.k === 'num') return { t: 'lit', v: Number(t.v) };
    if (t.k === 'date') return { t: 'lit', v: t.v };
    if (t.k === 'word') {
      const w = t.v;
      const lw = w.toLowerCase();
      if (lw === 'true' || lw === 'false') return { t: 'lit', v: lw === 'true' };
      if (lw === 'null') return { t: 'lit', v: null };
      const next = this.peek();
      if (next && next.k === 'punct' && next.v === '(') {
        // lambda: path/any(x: ...)
        const lambda = /^(.*)\/(any|all)$/i.exec(w);
        if (lambda) {
          this.i++;
          const varTok = this.toks[this.i++];
          if (!varTok || varTok.k !== 'word') {
            // any() without body: non-empty collection
            if (varTok?.v === ')')
              return {
                t: 'lambda',
                kind: 'any',
                coll: { t: 'path', parts: lambda[1]!.split('/') },
                varName: '',
                body: { t: 'lit', v: true },
              };
            throw invalidFilter(this.src);
          }
          this.expect(':');
          const body = this.or();
          this.expect(')');
          return {
            t: 'lambda',
            kind: lambda[2]!.toLowerCase() as 'any' | 'all',
            coll: { t: 'path', parts: lambda[1]!.split('/') },
            varName: varTok.v,
            body,
          };
        }
        this.i++;
        const args: Node[] = [];
        if (!(this.peek()?.v === ')')) {
          args.push(this.or());
          while (this.peek()?.v === ',') {
            this.i++;
            args.push(this.or());
          }
        }
        this.expect(')');
        return { t: 'fn', name: lw, args };
      }
      return { t: 'path', parts: w.split('/') };
    }
    throw invalidFilter(this.src);
  }
}

export type Predicate = (item: Record<string, unknown>) => boolean;

export function parseFilter(src: string): Predicate {
  const ast = new Parser(tokenize(src), src).parse();
  return (item) => truthy(evaluate(ast, { $it: item }, item));
}

function truthy(v: unknown): boolean {
  return v === true;
}

function getPath(root: unknown, parts: string[], vars: Record<string, unknown>): unknown {
  let cur: unknown = root;
  let start = 0;
  if (parts[0] && parts[0] in vars && parts[0] !== '$it') {
    cur = vars[parts[0]];
    start = 1;
  }
  for (let i = start; i < parts.length; i++) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    const key = parts[i]!;
    const obj = cur as Record<string, unknown>;
    const found = Object.keys(obj).find((k) => k.toLowerCase() === key.toLowerCase());
    cur = found === undefined ? undefined : obj[found];
  }
  return cur;
}

function evaluate(n: Node, vars: Record<string, unknown>, root: unknown): unknown {
  switch (n.t) {
    case 'lit':
      return n.v;
    case 'path':
      return getPath(root, n.parts, vars);
    case 'and':
      return truthy(evaluate(n.l, vars, root)) && truthy(evaluate(n.r, vars, root));
    case 'or':
      return truthy(evaluate(n.l, vars, root)) || truthy(evaluate(n.r, vars, root));
    case 'not':
      return !truthy(evaluate(n.e, vars, root));
    case 'cmp':
      return compare(n.op, evaluate(n.l, vars, root), evaluate(n.r, vars, root));
    case 'fn': {
      const a = n.args.map((x) => evaluate(x, vars, root));
      const s = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : '');
      switch (n.name) {
        case 'startswith':
          return s(a[0]).startsWith(s(a[1]));
        case 'endswith':
          return s(a[0]).endsWith(s(a[1]));
        case 'contains':
          return s(a[0]).includes(s(a[1]));
        case 'tolower':
          return s(a[0]);
        default:
          throw badRequest(`Unsupported function '${n.name}' in filter.`);
      }
    }
    case 'lambda': {
      const coll = evaluate(n.coll, vars, root);
      if (!Array.isArray(coll)) return n.kind === 'all';
      const test = (el: unknown) => truthy(evaluate(n.body, { ...vars, [n.varName]: el }, root));
      return n.kind === 'any' ? coll.some(test) : coll.every(test);
    }
  }
}

function norm(v: unknown): unknown {
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
      const ms = Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(v) ? v : v + 'Z');
      if (!Number.isNaN(ms)) return ms;
    }
    return v.toLowerCase();
  }
  return v;
}

function compare(op: string, l: unknown, r: unknown): boolean {
  const a = norm(l);
  const b = norm(r);
  if (op === 'eq') return a === b || (a == null && b == null);
  if (op === 'ne') return !(a === b || (a == null && b == null));
  if (a == null || b == null) return false;
  if (typeof a !== typeof b) return false;
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case 'gt':
      return x > y;
    case 'ge':
      return x >= y;
    case 'lt':
      return x < y;
    case 'le':
      return x <= y;
  }
  return false;
}
