/**
 * Finds active constructs in a built page by parsing it with a real HTML parser (parse5, the parser rehype-raw
 * uses) and walking every element, including `<template>` contents.
 */
import { parse } from 'parse5'
import { sanitizeSchema } from '../../src/markdown/html.js'

interface Node {
  nodeName: string
  tagName?: string
  attrs?: Array<{ name: string; value: string; prefix?: string }>
  childNodes?: Node[]
  content?: Node
  value?: string
}

/** Elements no page may carry; a same-origin GET form (the templates' search box) is the one exception. */
const FORBIDDEN_ELEMENTS = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'style',
  'base',
  'noscript',
  'template',
  'portal',
  'isindex',
])
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'srcset',
  'poster',
  'data',
  'background',
  'cite',
  'longdesc',
  'ping',
  'manifest',
  'lowsrc',
  'dynsrc',
  'codebase',
  'xlink:href',
])
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data|livescript|mocha):/

/** A URL as a browser reads its scheme: entities already decoded by the parser, ASCII whitespace and controls dropped. */
const schemeOf = (value: string): string => value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase()

/** `true` for a same-origin URL: no scheme and not protocol-relative. */
export const isSameOrigin = (value: string): boolean => !/^[a-z][a-z0-9+.-]*:/i.test(value.trim()) && !/^[\\/]{2}/.test(value.trim())

const CONTENT_TAGS = new Set(sanitizeSchema.tagNames)

/**
 * Every active construct in `html`, as readable strings (empty when the page is inert). Inside the rendered original
 * (`.original`), every element must also be one the sanitize schema allows, as re-parsed by a browser-grade parser.
 */
export function activeConstructs(html: string): string[] {
  const problems: string[] = []
  const visit = (node: Node, inContent: boolean): void => {
    const tag = node.tagName
    if (tag) {
      const attrs = new Map((node.attrs ?? []).map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value]))
      if (inContent && !CONTENT_TAGS.has(tag)) problems.push(`<${tag}> inside the rendered postmortem`)
      if ((attrs.get('class') ?? '').split(/\s+/).includes('original')) inContent = true
      const rel = attrs.get('rel') ?? ''
      if (tag === 'script') {
        const text = (node.childNodes ?? [])
          .map((c) => c.value ?? '')
          .join('')
          .trim()
        if (text || !attrs.has('src') || !isSameOrigin(attrs.get('src')!))
          problems.push(`<script ${JSON.stringify(Object.fromEntries(attrs))}>${text.slice(0, 60)}`)
      }
      const searchForm = tag === 'form' && isSameOrigin(attrs.get('action') ?? 'javascript:') && (attrs.get('method') ?? 'get').toLowerCase() === 'get'
      if (FORBIDDEN_ELEMENTS.has(tag) && !searchForm) problems.push(`<${tag} ${JSON.stringify(Object.fromEntries(attrs))}> element`)
      if (tag === 'meta' && attrs.has('http-equiv') && attrs.get('http-equiv')!.toLowerCase() !== 'content-security-policy')
        problems.push(`<meta http-equiv=${attrs.get('http-equiv')}>`)
      if (tag === 'link' && rel === 'stylesheet' && !isSameOrigin(attrs.get('href') ?? '')) problems.push(`<link rel=stylesheet href=${attrs.get('href')}>`)
      for (const [name, value] of attrs) {
        if (name.toLowerCase().startsWith('on')) problems.push(`<${tag} ${name}="${value.slice(0, 60)}">`)
        if (name === 'style' && /url\(|expression|javascript/i.test(value)) problems.push(`<${tag} style="${value.slice(0, 60)}">`)
        const isIcon = tag === 'link' && rel === 'icon' && value === 'data:,'
        if (
          URL_ATTRIBUTES.has(name.toLowerCase()) &&
          !isIcon &&
          (name === 'srcset' ? value.split(',') : [value]).some((part) => DANGEROUS_SCHEME.test(schemeOf(part)))
        ) {
          problems.push(`<${tag} ${name}="${value.slice(0, 60)}">`)
        }
      }
    }
    for (const child of node.childNodes ?? []) visit(child, inContent)
    if (node.content) visit(node.content, inContent)
  }
  visit(parse(html) as unknown as Node, false)
  return problems
}

/** The Content-Security-Policy a page sets in its `<meta http-equiv>`, or `null`. */
export function metaCsp(html: string): string | null {
  let csp: string | null = null
  const visit = (node: Node): void => {
    if (node.tagName === 'meta') {
      const attrs = new Map((node.attrs ?? []).map((a) => [a.name, a.value]))
      if (attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy') csp = attrs.get('content') ?? ''
    }
    for (const child of node.childNodes ?? []) visit(child)
  }
  visit(parse(html) as unknown as Node)
  return csp
}

/** `true` when a CSP forbids inline script: a `script-src` (or `default-src`) without `'unsafe-inline'` or a wildcard. */
export function forbidsInlineScript(csp: string): boolean {
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  )
  const scripts = directives.get('script-src') ?? directives.get('default-src')
  return scripts !== undefined && !scripts.some((v) => v === "'unsafe-inline'" || v === '*' || v === 'data:' || v === 'http:' || v === 'https:')
}
