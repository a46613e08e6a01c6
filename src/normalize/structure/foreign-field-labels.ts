/**
 * Metadata labels in the languages postmortems are written in besides English (`Datum:`, `Fecha:`, `Date de
 * l'incident :`, `Durée :`, `日付：`) read as the English field names the field stages know, so such a report gets
 * its date, window, severity and authors the way an English `Date:` line gives them.
 */
import { cjkFieldName } from './cjk-field-labels.js'
import { collapseSpaces } from '../collapse-spaces.js'

/** German, French, Spanish, Portuguese, Italian, Dutch and Russian labels, lower-case, by the English field each names. */
const NAMES = new Map<string, string>([
  // German
  ['datum', 'date'],
  ['datum des vorfalls', 'date'],
  ['datum des ausfalls', 'date'],
  ['datum der störung', 'date'],
  ['vorfallsdatum', 'date'],
  ['störungsdatum', 'date'],
  ['dauer', 'duration'],
  ['dauer der störung', 'duration'],
  ['ausfalldauer', 'duration'],
  ['störungsdauer', 'duration'],
  ['ausfallzeit', 'duration'],
  ['beginn', 'start'],
  ['beginn der störung', 'start'],
  ['startzeit', 'start'],
  ['ende', 'end'],
  ['ende der störung', 'end'],
  ['endzeit', 'end'],
  ['schweregrad', 'severity'],
  ['priorität', 'severity'],
  ['autor', 'authors'],
  ['autoren', 'authors'],
  ['verfasser', 'authors'],
  ['verfasst von', 'authors'],
  ['erstellt von', 'authors'],
  ['erkannt', 'detected'],
  ['erkannt am', 'detected'],
  ['entdeckt', 'detected'],
  ['behoben', 'resolved'],
  ['behoben am', 'resolved'],
  ['titel', 'title'],
  // French ("Date :" is the English label with French spacing)
  ["date de l'incident", 'date'],
  ["date de l'événement", 'date'],
  ['durée', 'duration'],
  ["durée de l'incident", 'duration'],
  ['durée de la panne', 'duration'],
  ['début', 'start'],
  ['heure de début', 'start'],
  ["début de l'incident", 'start'],
  ['fin', 'end'],
  ['heure de fin', 'end'],
  ["fin de l'incident", 'end'],
  ['gravité', 'severity'],
  ['sévérité', 'severity'],
  ['priorité', 'severity'],
  ['auteur', 'authors'],
  ['auteurs', 'authors'],
  ['rédigé par', 'authors'],
  ['détecté', 'detected'],
  ['détecté le', 'detected'],
  ['résolu', 'resolved'],
  ['résolu le', 'resolved'],
  ['titre', 'title'],
  // Spanish and Portuguese
  ['fecha', 'date'],
  ['fecha del incidente', 'date'],
  ['data do incidente', 'date'],
  ['duración', 'duration'],
  ['duración del incidente', 'duration'],
  ['duração', 'duration'],
  ['inicio', 'start'],
  ['hora de inicio', 'start'],
  ['início', 'start'],
  ['hora de fin', 'end'],
  ['fim', 'end'],
  ['severidad', 'severity'],
  ['gravedad', 'severity'],
  ['prioridad', 'severity'],
  ['severidade', 'severity'],
  ['gravidade', 'severity'],
  ['autores', 'authors'],
  ['detectado', 'detected'],
  ['resuelto', 'resolved'],
  ['resolvido', 'resolved'],
  ['título', 'title'],
  // Italian and Dutch
  ["data dell'incidente", 'date'],
  ['durata', 'duration'],
  ['inizio', 'start'],
  ['gravità', 'severity'],
  ['autore', 'authors'],
  ['autori', 'authors'],
  ['rilevato', 'detected'],
  ['risolto', 'resolved'],
  ['titolo', 'title'],
  ['duur', 'duration'],
  ['einde', 'end'],
  ['ernst', 'severity'],
  ['auteur(s)', 'authors'],
  ['opgelost', 'resolved'],
  // Russian
  ['дата', 'date'],
  ['дата инцидента', 'date'],
  ['длительность', 'duration'],
  ['продолжительность', 'duration'],
  ['начало', 'start'],
  ['окончание', 'end'],
  ['серьёзность', 'severity'],
  ['серьезность', 'severity'],
  ['автор', 'authors'],
  ['авторы', 'authors'],
])

/** The English field name a label in another language stands for (`Datum` is `date`, `日付` too), or null for none. */
export function foreignFieldName(label: string): string | null {
  const key = collapseSpaces(label.replace(/[*_`:：]/g, '').replace(/[’‘]/g, "'"))
    .trim()
    .toLowerCase()
  return key.length <= 40 ? (NAMES.get(key) ?? cjkFieldName(label)) : null
}
