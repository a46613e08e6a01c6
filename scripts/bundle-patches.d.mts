/** Types of scripts/bundle-patches.mjs: the exact source patches esbuild applies to dependencies as it bundles. */
import type { Plugin } from 'esbuild'

/** One patch: the files it applies to and the one piece of their source it replaces. */
export interface Patch {
  file: RegExp
  find: string
  replace: string
}

/** The patches, each a file pattern and the one piece of its source it replaces. */
export const PATCHES: Patch[]

/** A dependency's source with a patch applied; throws when the piece it replaces is not there exactly once. */
export function applyPatch(source: string, patch: Patch, file?: string): string

/** The esbuild plugin that applies `PATCHES` to the files they name. */
export const dependencyPatches: Plugin
