// `audit --out FILE`: the output is checked before the audit starts and written whole at the end. The report is
// written to a temporary file beside FILE and renamed over it, so FILE never holds a partial report, even if the
// audit is interrupted; the temporary file is removed on SIGINT and SIGTERM.
import type { Bilingual } from '../errors.js';
import { OUTPUT_ERRORS } from './messages/audit.js';
import { fill } from './messages/report.js';
import { closeSync, openSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Why an output file cannot be used, for a one-line usage error. */
/** A report file that cannot be written: the message in English, and both languages for the command line. */
export class OutputError extends Error {
  readonly text: Bilingual;
  constructor(entry: Bilingual, values: Record<string, string>) {
    const text = { zh: fill(entry.zh, values), en: fill(entry.en, values) };
    super(text.en);
    this.text = text;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** A file-system error in a few words (`ENOENT: no such file or directory`), without the temporary file's name. */
const reason = (error: unknown) => (error as Error).message.replace(/, \w+ '[^']*'( -> '[^']*')?$/, '');

export class ReportFile {
  readonly path: string;
  readonly #temporary: string;
  #open = true;
  readonly #onSignal = (signal: NodeJS.Signals) => {
    this.discard();
    // Then end as the signal would have: exit 130 for SIGINT, 143 for SIGTERM.
    process.kill(process.pid, signal);
  };

  readonly #option: string;

  private constructor(path: string, temporary: string, option: string) {
    this.path = path;
    this.#option = option;
    this.#temporary = temporary;
    for (const signal of SIGNALS) process.once(signal, this.#onSignal);
  }

  /** Checks that FILE can be written (its folder exists and takes a new file; FILE is not a folder) before any work. */
  static open(path: string, option = '--out'): ReportFile {
    if (path.trim() === '') throw new OutputError(OUTPUT_ERRORS.noPath, { option });
    let existing;
    try {
      existing = statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutputError(OUTPUT_ERRORS.cannotWrite, { option, path, reason: reason(error) });
    }
    if (existing && !existing.isFile()) throw new OutputError(OUTPUT_ERRORS.notAFile, { option, path });
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
    try {
      closeSync(openSync(temporary, 'wx'));
    } catch (error) {
      // The report goes to a new file beside FILE, then replaces it: it is the folder that must take a file.
      throw new OutputError(OUTPUT_ERRORS.cannotCreate, { option, path, folder: dirname(path), reason: reason(error) });
    }
    return new ReportFile(path, temporary, option);
  }

  /**
   * The temporary file beside FILE, for a report written piece by piece (per-case NDJSON, a streamed workbook);
   * `commit` then puts it in place.
   */
  get temporaryPath(): string {
    return this.#temporary;
  }

  /** Puts the report written to `temporaryPath` in place. */
  commit(): void {
    try {
      renameSync(this.#temporary, this.path);
      this.#close();
    } catch (error) {
      this.discard();
      throw new OutputError(OUTPUT_ERRORS.cannotWrite, { option: this.#option, path: this.path, reason: reason(error) });
    }
  }

  /** Writes the report and puts it in place. */
  write(text: string): void {
    try {
      writeFileSync(this.#temporary, text);
      renameSync(this.#temporary, this.path);
      this.#close();
    } catch (error) {
      this.discard();
      throw new OutputError(OUTPUT_ERRORS.cannotWrite, { option: this.#option, path: this.path, reason: reason(error) });
    }
  }

  /** Removes the temporary file: the audit did not finish. */
  discard(): void {
    if (!this.#open) return;
    try {
      unlinkSync(this.#temporary);
    } catch {
      // Already gone.
    }
    this.#close();
  }

  #close(): void {
    this.#open = false;
    for (const signal of SIGNALS) process.removeListener(signal, this.#onSignal);
  }
}
