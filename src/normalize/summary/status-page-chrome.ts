/**
 * The standing parts of a status page, which are there whether or not anything happened: its section headings
 * ("Upcoming maintenance windows", "Past incidents") are no title, and its stock lines ("There are no upcoming
 * maintenance windows.", "Subscribe to updates", "All systems operational") are no summary.
 */

/** What a status page lists: maintenance windows, incidents, outages. */
const LISTED = String.raw`(?:scheduled |planned )?(?:maintenances?(?: windows?| events?)?|incidents?|outages?|issues?|events?|notices?|announcements?)`

/** Headings of a status page's standing sections: "Upcoming maintenance windows", "Past incidents", "Incident history", "System status". */
const CHROME_HEADING = new RegExp(
  String.raw`^(?:(?:upcoming|scheduled|planned|past|previous|recent|current|active|ongoing|open|resolved|older) ${LISTED}|(?:incident|status|maintenance|uptime|outage) history|(?:current |system |service |overall )?status(?: overview)?|subscribe(?: to (?:updates|notifications))?)$`,
  'i',
)

/** Stock lines of a status page: "There are no upcoming maintenance windows.", "No incidents reported today.", "Subscribe to updates". */
const CHROME_LINE = new RegExp(
  String.raw`^(?:there (?:are|is) (?:currently )?no (?:(?:upcoming|scheduled|planned|active|current|ongoing|open|recent|known|past) )*${LISTED}(?: (?:scheduled|planned|reported|at (?:this time|the moment)|right now|today))*|no (?:(?:upcoming|scheduled|active|current|ongoing|recent|known) )*${LISTED} (?:reported|scheduled|today|at (?:this time|the moment))(?: today)?|subscribe to (?:updates|notifications|this page)|all systems (?:are )?(?:operational|go)|powered by \S.{0,40})[.!]?$`,
  'i',
)

/** True for a heading that names a standing section of a status page. */
export function isChromeHeading(text: string): boolean {
  return (
    text.length <= 60 &&
    CHROME_HEADING.test(
      text
        .trim()
        .replace(/[*_`:]+/g, '')
        .trim(),
    )
  )
}

/** True for a stock line of a status page. */
export function isChromeLine(text: string): boolean {
  return text.length <= 120 && CHROME_LINE.test(text.trim())
}
