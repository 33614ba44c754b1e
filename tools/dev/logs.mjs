// What a service's log line means for the console: the full log goes to a file, the
// console only shows warnings and errors. Pure, unit tested in logs.test.mjs.

/** pino's numeric levels. */
const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };
const NAMES = Object.fromEntries(Object.entries(LEVELS).map(([name, value]) => [value, name.toUpperCase()]));
export const CONSOLE_MIN_LEVEL = LEVELS.warn;

/**
 * The console text for one line of a service's output, or null to keep it in the file only.
 * pino JSON at warn or above is shown; other JSON is not. A non-JSON line on stderr (a crash
 * before the logger exists, a Node warning) is shown as is; on stdout it is not.
 * @param {string} line
 * @param {'stdout' | 'stderr'} stream
 * @returns {string | null}
 */
export function consoleText(line, stream) {
  const trimmed = line.trim();
  if (!trimmed) return null;
  const entry = parseJsonObject(trimmed);
  if (!entry) return stream === 'stderr' ? trimmed : null;
  const level = levelOf(entry.level);
  if (level === undefined) return stream === 'stderr' ? trimmed : null;
  if (level < CONSOLE_MIN_LEVEL) return null;
  const label = NAMES[level] ?? `LEVEL${level}`;
  const context = typeof entry.context === 'string' ? ` (${entry.context})` : '';
  const message = typeof entry.msg === 'string' ? entry.msg : '';
  const error = errorText(entry.err ?? entry.error);
  return `${label}${context} ${message}${error && !message.includes(error) ? ` — ${error}` : ''}`.trim();
}

/**
 * @param {unknown} value numeric (pino default) or a label (custom formatters)
 * @returns {number | undefined}
 */
export function levelOf(value) {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return LEVELS[/** @type {keyof LEVELS} */ (value.toLowerCase())];
  return undefined;
}

/** @param {unknown} err */
function errorText(err) {
  if (!err) return '';
  if (typeof err === 'string') return err;
  if (typeof err === 'object' && 'message' in err && typeof err.message === 'string') return err.message;
  return '';
}

/**
 * @param {string} text
 * @returns {Record<string, unknown> | null}
 */
function parseJsonObject(text) {
  if (!text.startsWith('{')) return null;
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Keeps the last `size` lines, to print when a process dies. */
export class Tail {
  /** @param {number} size */
  constructor(size) {
    this.size = size;
    /** @type {string[]} */
    this.lines = [];
  }

  /** @param {string} line */
  push(line) {
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.shift();
  }

  /** @returns {string[]} */
  all() {
    return [...this.lines];
  }
}
