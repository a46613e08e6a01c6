// Hindsight dev client, injected by `hindsight dev` only: reloads the page after a rebuild and shows
// the problems of a broken save in an overlay. Never referenced by built pages.
;(function () {
  'use strict'
  var ROOT = '/__hindsight/'
  var SCROLL_KEY = 'hindsight-scroll:' + location.pathname
  var overlay = null

  function stylesheet() {
    if (document.querySelector('link[data-hindsight-overlay]')) return
    var link = document.createElement('link')
    link.rel = 'stylesheet'
    link.href = ROOT + 'overlay.css'
    link.setAttribute('data-hindsight-overlay', '')
    document.head.appendChild(link)
  }

  function render(payload) {
    var problems = (payload && payload.problems) || []
    if (overlay) overlay.remove()
    overlay = null
    if (problems.length === 0) return
    stylesheet()
    overlay = document.createElement('aside')
    overlay.className = 'hindsight-overlay'
    overlay.setAttribute('role', 'alert')
    var close = document.createElement('button')
    close.type = 'button'
    close.setAttribute('aria-label', 'Hide')
    close.textContent = '\u00d7'
    close.addEventListener('click', function () {
      render(null)
    })
    var title = document.createElement('h2')
    title.textContent = 'Hindsight: the last save has errors; the last good version is shown'
    var list = document.createElement('ul')
    problems.forEach(function (problem) {
      problem.diagnostics.forEach(function (d) {
        var item = document.createElement('li')
        item.className = d.severity
        var where = problem.file + (d.line == null ? '' : ':' + d.line + ':' + (d.column == null ? 1 : d.column))
        item.textContent = where + ' ' + d.severity + ' ' + d.message + '  ' + d.ruleId
        list.appendChild(item)
      })
    })
    overlay.append(close, title, list)
    document.body.appendChild(overlay)
  }

  var saved = sessionStorage.getItem(SCROLL_KEY)
  if (saved !== null) {
    sessionStorage.removeItem(SCROLL_KEY)
    window.scrollTo(0, Number(saved))
  }

  // Whether a rebuild touched this page, or something every page uses (a stylesheet, a script).
  function affects(data) {
    if (!data || data.full || !Array.isArray(data.pages)) return true
    var here = location.pathname.replace(/index\.html$/, '')
    return data.pages.some(function (page) {
      if (/\.(json|xml|txt)$/.test(page)) return false
      if (/(\/|\.html)$/.test(page)) return page.replace(/index\.html$/, '') === here
      return true
    })
  }

  var events = new EventSource(ROOT + 'events')
  events.addEventListener('reload', function (event) {
    if (!affects(JSON.parse(event.data))) return
    sessionStorage.setItem(SCROLL_KEY, String(window.scrollY))
    location.reload()
  })
  // The stream starts with the current problems and carries every change after, in order (see serveEvents).
  events.addEventListener('diagnostics', function (event) {
    render(JSON.parse(event.data))
  })
  events.addEventListener('open', function () {
    document.documentElement.setAttribute('data-hindsight-live', '')
  })
})()
