/**
 * Lines that close a list of follow-ups rather than add one: thanks, an apology, an invitation to get in touch, or a
 * promise to keep watching ("We will keep monitoring this.", "Thanks to everyone who helped."), so that a remark
 * written after the items is not counted as one of them.
 */

/** Thanks, apologies and sign-off invitations, in English, German, French and Spanish. */
const COURTESY =
  /^(?:(?:many |big |special |huge )?thanks\b|thank you\b|(?:we|i) (?:(?:sincerely|deeply|truly) )?apologi[sz]e\b|(?:we|i)(?:['’]re| are| am) (?:(?:very|truly|deeply|so) )?sorry\b|(?:please )?(?:feel free to|do not hesitate to|don['’]t hesitate to) (?:contact|reach)|if you have (?:any )?(?:further |more )?questions\b|vielen dank\b|danke\b|merci\b|gracias\b)/i

/** A promise to keep watching, with "we" or "I" as its subject: vigilance, not a change ("We will continue to monitor the service."). */
const VIGILANCE =
  /^(?:we|i|the team)(?:['’]ll| will| shall| are going to| plan to)? (?:(?:also|closely) )?(?:continue (?:to )?(?:monitor|watch|closely monitor)|keep (?:monitoring|watching|an eye)|(?:remain|stay) (?:vigilant|alert))\b(?:[^.!?]{0,60})[.!]?$/i

/** True for a line that only closes the list (thanks, an apology, a promise to keep monitoring). */
export function closesList(line: string): boolean {
  const text = line.trim()
  return text.length <= 200 && (COURTESY.test(text) || VIGILANCE.test(text))
}
