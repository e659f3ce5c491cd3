/**
 * A byte-level scanner for a worksheet part (`xl/worksheets/sheetN.xml`), fed the inflated bytes chunk by
 * chunk. It understands exactly what exceljs's streaming reader understands, with the same results:
 * `<row r s>` inside `<sheetData>`, `<c r s t>`, `<f>` (a formula: the cached `<v>` is the value), `<v>`,
 * `<is>`/`<t>` (inline strings: the last `<t>` wins, as in exceljs), and the cell types s, str, inlineStr,
 * e, b and number (a Date when the cell's style is a date format). Rows are handed over as they close;
 * only an incomplete token is carried to the next chunk, so memory stays flat whatever the sheet size.
 */
import {
  type Cell,
  type CellValue,
  colName,
  P_CELL,
  P_NUMBER,
  P_SERIAL,
  P_SHARED,
  type PlainCells,
  type SheetRow,
  serialDate,
} from '../../../core/kpi/values.js';
import type { CellStyle } from './styles.js';
import { decodeAttr, decodeText, excelXmlDecode, FastXmlError } from './xml.js';

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const AMP = 38;
const CR = 13;
const DQ = 34;
const SQ = 39;
const EQ = 61;

/** The longest token (a tag or a text run) carried between chunks before the part is refused. */
export const MAX_TOKEN = 64 * 1024 * 1024;

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_ERROR = 4;
const T_BOOL = 5;

const F_NONE = 0;
const F_FORMULA = 1;
const F_VALUE = 2;

const M_EMPTY = 0;
const M_NUM = 1;
const M_STR = 2;

export interface SheetScanContext {
  shared: (string | null)[] | null;
  styles: CellStyle[];
  date1904: boolean;
  /** Error codes of formula cells by address, as `inspectWorkbook` read them (exceljs's path uses them). */
  errors: Map<string, string>;
  /** True when `errors` was not read (large sheets): then a formula's cached error code is used directly. */
  errorsUnread: boolean;
  emit(row: SheetRow): void;
}

