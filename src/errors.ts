/** Failures outside content (config, templates, I/O); content problems are diagnostics instead. */
export class HindsightError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }
}

/** The config file is unreadable, malformed, or has an unknown key or a wrong type. */
export class ConfigError extends HindsightError {}

/** A template failed to load or render. */
export class TemplateError extends HindsightError {}

/** The cache folder changed under a build, so a document it had a moment ago cannot be read. */
export class CacheError extends HindsightError {}

/** Reading content or writing output failed. */
export class OutputError extends HindsightError {}

/** Command-line usage error (unknown flag, missing argument). */
export class UsageError extends HindsightError {}

/** The output folder is, holds or lies inside something Hindsight did not write, so replacing it would delete it. */
export class UnsafeOutputError extends OutputError {}

/** Another live build holds the output folder's lock. */
export class OutputLockedError extends OutputError {}
