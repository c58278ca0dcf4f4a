//! The board report's words in English, German, French and Spanish: the summary's figures
//! and headline, strengths and risks, the plan and breakdown tables, the method statement
//! (the HTML file's own headings are in `html.rs`). French spaces before `:` and inside « » are no-break.

use crate::lang::catalog;

catalog! {
    /// The board report's messages.
    pub(crate) enum Words {
        /// The report's title.
        Title {
            en: "How employees see the security team",
            de: "Wie die Beschäftigten das Sicherheitsteam sehen",
            fr: "Comment les employés voient l’équipe sécurité",
            es: "Cómo ven los empleados al equipo de seguridad",
        },
        Subtitle {
            en: "Survey \u{201c}{title}\u{201d} \u{b7} {people}{wave} \u{b7} instrument {id} v{version}",
            de: "Umfrage \u{201e}{title}\u{201c} \u{b7} {people}{wave} \u{b7} Fragebogen {id} v{version}",
            fr: "Enquête «\u{a0}{title}\u{a0}» \u{b7} {people}{wave} \u{b7} questionnaire {id} v{version}",
            es: "Encuesta «{title}» \u{b7} {people}{wave} \u{b7} cuestionario {id} v{version}",
        },
        FewerRespondents {
            en: "fewer than {k} respondents",
            de: "weniger als {k} Teilnehmende",
            fr: "moins de {k} répondants",
            es: "menos de {k} participantes",
        },
        Respondents { en: "{n} respondents", de: "{n} Teilnehmende", fr: "{n} répondants", es: "{n} participantes" },
        LatestWave { en: "latest wave {wave}", de: "letzte Runde {wave}", fr: "dernière vague {wave}", es: "última ronda {wave}" },
        IndexLabel {
            en: "Security team index (0\u{2013}100)",
            de: "Index Sicherheitsteam (0\u{2013}100)",
            fr: "Indice de l’équipe sécurité (0\u{2013}100)",
            es: "Índice del equipo de seguridad (0\u{2013}100)",
        },
        BandCi {
            en: "{band} \u{b7} 95% CI {ci}",
            de: "{band} \u{b7} 95-%-KI {ci}",
            fr: "{band} \u{b7} IC à 95\u{202f}% {ci}",
            es: "{band} \u{b7} IC del 95\u{a0}% {ci}",
        },
        TooFew {
            en: "too few answers to show",
            de: "zu wenige Antworten für eine Anzeige",
            fr: "trop peu de réponses pour l’afficher",
            es: "muy pocas respuestas para mostrarlo",
        },
        ChangeSince { en: "Change since {wave}", de: "Veränderung seit {wave}", fr: "Évolution depuis {wave}", es: "Cambio desde {wave}" },
        PointOne { en: "{n} point", de: "{n} Punkt", fr: "{n} point", es: "{n} punto" },
        PointOther { en: "{n} points", de: "{n} Punkte", fr: "{n} points", es: "{n} puntos" },
        Nps { en: "Security NPS", de: "Sicherheits-NPS", fr: "NPS sécurité", es: "NPS de seguridad" },
        NpsShares {
            en: "{promoters} promoters \u{b7} {detractors} detractors",
            de: "{promoters} Promotoren \u{b7} {detractors} Kritiker",
            fr: "{promoters} promoteurs \u{b7} {detractors} détracteurs",
            es: "{promoters} promotores \u{b7} {detractors} detractores",
        },
        BalanceShares {
            en: "\u{2212}100 to +100 \u{b7} {left_share} {left} \u{b7} {right_share} {right}",
            de: "\u{2212}100 bis +100 \u{b7} {left_share} {left} \u{b7} {right_share} {right}",
            fr: "\u{2212}100 à +100 \u{b7} {left_share} {left} \u{b7} {right_share} {right}",
            es: "\u{2212}100 a +100 \u{b7} {left_share} {left} \u{b7} {right_share} {right}",
        },
        RespondentsLabel { en: "Respondents", de: "Teilnehmende", fr: "Répondants", es: "Participantes" },
        NeverShown {
            en: "groups under {k} people are never shown",
            de: "Gruppen unter {k} Personen werden nie gezeigt",
            fr: "les groupes de moins de {k} personnes ne sont jamais affichés",
            es: "los grupos de menos de {k} personas nunca se muestran",
        },
        ResponseRate { en: "Response rate", de: "Rücklaufquote", fr: "Taux de réponse", es: "Tasa de respuesta" },
        OfInvited {
            en: "of {n} people invited",
            de: "von {n} eingeladenen Personen",
            fr: "sur {n} personnes invitées",
            es: "de {n} personas invitadas",
        },
        Significant {
            en: "significant (Welch p {p}, 95% CI {ci})",
            de: "signifikant (Welch p {p}, 95-%-KI {ci})",
            fr: "significatif (Welch p {p}, IC à 95\u{202f}% {ci})",
            es: "significativo (Welch p {p}, IC del 95\u{a0}% {ci})",
        },
        NotSignificant {
            en: "not significant (Welch p {p}, 95% CI {ci})",
            de: "nicht signifikant (Welch p {p}, 95-%-KI {ci})",
            fr: "non significatif (Welch p {p}, IC à 95\u{202f}% {ci})",
            es: "no significativo (Welch p {p}, IC del 95\u{a0}% {ci})",
        },
        NoResults {
            en: "Fewer than {k} people answered, so no results are shown.",
            de: "Weniger als {k} Personen haben geantwortet, daher werden keine Ergebnisse gezeigt.",
            fr: "Moins de {k} personnes ont répondu, aucun résultat n’est donc affiché.",
            es: "Respondieron menos de {k} personas, por lo que no se muestra ningún resultado.",
        },
        /// `{band}` is the band's name, lowercased except in French, which quotes it.
        Rating {
            en: "Employees rate the security team {band} ({score} out of 100)",
            de: "Die Beschäftigten bewerten das Sicherheitsteam als {band} ({score} von 100)",
            fr: "Les employés attribuent à l’équipe sécurité l’appréciation «\u{a0}{band}\u{a0}» ({score} sur 100)",
            es: "Los empleados valoran al equipo de seguridad como {band} ({score} de 100)",
        },
        Up {
            en: "up {n} since {wave}",
            de: "seit {wave} um {n} gestiegen",
            fr: "en hausse de {n} depuis {wave}",
            es: "con una subida de {n} desde {wave}",
        },
        Down {
            en: "down {n} since {wave}",
            de: "seit {wave} um {n} gesunken",
            fr: "en baisse de {n} depuis {wave}",
            es: "con una bajada de {n} desde {wave}",
        },
        SignificantChange {
            en: "a significant change",
            de: "eine signifikante Veränderung",
            fr: "un changement significatif",
            es: "un cambio significativo",
        },
        WithinMargin {
            en: "within the margin of error",
            de: "im Rahmen der Fehlermarge",
            fr: "dans la marge d’erreur",
            es: "dentro del margen de error",
        },
        CloserTo {
            en: "On balance they see it as closer to \u{201c}{side}\u{201d} ({score}).",
            de: "Insgesamt sehen sie es näher an \u{201e}{side}\u{201c} ({score}).",
            fr: "Dans l’ensemble, ils la situent plus près de «\u{a0}{side}\u{a0}» ({score}).",
            es: "En conjunto, lo sitúan más cerca de «{side}» ({score}).",
        },
        Highest {
            en: "Among the highest dimensions: {name} \u{2014} {score}/100 ({band}{split})",
            de: "Unter den höchsten Dimensionen: {name} \u{2014} {score}/100 ({band}{split})",
            fr: "Parmi les dimensions les plus hautes\u{a0}: {name} \u{2014} {score}/100 ({band}{split})",
            es: "Entre las dimensiones más altas: {name} \u{2014} {score}/100 ({band}{split})",
        },
        Lowest {
            en: "Among the lowest dimensions: {name} \u{2014} {score}/100 ({band}{split})",
            de: "Unter den niedrigsten Dimensionen: {name} \u{2014} {score}/100 ({band}{split})",
            fr: "Parmi les dimensions les plus basses\u{a0}: {name} \u{2014} {score}/100 ({band}{split})",
            es: "Entre las dimensiones más bajas: {name} \u{2014} {score}/100 ({band}{split})",
        },
        FavourableAnswers {
            en: "{share} favourable answers",
            de: "{share} positive Antworten",
            fr: "{share} de réponses favorables",
            es: "{share} de respuestas favorables",
        },
        Agree {
            en: "{share} agree: \u{201c}{text}\u{201d}",
            de: "{share} stimmen zu: \u{201e}{text}\u{201c}",
            fr: "{share} sont d’accord\u{a0}: «\u{a0}{text}\u{a0}»",
            es: "El {share} está de acuerdo: «{text}»",
        },
        Unfavourable {
            en: "{share} are unfavourable on \u{201c}{text}\u{201d}",
            de: "{share} antworten negativ auf \u{201e}{text}\u{201c}",
            fr: "{share} répondent défavorablement à «\u{a0}{text}\u{a0}»",
            es: "El {share} responde desfavorablemente a «{text}»",
        },
        VsRest {
            en: "{group} ({column}): index {delta} vs. everyone else (p {p})",
            de: "{group} ({column}): Index {delta} gegenüber allen anderen (p {p})",
            fr: "{group} ({column})\u{a0}: indice {delta} par rapport à tous les autres (p {p})",
            es: "{group} ({column}): índice {delta} frente al resto (p {p})",
        },
        LowAlpha {
            en: "{name}: its statements do not hang together well (alpha below {alpha}); read its score with care",
            de: "{name}: Die Aussagen hängen nicht gut zusammen (Alpha unter {alpha}); lesen Sie den Wert mit Vorsicht",
            fr: "{name}\u{a0}: ses affirmations ne sont pas assez cohérentes entre elles (alpha inférieur à {alpha})\u{202f}; lisez son score avec prudence",
            es: "{name}: sus afirmaciones no guardan suficiente coherencia entre sí (alfa inferior a {alpha}); interprete su puntuación con cautela",
        },
        StrengthsAndRisks { en: "Strengths and risks", de: "Stärken und Risiken", fr: "Forces et risques", es: "Fortalezas y riesgos" },
        Strengths { en: "Strengths", de: "Stärken", fr: "Forces", es: "Fortalezas" },
        Risks { en: "Risks", de: "Risiken", fr: "Risques", es: "Riesgos" },
        MoreOne {
            en: "{n} more practice is triggered; the full plan lists it.",
            de: "{n} weitere Maßnahme wird ausgelöst; der vollständige Plan enthält sie.",
            fr: "{n} autre pratique est déclenchée\u{202f}; le plan complet la contient.",
            es: "Se activa {n} práctica más; el plan completo la incluye.",
        },
        MoreOther {
            en: "{n} more practices are triggered; the full plan lists them all.",
            de: "{n} weitere Maßnahmen werden ausgelöst; der vollständige Plan enthält sie alle.",
            fr: "{n} autres pratiques sont déclenchées\u{202f}; le plan complet les contient toutes.",
            es: "Se activan {n} prácticas más; el plan completo las incluye todas.",
        },
        Now {
            en: "({item} now {share} favourable)",
            de: "({item} derzeit {share} positiv)",
            fr: "({item} actuellement {share} favorable)",
            es: "({item} ahora {share} favorable)",
        },
        PlanTitle {
            en: "What to do about it: the action plan",
            de: "Was zu tun ist: der Maßnahmenplan",
            fr: "Que faire\u{a0}: le plan d’action",
            es: "Qué hacer: el plan de acción",
        },
        PlanLead {
            en: "Practices of {library} ranked from the priority chart, weak statements and comment themes, with the strongest numbers that put each here.",
            de: "Maßnahmen aus {library}, geordnet nach dem Prioritätendiagramm, schwachen Aussagen und Kommentarthemen, jeweils mit den stärksten Zahlen, die sie hierher gebracht haben.",
            fr: "Pratiques de {library} classées d’après le graphique des priorités, les affirmations faibles et les thèmes des commentaires, avec les chiffres les plus marquants qui ont placé chacune ici.",
            es: "Prácticas de {library} ordenadas según el gráfico de prioridades, las afirmaciones débiles y los temas de los comentarios, con las cifras más relevantes que han situado cada una aquí.",
        },
        PlanCaption {
            en: "Action plan, most urgent first",
            de: "Maßnahmenplan, dringendste zuerst",
            fr: "Plan d’action, le plus urgent en premier",
            es: "Plan de acción, lo más urgente primero",
        },
        Rank { en: "Rank", de: "Rang", fr: "Rang", es: "Puesto" },
        Practice { en: "Practice", de: "Maßnahme", fr: "Pratique", es: "Práctica" },
        FirstStep {
            en: "First step this month",
            de: "Erster Schritt diesen Monat",
            fr: "Première étape ce mois-ci",
            es: "Primer paso este mes",
        },
        ShouldMove {
            en: "What should move by next wave",
            de: "Was sich bis zur nächsten Runde bewegen soll",
            fr: "Ce qui doit évoluer d’ici la prochaine vague",
            es: "Qué debe cambiar para la próxima ronda",
        },
        TriggeredBy {
            en: "The numbers that triggered it",
            de: "Die Zahlen, die sie ausgelöst haben",
            fr: "Les chiffres qui l’ont déclenchée",
            es: "Las cifras que la activaron",
        },
        AndMore { en: "{list}; and {n} more", de: "{list}; und {n} weitere", fr: "{list}\u{202f}; et {n} autres", es: "{list}; y {n} más" },
        By { en: "By {column}", de: "Nach {column}", fr: "Par {column}", es: "Por {column}" },
        BreakdownLead {
            en: "Index 0\u{2013}100 per group; \u{201c}vs. rest\u{201d} is the difference to everyone else (* = significant, Welch p < .05). Groups under {k} people are shown as \u{201c}< {k}\u{201d}.",
            de: "Index 0\u{2013}100 je Gruppe; \u{201e}ggü. Rest\u{201c} ist der Unterschied zu allen anderen (* = signifikant, Welch p < 0,05). Gruppen unter {k} Personen werden als \u{201e}< {k}\u{201c} angezeigt.",
            fr: "Indice 0\u{2013}100 par groupe\u{202f}; «\u{a0}écart\u{a0}» est la différence avec tous les autres (* = significatif, Welch p < 0,05). Les groupes de moins de {k} personnes sont affichés «\u{a0}< {k}\u{a0}».",
            es: "Índice 0\u{2013}100 por grupo; «vs resto» es la diferencia con todos los demás (* = significativo, Welch p < 0,05). Los grupos de menos de {k} personas se muestran como «< {k}».",
        },
        ResultsBy { en: "Results by {column}", de: "Ergebnisse nach {column}", fr: "Résultats par {column}", es: "Resultados por {column}" },
        People { en: "People", de: "Personen", fr: "Personnes", es: "Personas" },
        Index { en: "Index", de: "Index", fr: "Indice", es: "Índice" },
        VsRestColumn { en: "vs. rest", de: "ggü. Rest", fr: "écart", es: "vs resto" },
        Balance { en: "Balance", de: "Nein \u{2194} Optionen", fr: "Non \u{2194} options", es: "No \u{2194} opciones" },
        NoAnswersNoComments {
            en: "The report holds aggregates only: no individual answers and no comments.",
            de: "Der Bericht enthält nur zusammengefasste Werte: keine einzelnen Antworten und keine Kommentare.",
            fr: "Le rapport ne contient que des valeurs agrégées\u{a0}: aucune réponse individuelle et aucun commentaire.",
            es: "El informe solo contiene valores agregados: ninguna respuesta individual y ningún comentario.",
        },
        CommentsProtected {
            en: "It holds no individual answers. Comments are summarised and quoted only for groups with at least {t} comments, with e-mail addresses, phone numbers, personal links, ids and listed names removed.",
            de: "Er enthält keine einzelnen Antworten. Kommentare werden nur für Gruppen mit mindestens {t} Kommentaren zusammengefasst und zitiert; E-Mail-Adressen, Telefonnummern, persönliche Links, Kennungen und aufgelistete Namen werden entfernt.",
            fr: "Il ne contient aucune réponse individuelle. Les commentaires ne sont résumés et cités que pour les groupes d’au moins {t} commentaires, sans les adresses e-mail, numéros de téléphone, liens personnels, identifiants et noms listés.",
            es: "No contiene respuestas individuales. Los comentarios solo se resumen y se citan en grupos con al menos {t} comentarios, sin direcciones de correo electrónico, números de teléfono, enlaces personales, identificadores ni nombres de la lista.",
        },
        FewerPeople { en: "Fewer than {k} people", de: "Weniger als {k} Personen", fr: "Moins de {k} personnes", es: "Menos de {k} personas" },
        PeopleCount { en: "{n} people", de: "{n} Personen", fr: "{n} personnes", es: "{n} personas" },
        MethodScores {
            en: "{people} answered the survey \u{201c}{title}\u{201d} ({id} v{version}). Each statement is answered on an agreement scale; statements worded against the team are reversed, and a person\u{2019}s answers become a 0\u{2013}100 score per dimension and overall. Scores are averages with 95% confidence intervals (t intervals). Differences between groups or waves are tested with Welch\u{2019}s t test and called significant when p < .05.",
            de: "{people} haben an der Umfrage \u{201e}{title}\u{201c} ({id} v{version}) teilgenommen. Jede Aussage wird auf einer Zustimmungsskala beantwortet; gegen das Team formulierte Aussagen werden umgepolt, und die Antworten einer Person ergeben einen Wert von 0\u{2013}100 je Dimension und insgesamt. Die Werte sind Mittelwerte mit 95-%-Konfidenzintervallen (t-Intervalle). Unterschiede zwischen Gruppen oder Runden werden mit dem Welch-t-Test geprüft und heißen signifikant, wenn p < 0,05.",
            fr: "{people} ont répondu à l’enquête «\u{a0}{title}\u{a0}» ({id} v{version}). Chaque affirmation reçoit une réponse sur une échelle d’accord\u{202f}; les affirmations formulées contre l’équipe sont inversées, et les réponses d’une personne donnent un score de 0 à 100 par dimension et au total. Les scores sont des moyennes avec des intervalles de confiance à 95\u{202f}% (intervalles t). Les différences entre groupes ou vagues sont testées avec le test t de Welch et dites significatives lorsque p < 0,05.",
            es: "{people} respondieron a la encuesta «{title}» ({id} v{version}). Cada afirmación se responde en una escala de acuerdo; las afirmaciones formuladas en contra del equipo se invierten, y las respuestas de una persona se convierten en una puntuación de 0 a 100 por dimensión y en total. Las puntuaciones son medias con intervalos de confianza del 95\u{a0}% (intervalos t). Las diferencias entre grupos o rondas se contrastan con la prueba t de Welch y se consideran significativas cuando p < 0,05.",
        },
        MethodNps {
            en: "Security NPS is the share answering 9\u{2013}10 minus the share answering 0\u{2013}6 to \u{201c}How likely are you to recommend going to the security team?\u{201d}. The balance places the team between its two poles, from \u{2212}100 to +100.",
            de: "Der Sicherheits-NPS ist der Anteil der Antworten 9\u{2013}10 minus der Anteil der Antworten 0\u{2013}6 auf die Frage \u{201e}Wie wahrscheinlich ist es, dass Sie empfehlen, sich an das Sicherheitsteam zu wenden?\u{201c}. Die Skala \u{201e}Nein \u{2194} Optionen\u{201c} ordnet das Team zwischen seinen beiden Polen ein, von \u{2212}100 bis +100.",
            fr: "Le NPS sécurité est la part des réponses 9\u{2013}10 moins la part des réponses 0\u{2013}6 à la question «\u{a0}Quelle est la probabilité que vous conseilliez de s’adresser à l’équipe sécurité\u{202f}?\u{a0}». L’échelle «\u{a0}Non \u{2194} options\u{a0}» situe l’équipe entre ses deux pôles, de \u{2212}100 à +100.",
            es: "El NPS de seguridad es la proporción de respuestas 9\u{2013}10 menos la de respuestas 0\u{2013}6 a la pregunta «¿Qué probabilidad hay de que recomiende acudir al equipo de seguridad?». La escala «No \u{2194} opciones» sitúa al equipo entre sus dos polos, de \u{2212}100 a +100.",
        },
        MethodAnonymity {
            en: "Anonymity: no number in this report rests on fewer than {k} answers. Smaller groups appear as \u{201c}< {k}\u{201d}, and numbers that could be subtracted from others to reveal a smaller group are hidden too. {comments}",
            de: "Anonymität: Keine Zahl in diesem Bericht beruht auf weniger als {k} Antworten. Kleinere Gruppen erscheinen als \u{201e}< {k}\u{201c}, und Zahlen, die sich von anderen abziehen ließen, um eine kleinere Gruppe sichtbar zu machen, werden ebenfalls ausgeblendet. {comments}",
            fr: "Anonymat\u{a0}: aucun chiffre de ce rapport ne repose sur moins de {k} réponses. Les groupes plus petits apparaissent sous la forme «\u{a0}< {k}\u{a0}», et les chiffres qui, soustraits d’autres, révéleraient un groupe plus petit sont masqués eux aussi. {comments}",
            es: "Anonimato: ninguna cifra de este informe se basa en menos de {k} respuestas. Los grupos más pequeños aparecen como «< {k}», y las cifras que, restadas de otras, revelarían un grupo más pequeño también se ocultan. {comments}",
        },
        MethodSensitive {
            en: "Sensitive questions were asked with randomized response: each person\u{2019}s device randomized the answer before it was recorded, so no single answer says what that person did. The shares are estimated from all answers together, which makes their confidence intervals wider than a direct question\u{2019}s.",
            de: "Heikle Fragen wurden mit dem Randomized-Response-Verfahren gestellt: Das Gerät jeder Person hat die Antwort vor dem Speichern zufällig verändert, sodass keine einzelne Antwort verrät, was diese Person getan hat. Die Anteile werden aus allen Antworten zusammen geschätzt, daher sind ihre Konfidenzintervalle breiter als bei einer direkten Frage.",
            fr: "Les questions sensibles ont été posées avec la méthode de réponse randomisée\u{a0}: l’appareil de chaque personne a rendu la réponse aléatoire avant son enregistrement, si bien qu’aucune réponse isolée ne dit ce que cette personne a fait. Les parts sont estimées à partir de l’ensemble des réponses, ce qui rend leurs intervalles de confiance plus larges que ceux d’une question directe.",
            es: "Las preguntas delicadas se formularon con respuesta aleatorizada: el dispositivo de cada persona aleatorizó la respuesta antes de registrarla, de modo que ninguna respuesta individual revela lo que hizo esa persona. Las proporciones se estiman a partir de todas las respuestas juntas, por lo que sus intervalos de confianza son más amplios que los de una pregunta directa.",
        },
        MethodRanking {
            en: "Leaders ranked business systems by how important it is to protect them; the ranking combines their orders with the Borda count (with m options, first place earns m \u{2212} 1 points, last place 0).",
            de: "Führungskräfte haben Geschäftssysteme danach geordnet, wie wichtig ihr Schutz ist; die Rangfolge fasst ihre Reihenfolgen mit der Borda-Zählung zusammen (bei m Optionen erhält der erste Platz m \u{2212} 1 Punkte, der letzte 0).",
            fr: "Les responsables ont classé les systèmes métier selon l’importance de leur protection\u{202f}; le classement combine leurs ordres par la méthode de Borda (avec m options, la première place rapporte m \u{2212} 1 points, la dernière 0).",
            es: "Los responsables ordenaron los sistemas de negocio según la importancia de protegerlos; la clasificación combina sus órdenes con el recuento de Borda (con m opciones, el primer puesto obtiene m \u{2212} 1 puntos y el último 0).",
        },
        MethodTitle { en: "Method and anonymity", de: "Methode und Anonymität", fr: "Méthode et anonymat", es: "Método y anonimato" },
        Disagree {
            en: "{share} disagree: \u{201c}{text}\u{201d}",
            de: "{share} stimmen nicht zu: \u{201e}{text}\u{201c}",
            fr: "{share} ne sont pas d’accord\u{a0}: «\u{a0}{text}\u{a0}»",
            es: "El {share} no está de acuerdo: «{text}»",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::Words;
    use crate::lang::check_catalog;

    #[test]
    fn every_message_has_all_languages_and_the_same_placeholders() {
        assert_eq!(check_catalog(Words::ALL), Vec::<String>::new());
    }
}
