/** What every pass shares, made from the session: kept apart from `session.ts` so a build with nothing to do never loads the pass modules. */
import { passRenderKey, type PassContext } from './pass.js'
import type { BuilderSession } from './session.js'

/** What every pass shares: the config, the render key and a renderer for the current templates (made once per templates state). */
export async function passContext(session: BuilderSession): Promise<PassContext> {
  const { config, keys } = session
  if (session.renderer?.key !== keys.templatesKey) {
    session.renderer = { key: keys.templatesKey, render: (await import('../site/render.js')).createRenderer(config) }
  }
  return {
    config,
    mode: session.mode,
    renderKey: passRenderKey(keys.renderKey, keys.templatesKey),
    render: session.renderer.render,
    progress: session.progress,
    threads: session.workers,
  }
}