function isWs(b: number): boolean {
  return b === 32 || b === 10 || b === 9 || b === 13;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The longest cell `fastCells` reads, in bytes: `<c r="XFD1048576" s="123456789" t="s"><v>` and a value of
 * 15 digits, a sign and a point, then `</v></c>`, with room to spare.
 */
const CELL_MAX = 96;

/** `SheetScanner.styleCodes`: what a style makes of a number. */
const S_PLAIN = 0;
const S_DATE = 1;
const S_PERCENT = 2;

/** A date serial whose Date is valid (|ms| ≤ 8.64e15) with room to spare. */
const SERIAL_MAX = 1e8;

/** The row handed to `emit`: its `cells` are built from the plain view on first read (see SheetRow.plain). */
class ScannedRow implements SheetRow {
  n = 0;
  constructor(
    readonly plain: PlainCells,
    private readonly build: () => (Cell | undefined)[],
  ) {}

  get cells(): (Cell | undefined)[] {
    return this.build();
  }
}

/** PlainCells as the scanner fills it. */
interface PlainState {
  kind: Uint8Array;
  num: Float64Array;
  si: Int32Array;
  width: number;
  shared: readonly (string | null)[];
  date1904: boolean;
}

export class SheetScanner {
  /** Set once `</sheetData>` is seen: the rest of the part holds no cells. */
  done = false;
  private carry: Buffer | null = null;
  private inRows = false;
  private inRow = false;
  private rowN = 0;
  private rowStyle = -1;
  /**
   * The row handed to `emit`, its plain view (kind and number per column), the cells built from it on
   * demand and one Cell per column: all reused row after row (the contract: the sink copies what it keeps).
   */
  private readonly p: PlainState;
  private readonly row: ScannedRow;
  private readonly cells: (Cell | undefined)[] = [];
  /** `cells` holds the current row. */
  private built = false;
  private readonly pool: Cell[] = [];
  private inCell = false;
  private col = -1;
  private cellStyle = -1;
  private type = T_NUMBER;
  private hasF = false;
  /** The formula has text: exceljs then drops a falsy cached result (0, '', NaN) and the cell reads empty. */
  private fText = false;
  private field = F_NONE;
  private vOpen = false;
  private mode = M_EMPTY;
  private num = 0;
  private str = '';
  private numBuf: Buffer | null = null;
  private numStart = 0;
  private numEnd = 0;

  private readonly styles: CellStyle[];
  private readonly dates = new Map<number, Date | null>();

  /** Per style: S_DATE for a date format, S_PERCENT for a percent one, else S_PLAIN. */
  private readonly styleCodes: Uint8Array;

  constructor(private readonly ctx: SheetScanContext) {
    this.styles = ctx.styles;
    this.styleCodes = Uint8Array.from(ctx.styles, (st) =>
      st === undefined ? S_PLAIN : st.date ? S_DATE : st.percent ? S_PERCENT : S_PLAIN,
    );
    this.p = {
      kind: new Uint8Array(64),
      num: new Float64Array(64),
      si: new Int32Array(64),
      width: 0,
      shared: ctx.shared ?? [],
      date1904: ctx.date1904,
    };
    this.row = new ScannedRow(this.p, () => this.buildCells());
  }

  /** The current row's cells, as exceljs would give them (built once per row, on first read). */
  private buildCells(): (Cell | undefined)[] {
    const cells = this.cells;
    if (this.built) return cells;
    this.built = true;
    cells.length = 0;
    const { kind, num, si, width, shared } = this.p;
    for (let col = 0; col < width; col++) {
      const k = kind[col]!;
      if (k === 0) continue;
      if (k === P_CELL) cells[col] = this.pool[col];
      else if (k === P_NUMBER) this.fill(col, num[col]!, undefined, -1);
      else if (k === P_SHARED) this.fill(col, shared[si[col]!]!, undefined, si[col]!);
      else this.fill(col, this.dateOf(num[col]!), undefined, -1);
    }
    return cells;
  }

  /** Column `col` of the built cells: its pooled Cell, filled in (every field, one shape). */
  private fill(col: number, v: CellValue, fmt: string | undefined, si: number): void {
    let c = this.pool[col];
    if (c === undefined) {
      c = { v, fmt, si };
      this.pool[col] = c;
    } else {
      c.v = v;
      c.fmt = fmt;
      c.si = si;
    }
    this.cells[col] = c;
  }

  /** Sets column `col` of the plain view (growing it for a wide sheet). */
  private setPlain(col: number, kind: number, x: number): void {
    const p = this.p;
    if (col >= p.kind.length) this.growPlain(col + 1);
    p.kind[col] = kind;
    p.num[col] = x;
    if (col >= p.width) p.width = col + 1;
  }

  /** Room for `cols` columns in the plain view. */
  private growPlain(cols: number): void {
    const p = this.p;
    const n = Math.max(cols, p.kind.length * 2);
    const kinds = new Uint8Array(n);
    kinds.set(p.kind);
    const nums = new Float64Array(n);
    nums.set(p.num);
    const sis = new Int32Array(n);
    sis.set(p.si);
    p.kind = kinds;
    p.num = nums;
    p.si = sis;
  }

  /** Sets column `col` of the plain view to shared string `si`. */
  private setShared(col: number, si: number): void {
    this.setPlain(col, P_SHARED, 0);
    this.p.si[col] = si;
  }

  /** A new row: no cells yet. */
  private clearRow(): void {
    const p = this.p;
    const kind = p.kind;
    for (let i = 0; i < p.width; i++) kind[i] = 0;
    p.width = 0;
    this.built = false;
  }

  /** Scans one chunk of inflated XML. */
  push(chunk: Buffer): void {
    if (this.done) return;
    let from = 0;
    const carry = this.carry;
    if (carry) {
      this.carry = null;
      // Finish the carried token with the shortest prefix of the chunk that can end it (up to the next
      // '<' or '>'), so that whole chunks are never copied; fall back to joining them when it cannot.
      let k = 0;
      while (k < chunk.length && chunk[k] !== LT && chunk[k] !== GT) k++;
      if (k < chunk.length) {
        const stitched = Buffer.concat([carry, chunk.subarray(0, k + 1)]);
        const stop = this.scanPart(stitched, 0);
        if (this.done) return;
        if (stop >= carry.length) from = stop - carry.length;
        else {
          this.carryFrom(Buffer.concat([stitched.subarray(stop), chunk.subarray(k + 1)]), 0);
          return;
        }
      } else {
        this.carryFrom(Buffer.concat([carry, chunk]), 0);
        return;
      }
    }
    const stop = this.scanPart(chunk, from);
    if (!this.done && stop < chunk.length) this.carryFrom(chunk, stop);
  }

  private scanPart(buf: Buffer, from: number): number {
    const stop = this.scan(buf, from);
    if (this.mode === M_NUM && this.numBuf === buf) {
      this.str = buf.toString('latin1', this.numStart, this.numEnd);
      this.mode = M_STR;
    }
    this.numBuf = null;
    return stop;
  }

  private carryFrom(buf: Buffer, stop: number): void {
    if (buf.length - stop > MAX_TOKEN) throw new FastXmlError('an XML token longer than 64 MB');
    this.carry = Buffer.from(buf.subarray(stop));
  }

  /** The part ended: anything still open means it was cut short. */
  end(): void {
    if (this.done) return;
    if (this.inRows || (this.carry && this.carry.toString('latin1').trim() !== ''))
      throw new FastXmlError('the sheet ends inside <sheetData>');
  }

  /** Returns the offset of the first byte not consumed (the start of an incomplete token). */
  private scan(buf: Buffer, from: number): number {
    const len = buf.length;
    let i = from;
    while (i < len) {
      let b = buf[i]!;
      if (b !== LT) {
        const start = i;
        let flags = 0;
        while (i < len) {
          b = buf[i]!;
          if (b === LT) break;
          if (b === AMP) flags |= 1;
          else if (b === CR) flags |= 2;
          else if (b >= 0x80) flags |= 4;
          i++;
        }
        if (i >= len) return start;
        if (this.field === F_VALUE && this.inCell) this.text(buf, start, i, flags);
        else if (this.field === F_FORMULA && this.inCell) this.fText = true;
        continue;
      }
      if (i + 1 >= len) return i;
      const b1 = buf[i + 1]!;
      // The commonest tags first: <v>, </v>, </f>, </c>.
      if (i + 3 < len) {
        const b2 = buf[i + 2]!;
        if (b1 === 118 && b2 === GT) {
          if (this.inCell) this.openValue();
          i += 3;
          continue;
        }
        if (b1 === SLASH && buf[i + 3] === GT) {
          if (b2 === 118 || b2 === 102) {
            i += 4; // closing <v> or <f> changes nothing: text after it still counts (as in exceljs)
            continue;
          }
          if (b2 === 99) {
            this.closeKind(3);
            i += 4;
            continue;
          }
        }
      }
      // <c r=".." s=".." t=".."> with its attributes in the usual order, without the general loop below.
      if (b1 === 99 && this.inRow && buf[i + 2] === 32) {
        let j = this.fastCells(buf, i, len);
        if (j > i) {
          i = j;
          if (this.done) return i;
          continue;
        }
        j = this.fastCell(buf, i + 3, len);
        if (j > 0) {
          i = j;
          continue;
        }
      }
      if (b1 === SLASH) {
        let j = i + 2;
        while (j < len && buf[j] !== GT) j++;
        if (j >= len) return i;
        let e = j;
        while (e > i + 2 && isWs(buf[e - 1]!)) e--;
        this.close(buf, i + 2, e);
        i = j + 1;
        if (this.done) return i;
        continue;
      }
      if (b1 === BANG || b1 === QMARK) {
        const end = this.skipSpecial(buf, i);
        if (end < 0) return i;
        i = end;
        continue;
      }
      // An opening tag: its name, then attributes up to '>' (quoted values may hold '>').
      let j = i + 1;
      while (j < len) {
        b = buf[j]!;
        if (b === GT || b === SLASH || isWs(b)) break;
        j++;
      }
      if (j >= len) return i;
      const nameStart = i + 1;
      const nameEnd = j;
      const kind = this.tagKind(buf, nameStart, nameEnd);
      let rA = -1;
      let rB = -1;
      let sA = -1;
      let sB = -1;
      let tA = -1;
      let tB = -1;
      let selfClosing = false;
      let complete = false;
      while (j < len) {
        b = buf[j]!;
        if (b === GT) {
          complete = true;
          break;
        }
        if (b === SLASH) {
          if (j + 1 >= len) break;
          if (buf[j + 1] === GT) {
            selfClosing = true;
            complete = true;
            j++;
            break;
          }
          j++;
          continue;
        }
        if (isWs(b)) {
          j++;
          continue;
        }
        // attribute name
        const an = j;
        while (j < len) {
          b = buf[j]!;
          if (b === EQ || isWs(b) || b === GT || b === SLASH) break;
          j++;
        }
        const anEnd = j;
        while (j < len && isWs(buf[j]!)) j++;
        if (j >= len) break;
        if (buf[j] !== EQ) continue;
        j++;
        while (j < len && isWs(buf[j]!)) j++;
        if (j >= len) break;
        const q = buf[j]!;
        if (q !== DQ && q !== SQ) throw new FastXmlError('an attribute value without quotes');
        const vs = j + 1;
        j = vs;
        while (j < len && buf[j] !== q) j++;
        if (j >= len) break;
        if (kind !== 0 && anEnd - an === 1) {
          const a = buf[an]!;
          if (a === 114 /* r */) {
            rA = vs;
            rB = j;
          } else if (a === 115 /* s */) {
            sA = vs;
            sB = j;
          } else if (a === 116 /* t */) {
            tA = vs;
            tB = j;
          }
        }
        j++;
      }
      if (!complete) return i;
      i = j + 1;
      if (kind !== 0) this.open(kind, buf, rA, rB, sA, sB, tA, tB);
      if (selfClosing) this.closeKind(kind);
      if (this.done) return i;
    }
    return len;
  }

  /**
   * The cells of a row as exports write them, one after another, read straight into the plain view:
   * `<c r="B7" s="3" t="s"><v>12</v></c>` (s optional; t optional, s or n), a plain decimal in `<v>`, or a
   * styled empty `<c r="B7" s="3"/>`; then `</row>` and the next `<row r="8" …>` (without a row style).
   * The same values `scan` would give, without its general loop. Returns the offset of the first byte it
   * left (a cell of another shape, or one that does not end in this chunk: `scan` reads it then).
   */
  private fastCells(buf: Buffer, pos: number, len: number): number {
    const styles = this.styles;
    const nStyles = styles.length;
    const codes = this.styleCodes;
    for (;;) {
      // Only a cell whose longest plain form fits in the chunk: every read below stays inside the buffer
      // (a read past its end would make V8 compile this loop for holes, several times slower).
      const end = pos + CELL_MAX;
      if (end > len || buf[pos] !== LT) return pos;
      let b = buf[pos + 1];
      if (b === SLASH) {
        // </row>, then <row r="N" …> when it follows
        if (buf[pos + 2] !== 114 || buf[pos + 3] !== 111 || buf[pos + 4] !== 119 || buf[pos + 5] !== GT)
          return pos;
        this.closeKind(2);
        pos += 6;
        const next = this.fastRow(buf, pos, len);
        if (next === pos) return pos;
        pos = next;
        continue;
      }
      if (
        b !== 99 ||
        buf[pos + 2] !== 32 ||
        buf[pos + 3] !== 114 ||
        buf[pos + 4] !== EQ ||
        buf[pos + 5] !== DQ
      )
        return pos;
      let j = pos + 6;
      let col = 0;
      b = buf[j]!;
      while (b >= 65 && b <= 90 && j < pos + 9) {
        col = col * 26 + (b - 64);
        b = buf[++j]!;
      }
      if (col === 0 || (b >= 65 && b <= 90)) return pos;
      while (b >= 48 && b <= 57 && j < pos + 20) b = buf[++j]!;
      if (b !== DQ) return pos;
      j++;
      let style = 0;
      if (buf[j] === 32 && buf[j + 1] === 115 && buf[j + 2] === EQ && buf[j + 3] === DQ) {
        j += 4;
        const at = j;
        b = buf[j]!;
        while (b >= 48 && b <= 57 && j < at + 9) {
          style = style * 10 + (b - 48);
          b = buf[++j]!;
        }
        if (b !== DQ || j === at) return pos;
        j++;
      }
      let shared = false;
      if (buf[j] === 32 && buf[j + 1] === 116 && buf[j + 2] === EQ && buf[j + 3] === DQ) {
        const t = buf[j + 4];
        if (buf[j + 5] !== DQ || (t !== 115 && t !== 110)) return pos;
        shared = t === 115;
        j += 6;
      }
      b = buf[j]!;
      const c = col - 1;
      if (b === SLASH) {
        // A styled empty cell reads as no cell.
        if (buf[j + 1] !== GT) return pos;
        this.col = c;
        pos = j + 2;
        continue;
      }
      if (b !== GT || buf[j + 1] !== LT || buf[j + 2] !== 118 || buf[j + 3] !== GT) return pos;
      j += 4;
      let neg = false;
      if (buf[j] === 45) {
        neg = true;
        j++;
      }
      let mant = 0;
      let digits = 0;
      let frac = -1;
      for (; j < end - 8; j++) {
        b = buf[j]!;
        if (b >= 48 && b <= 57) {
          mant = mant * 10 + (b - 48);
          digits++;
          if (frac >= 0) frac++;
        } else if (b === 46 && frac < 0) frac = 0;
        else break;
      }
      if (
        b !== LT ||
        digits === 0 ||
        digits > 15 ||
        frac === 0 ||
        j + 8 > end ||
        buf[j + 1] !== SLASH ||
        buf[j + 2] !== 118 ||
        buf[j + 3] !== GT ||
        buf[j + 4] !== LT ||
        buf[j + 5] !== SLASH ||
        buf[j + 6] !== 99 ||
        buf[j + 7] !== GT
      )
        return pos;
      const p = this.p;
      if (c >= p.kind.length) this.growPlain(c + 1);
      if (shared) {
        const table = this.ctx.shared;
        if (table === null || frac > 0 || neg) return pos;
        const text = table[mant];
        // A missing or empty entry reads as no cell (as in `finishCell`).
        if (text !== null && text !== undefined) {
          p.kind[c] = P_SHARED;
          p.si[c] = mant;
          if (c >= p.width) p.width = c + 1;
        }
      } else {
        let x = frac > 0 ? mant / (POW10[frac] as number) : mant;
        if (neg) x = -x;
        const si = style !== 0 && style < nStyles ? style : this.rowStyle;
        const code = si >= 0 ? codes[si]! : S_PLAIN;
        if (code === S_PLAIN || (code === S_DATE && x > -SERIAL_MAX && x < SERIAL_MAX)) {
          p.kind[c] = code === S_PLAIN ? P_NUMBER : P_SERIAL;
          p.num[c] = x;
          if (c >= p.width) p.width = c + 1;
        } else if (code === S_PERCENT) this.put(c, x, styles[si]!.percent, -1);
        else return pos;
      }
      this.col = c;
      pos = j + 8;
    }
  }

  /**
   * Right after `</row>`: a `<row r="N" …>` without a row style (s) opens the next row as `open` would;
   * returns the offset after it, or `pos` (the general loop reads it then).
   */
  private fastRow(buf: Buffer, pos: number, len: number): number {
    // Every read below stays inside the buffer (see `fastCells`).
    if (
      pos + 32 > len ||
      buf[pos] !== LT ||
      buf[pos + 1] !== 114 ||
      buf[pos + 2] !== 111 ||
      buf[pos + 3] !== 119 ||
      buf[pos + 4] !== 32 ||
      buf[pos + 5] !== 114 ||
      buf[pos + 6] !== EQ ||
      buf[pos + 7] !== DQ
    )
      return pos;
    let j = pos + 8;
    let n = 0;
    let b = buf[j]!;
    while (b >= 48 && b <= 57 && j < pos + 18) {
      n = n * 10 + (b - 48);
      b = buf[++j]!;
    }
    if (b !== DQ || j === pos + 8) return pos;
    j++;
    // The other attributes: most often the same bytes as the row before (` spans="1:9" x14ac:dyDescent=…>`).
    const tail = this.rowTail;
    let same = tail.length > 0 && j + tail.length <= len;
    for (let k = 0; same && k < tail.length; k++) same = buf[j + k] === tail[k];
    if (same) {
      this.openRow(n);
      return j + tail.length;
    }
    // Else read them: a row style (s), a self-closing tag or a single-quoted value leaves the tag to `scan`.
    const from = j;
    const last = len - 1;
    for (; j < last; j++) {
      b = buf[j]!;
      if (b === GT) break;
      if (b === SLASH || b === SQ) return pos;
      if (b === 115 && isWs(buf[j - 1]!) && (buf[j + 1] === EQ || isWs(buf[j + 1]!))) return pos;
      if (b === DQ) {
        j++;
        while (j < last && buf[j] !== DQ) j++;
      }
    }
    if (j >= last) return pos;
    if (j + 1 - from <= 256) this.rowTail = Uint8Array.prototype.slice.call(buf, from, j + 1);
    this.openRow(n);
    return j + 1;
  }

  /** A row's attributes after r, up to its '>', as last read by `fastRow` (they repeat row after row). */
  private rowTail = new Uint8Array(0);

  /** Opens row `n` without a row style, as `open` does. */
  private openRow(n: number): void {
    this.inRow = true;
    this.clearRow();
    this.col = -1;
    this.rowN = n;
    this.rowStyle = -1;
  }

  /**
   * Reads `r="…" s="…" t="…">` (each optional, in this order, single spaces) from `j`; returns the offset
   * after the tag, or 0 when the tag has another shape or is incomplete (the general path reads it then).
   */
  private fastCell(buf: Buffer, j: number, len: number): number {
    let rA = -1;
    let rB = -1;
    let sA = -1;
    let sB = -1;
    let tA = -1;
    let tB = -1;
    if (buf[j] === 114 && buf[j + 1] === EQ && buf[j + 2] === DQ) {
      rA = j + 3;
      j = rA;
      while (j < len && buf[j] !== DQ) j++;
      rB = j++;
      if (buf[j] === 32) j++;
    }
    if (buf[j] === 115 && buf[j + 1] === EQ && buf[j + 2] === DQ) {
      sA = j + 3;
      j = sA;
      while (j < len && buf[j] !== DQ) j++;
      sB = j++;
      if (buf[j] === 32) j++;
    }
    if (buf[j] === 116 && buf[j + 1] === EQ && buf[j + 2] === DQ) {
      tA = j + 3;
      j = tA;
      while (j < len && buf[j] !== DQ) j++;
      tB = j++;
    }
    if (j >= len) return 0;
    const b = buf[j];
    if (b === GT) {
      this.open(3, buf, rA, rB, sA, sB, tA, tB);
      return this.fastValue(buf, j + 1, len);
    }
    if (b === SLASH && j + 1 < len && buf[j + 1] === GT) {
      this.open(3, buf, rA, rB, sA, sB, tA, tB);
      this.closeKind(3);
      return j + 2;
    }
    return 0;
  }

  /**
   * Right after `<c …>`: a whole `<v>text</v></c>` read in one go, with exactly the calls the loop in
   * `scan` would make for it (open the value, the text run, close the cell); returns the offset after
   * `</c>`, or `k` when the cell has another shape or does not end in this chunk (the loop reads it then).
   */
  private fastValue(buf: Buffer, k: number, len: number): number {
    if (k + 3 > len || buf[k] !== LT || buf[k + 1] !== 118 || buf[k + 2] !== GT || !this.inCell) return k;
    const start = k + 3;
    let e = start;
    let flags = 0;
    // One pass over the value's bytes: what `text` needs to know, and the number when it is a plain
    // decimal (`-?\d+(\.\d+)?`, as simpleNumber reads it).
    let mant = 0;
    let digits = 0;
    let frac = -1;
    let plain = true;
    let neg = false;
    while (e < len) {
      const b = buf[e]!;
      if (b >= 48 && b <= 57) {
        mant = mant * 10 + (b - 48);
        digits++;
        if (frac >= 0) frac++;
      } else if (b === LT) break;
      else {
        if (b === 46 && frac < 0) frac = 0;
        else if (b === 45 && e === start) neg = true;
        else {
          plain = false;
          if (b === AMP) flags |= 1;
          else if (b === CR) flags |= 2;
          else if (b >= 0x80) flags |= 4;
        }
      }
      e++;
    }
    if (
      e + 8 > len ||
      buf[e + 1] !== SLASH ||
      buf[e + 2] !== 118 ||
      buf[e + 3] !== GT ||
      buf[e + 4] !== LT ||
      buf[e + 5] !== SLASH ||
      buf[e + 6] !== 99 ||
      buf[e + 7] !== GT
    )
      return k;
    this.openValue();
    if (e > start) {
      if (
        plain &&
        digits > 0 &&
        digits <= 15 &&
        frac !== 0 &&
        this.type !== T_STR &&
        this.type !== T_INLINE
      ) {
        // What `text` would make of it (a plain decimal), without reading the bytes again.
        const v = frac > 0 ? mant / (POW10[frac] as number) : mant;
        this.mode = M_NUM;
        this.num = neg ? -v : v;
        this.numBuf = buf;
        this.numStart = start;
        this.numEnd = e;
      } else this.text(buf, start, e, flags);
    }
    this.closeKind(3);
    return e + 8;
  }

  /** Comments, CDATA (exceljs ignores its content), processing instructions, declarations. */
  private skipSpecial(buf: Buffer, i: number): number {
    const len = buf.length;
    const startsWith = (s: string) => {
      if (i + s.length > len) return undefined;
      for (let k = 0; k < s.length; k++) if (buf[i + k] !== s.charCodeAt(k)) return false;
      return true;
    };
    let term: string;
    const cm = startsWith('<!--');
    const cd = startsWith('<![CDATA[');
    if (cm === undefined || cd === undefined) {
      if (len - i < 9) return -1;
    }
    if (cm) term = '-->';
    else if (cd) term = ']]>';
    else if (buf[i + 1] === QMARK) term = '?>';
    else term = '>';
    const at = buf.indexOf(term, i + 2, 'latin1');
    return at < 0 ? -1 : at + term.length;
  }

  /** 1 sheetData, 2 row, 3 c, 4 v, 5 f, 6 is, 7 t, 0 anything else. */
  private tagKind(buf: Buffer, a: number, e: number): number {
    const n = e - a;
    const b0 = buf[a];
    if (n === 1) {
      if (b0 === 99) return 3;
      if (b0 === 118) return 4;
      if (b0 === 102) return 5;
      if (b0 === 116) return 7;
      return 0;
    }
    if (n === 2) return b0 === 105 && buf[a + 1] === 115 ? 6 : 0;
    if (n === 3) return b0 === 114 && buf[a + 1] === 111 && buf[a + 2] === 119 ? 2 : 0;
    if (n === 9 && b0 === 115) {
      const s = 'sheetData';
      for (let k = 1; k < 9; k++) if (buf[a + k] !== s.charCodeAt(k)) return 0;
      return 1;
    }
    return 0;
  }

  private close(buf: Buffer, a: number, e: number): void {
    this.closeKind(this.tagKind(buf, a, e));
  }

  private open(
    kind: number,
    buf: Buffer,
    rA: number,
    rB: number,
    sA: number,
    sB: number,
    tA: number,
    tB: number,
  ): void {
    switch (kind) {
      case 1:
        this.inRows = true;
        return;
      case 2: {
        if (!this.inRows) return;
        this.inRow = true;
        this.clearRow();
        this.col = -1;
        const r = rA >= 0 ? intAttr(buf, rA, rB) : Number.NaN;
        // A row without r follows the previous one (OOXML §18.3.1.73).
        this.rowN = rA >= 0 ? r : this.rowN + 1;
        // exceljs applies a row style whenever s is present and names an existing style.
        this.rowStyle = sA >= 0 && sB > sA ? styleIndex(intAttr(buf, sA, sB), this.ctx.styles) : -1;
        return;
      }
      case 3: {
        if (!this.inRow) return;
        this.inCell = true;
        this.col = rA >= 0 ? refColumn(buf, rA, rB) : this.col + 1;
        const s = sA >= 0 ? intAttr(buf, sA, sB) : 0;
        // exceljs ignores s="0" (falsy) and unknown indexes: the row's style then applies.
        this.cellStyle = s ? styleIndex(s, this.ctx.styles) : -1;
        this.type = tA >= 0 ? typeCode(buf, tA, tB) : T_NUMBER;
        this.hasF = false;
        this.fText = false;
        this.field = F_NONE;
        this.vOpen = false;
        this.mode = M_EMPTY;
        this.str = '';
        return;
      }
      case 4:
      case 6:
      case 7:
        if (this.inCell) this.openValue();
        return;
      case 5:
        if (!this.inCell) return;
        this.hasF = true;
        this.field = F_FORMULA;
        return;
    }
  }

  private openValue(): void {
    this.field = F_VALUE;
    this.vOpen = true;
    this.mode = M_EMPTY;
    this.str = '';
  }

  private closeKind(kind: number): void {
    switch (kind) {
      case 1:
        this.inRows = false;
        this.done = true;
        return;
      case 2:
        if (!this.inRow) return;
        this.row.n = this.rowN;
        this.ctx.emit(this.row);
        this.inRow = false;
        this.clearRow();
        return;
      case 3:
        if (!this.inCell) return;
        this.finishCell();
        this.inCell = false;
        this.field = F_NONE;
        return;
    }
  }

  private text(buf: Buffer, a: number, e: number, flags: number): void {
    if (this.mode === M_EMPTY && flags === 0 && this.type !== T_STR && this.type !== T_INLINE) {
      const v = simpleNumber(buf, a, e);
      if (v !== undefined) {
        this.mode = M_NUM;
        this.num = v;
        this.numBuf = buf;
        this.numStart = a;
        this.numEnd = e;
        return;
      }
    }
    if (this.mode === M_NUM) {
      this.str = (this.numBuf as Buffer).toString('latin1', this.numStart, this.numEnd);
    }
    this.mode = M_STR;
    if (flags === 0) this.str += buf.toString('latin1', a, e);
    else this.str += decodeText(buf.toString('utf8', a, e));
  }

  private fieldText(): string {
    return this.mode === M_NUM
      ? (this.numBuf as Buffer).toString('latin1', this.numStart, this.numEnd)
      : this.str;
  }

  /** parseFloat of the value text, without making a string for plain decimals. */
  private fieldFloat(): number {
    if (this.mode === M_NUM) return this.num;
    return Number.parseFloat(this.str);
  }

  /** parseInt(text, 10). */
  private fieldInt(): number {
    if (this.mode === M_NUM) return Math.trunc(this.num);
    return Number.parseInt(this.str, 10);
  }

  private styleOf(): CellStyle | undefined {
    const i = this.cellStyle >= 0 ? this.cellStyle : this.rowStyle;
    return i >= 0 ? this.styles[i] : undefined;
  }

  /**
   * The Date of a date-formatted serial; one Date per distinct serial, shared by every cell that holds it
   * (an export repeats a few hundred days a million times; no reader of these values mutates a Date).
   */
  private dateOf(x: number): Date | null {
    let d = this.dates.get(x);
    if (d === undefined) {
      d = serialDate(x, this.ctx.date1904);
      if (this.dates.size >= 10_000) this.dates.clear();
      this.dates.set(x, d);
    }
    return d;
  }

  /** Sets column `col` of the row to the column's pooled Cell, filled in (every field, one shape). */
  private put(col: number, v: CellValue, fmt: string | undefined, si: number): void {
    let c = this.pool[col];
    if (c === undefined) {
      c = { v, fmt, si };
      this.pool[col] = c;
    } else {
      c.v = v;
      c.fmt = fmt;
      c.si = si;
    }
    this.setPlain(col, P_CELL, 0);
  }

  private finishCell(): void {
    const col = this.col;
    if (col < 0) return;
    let v: CellValue;
    if (this.hasF) {
      if (!this.vOpen) v = null;
      else if (this.type === T_STR) {
        const r = excelXmlDecode(this.fieldText());
        v = r === '' && this.fText ? null : r;
      } else {
        const x = this.fieldFloat();
        v = Number.isNaN(x) || (x === 0 && this.fText) ? null : x;
        if (v === null && this.type === T_ERROR && this.ctx.errorsUnread) {
          const code = this.fieldText();
          if (code) {
            this.put(col, { error: code }, undefined, -1);
            return;
          }
        }
      }
    } else {
      if (!this.vOpen) return; // a styled empty cell
      switch (this.type) {
        case T_SHARED: {
          const shared = this.ctx.shared;
          if (!shared) v = null;
          else {
            const si = this.fieldInt();
            const s = shared[si];
            if (s === null || s === undefined) return;
            this.setShared(col, si);
            return;
          }
          break;
        }
        case T_STR:
        case T_INLINE:
          v = excelXmlDecode(this.fieldText());
          break;
        case T_ERROR:
          this.put(col, { error: this.fieldText() }, undefined, -1);
          return;
        case T_BOOL:
          v = this.fieldInt() !== 0;
          break;
        default: {
          const x = this.fieldFloat();
          const st = this.styleOf();
          if (st === undefined || (!st.date && !st.percent)) {
            if (Number.isFinite(x)) this.setPlain(col, P_NUMBER, x);
            else this.put(col, x, undefined, -1);
            return;
          }
          if (!st.date) {
            this.put(col, x, st.percent, -1);
            return;
          }
          if (x > -SERIAL_MAX && x < SERIAL_MAX) {
            this.setPlain(col, P_SERIAL, x);
            return;
          }
          v = this.dateOf(x);
        }
      }
    }
    if (v === null) {
      const code = this.ctx.errors.get(`${colName(col)}${this.rowN}`);
      if (code === undefined) return;
      this.put(col, { error: code }, undefined, -1);
      return;
    }
    if (typeof v === 'number') this.put(col, v, this.styleOf()?.percent || undefined, -1);
    else this.put(col, v, undefined, -1);
  }
}

function styleIndex(i: number, styles: CellStyle[]): number {
  return Number.isInteger(i) && i >= 0 && i < styles.length && styles[i] ? i : -1;
}

/** parseInt of an attribute value (digits fast, anything else through the decoded string). */
function intAttr(buf: Buffer, a: number, e: number): number {
  let n = 0;
  if (e > a && e - a < 10) {
    let k = a;
    for (; k < e; k++) {
      const d = buf[k]! - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (k === e) return n;
  }
  return Number.parseInt(decodeAttr(buf.toString('utf8', a, e)), 10);
}

function typeCode(buf: Buffer, a: number, e: number): number {
  const n = e - a;
  const b0 = buf[a];
  if (n === 1) {
    if (b0 === 115) return T_SHARED;
    if (b0 === 101) return T_ERROR;
    if (b0 === 98) return T_BOOL;
    if (b0 === 110) return T_NUMBER;
  }
  const t = decodeAttr(buf.toString('utf8', a, e));
  switch (t) {
    case 's':
      return T_SHARED;
    case 'str':
      return T_STR;
    case 'inlineStr':
      return T_INLINE;
    case 'e':
      return T_ERROR;
    case 'b':
      return T_BOOL;
    default:
      return T_NUMBER; // n, d and anything else: exceljs reads the text as a number
  }
}

/** The 0-based column of a cell reference such as `C7` or `$AB$12`. */
function refColumn(buf: Buffer, a: number, e: number): number {
  let k = a;
  if (buf[k] === 36) k++;
  let col = 0;
  const s = k;
  while (k < e) {
    const b = buf[k]!;
    if (b >= 65 && b <= 90) col = col * 26 + (b - 64);
    else break;
    k++;
  }
  if (k === s || k - s > 3)
    throw new FastXmlError(`a cell reference it does not understand: "${buf.toString('utf8', a, e)}"`);
  return col - 1;
}

/**
 * A plain decimal (`-?\d+(\.\d+)?`, at most 15 significant digits) converted exactly as parseFloat
 * would (an integer divided by a power of ten is correctly rounded); undefined for anything else.
 */
function simpleNumber(buf: Buffer, a: number, e: number): number | undefined {
  let k = a;
  let neg = false;
  if (k < e && buf[k] === 45) {
    neg = true;
    k++;
  }
  if (k >= e) return undefined;
  let mant = 0;
  let digits = 0;
  let frac = -1;
  for (; k < e; k++) {
    const b = buf[k]!;
    if (b >= 48 && b <= 57) {
      mant = mant * 10 + (b - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (b === 46 && frac < 0) frac = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15 || frac === 0) return undefined;
  const v = frac > 0 ? mant / (POW10[frac] as number) : mant;
  return neg ? -v : v;
}
