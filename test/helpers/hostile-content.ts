/**
 * Hostile postmortems: every way we know for Markdown, raw HTML or front matter to smuggle script into a page.
 * Each payload that would run sets `window.__pwned`, calls `alert`, or both, so a browser test can tell.
 */

/** Script bodies used in payloads; any of them running is a failure. */
export const CANARY = 'window.__pwned=1;alert(1)'

/** Raw HTML and Markdown constructs that must come out inert. */
const RAW_HTML = String.raw`# Raw HTML attacks

<script>window.__pwned=1;alert(1)</script>
<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>
<scr<script>ipt>window.__pwned=1</script>

<img src="x" onerror="window.__pwned=1;alert(1)">
<IMG SRC=x OnErRoR=window.__pwned=1>
<img src="javascript:window.__pwned=1">
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">
<img srcset="javascript:window.__pwned=1 1x">
<body onload="window.__pwned=1">
<details open ontoggle="window.__pwned=1;alert(1)"><summary>open me</summary>x</details>
<input autofocus onfocus="window.__pwned=1">
<video><source onerror="window.__pwned=1"></video>
<audio src=x onerror="window.__pwned=1"></audio>

<a href="javascript:window.__pwned=1;alert(1)">plain javascript</a>
<a href="JaVaScRiPt:window.__pwned=1">mixed case</a>
<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__pwned=1">decimal entities</a>
<a href="&#x6A;avascript&#x3A;window.__pwned=1">hex entities</a>
<a href="jav&#x09;ascript:window.__pwned=1">tab entity</a>
<a href="java	script:window.__pwned=1">raw tab</a>
<a href=" javascript:window.__pwned=1">leading space</a>
<a href="vbscript:msgbox(1)">vbscript</a>
<a href="VBScript:msgbox(1)">vbscript mixed</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data html</a>
<a href="DATA:text/html,<script>alert(1)</script>">data upper</a>
<a href="https://example.com" onclick="window.__pwned=1" onmouseover="alert(1)">handlers</a>

<svg><script>window.__pwned=1;alert(1)</script></svg>
<svg onload="window.__pwned=1"><circle r="10"/></svg>
<svg><a xlink:href="javascript:window.__pwned=1"><text>svg link</text></a></svg>
<svg><animate onbegin="window.__pwned=1" attributeName="x" dur="1s"/></svg>
<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1"></style></mglyph></table></mtext></math>
<svg></p><style><a id="</style><img src=1 onerror=window.__pwned=1>">

<iframe src="javascript:window.__pwned=1"></iframe>
<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>
<object data="data:text/html,<script>alert(1)</script>"></object>
<embed src="javascript:window.__pwned=1">
<style>body { display: none } @import url(https://evil.example/x.css);</style>
<link rel="stylesheet" href="https://evil.example/x.css">
<form action="javascript:window.__pwned=1"><button>submit</button><button formaction="javascript:alert(1)">b</button></form>
<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">
<base href="https://evil.example/">
<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>"></noscript>
<template><img src=x onerror="window.__pwned=1"></template>
<!--><script>window.__pwned=1</script>-->
<![CDATA[><script>window.__pwned=1</script>]]>
<div style="background:url(javascript:window.__pwned=1)">styled</div>
<img name="getElementById" src="https://example.com/x.png"><form name="querySelector"></form>

[markdown javascript link](javascript:window.__pwned=1)
[markdown mixed case](JAVASCRIPT:alert(1))
[markdown entity](jav&#x61;script:alert(1))
[markdown data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
[markdown vbscript](vbscript:msgbox(1))
![markdown image](javascript:window.__pwned=1)
![markdown data image](data:image/svg+xml,<svg onload=alert(1)>)
<javascript:window.__pwned=1>
[reference link][evil]

[evil]: javascript:window.__pwned=1

## <img src=x onerror="window.__pwned=1"> heading with HTML

| time | event |
| --- | --- |
| 10:00 | <img src=x onerror="window.__pwned=1"> in a table |

- [ ] <a href="javascript:alert(1)">action item link</a>
`

/** Hostile front matter: HTML and quotes in every field that reaches a page, and path-escaping labels. */
const FRONT_MATTER = String.raw`---
title: "\"><script>window.__pwned=1</script><img src=x onerror=alert(1)> ' \" Title"
description: "</title><script>alert(1)</script>"
summary: "<img src=x onerror=window.__pwned=1>"
date: 2024-03-04
tags:
  - "<img src=x onerror=window.__pwned=1>"
  - "\"><script>alert(1)</script>"
  - "../../etc"
  - "javascript:alert(1)"
  - ".."
site: ["<svg onload=window.__pwned=1>", "../../etc"]
authors: ["<b onclick=alert(1)>me</b>", "O'Brien \"the\" <admin>"]
severity: "\"><iframe src=javascript:alert(1)>"
slug: "../../etc"
---

# Front matter attacks

## Summary

Everything above tries to break out of an attribute or an element.

## Timeline (UTC)

- 2024-03-04 10:00 <script>window.__pwned=1</script> alert fired
- 10:05 <img src=x onerror="window.__pwned=1"> engineer paged
- 10:30 [fixed](javascript:alert(1)) resolved

## Action items

- [ ] <img src=x onerror=alert(1)> add a check (owner: <b onmouseover=alert(1)>ops</b>)

## Lessons learned

### What went well

- "><script>alert(1)</script>
`

/** Content files of the hostile archive, keyed by path under content/. */
export const HOSTILE_FILES: Record<string, string> = {
  'raw-html.md': RAW_HTML,
  'front-matter.md': FRONT_MATTER,
  'toml-front-matter.md': `+++\ntitle = "<script>window.__pwned=1</script>"\ntags = ["<b>bold</b>", "../../etc"]\nslug = "../etc/passwd"\n+++\n\n# TOML attack\n\nText.\n`,
  '<img src=x onerror=alert(1)>.md': '# File name attack\n\nThe file name itself carries HTML.\n',
  '%2e%2e%2f%2e%2e%2fetc.md': '# Encoded traversal file name\n\nText.\n',
  'etc..md': '# Dots in a file name\n\nText.\n',
  'javascript:alert(1).md': '# Scheme file name\n\nText.\n',
}
